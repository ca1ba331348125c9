/**
 * Trains the embedded intent model and writes data/models/intent.json.
 *
 *   npm run train:intent [-- --epochs 6 --bits 18 --no-write]
 *
 * Data: data/chats/*.tsv except heldout*.tsv (live-commerce chats), plus the
 * 3i4K train split, sae4K and ParaKQC from data/corpora (down-weighted, subsampled).
 * A validation split is carved from these training files only (ParaKQC by paraphrase
 * set); it selects nothing but the softmax temperature and is reported per source.
 * No data/chats/heldout*.tsv file is ever read here.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { INTENTS } from "../core/protocol/intent.ts";
import { encodeArtefact, decodeArtefact } from "../core/intent/artefact.ts";
import { type LabelledChat, parse3i4k, parseLabelledTsv, parseParaKqc, parseSae4k } from "../core/intent/corpus.ts";
import { FEATURE_VERSION } from "../core/intent/features.ts";
import { normalize } from "../core/intent/normalize.ts";
import { evaluate, formatEvaluation } from "../core/intent/metrics.ts";
import { type IntentModel, logitsOf, softmaxInPlace } from "../core/intent/model.ts";
import { isHeldoutFile } from "./lib/corpus.ts";
import {
  type Example,
  buildFeatureSet,
  fitTemperature,
  modelFrom,
  nll,
  prng,
  trainSoftmax,
} from "../core/intent/train.ts";

const { values: opt } = parseArgs({
  options: {
    bits: { type: "string", default: "19" },
    epochs: { type: "string", default: "6" },
    lr: { type: "string", default: "0.2" },
    l2: { type: "string", default: "0.00001" },
    "w-live": { type: "string", default: "20" },
    "w-3i4k": { type: "string", default: "0.2" },
    "w-sae": { type: "string", default: "0.1" },
    "w-para": { type: "string", default: "0.1" },
    "max-sae": { type: "string", default: "8000" },
    "val-frac": { type: "string", default: "0.1" },
    cv: { type: "string", default: "0" },
    "by-category": { type: "boolean", default: false },
    "show-errors": { type: "boolean", default: false },
    conflicts: { type: "string", default: "all" },
    "conflict-weight": { type: "string", default: "0.1" },
    seed: { type: "string", default: "7" },
    chats: { type: "string", default: "data/chats" },
    shared: { type: "string", default: "data/corpora" },
    out: { type: "string", default: "data/models/intent.json" },
    "no-write": { type: "boolean", default: false },
  },
});
const num = (k: keyof typeof opt) => Number(opt[k]);

interface Source {
  name: string;
  chats: LabelledChat[];
  weight: number;
}

function loadSources(): Source[] {
  const sources: Source[] = [];
  const dir = String(opt.chats);
  if (existsSync(dir) && statSync(dir).isDirectory()) {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".tsv") && !isHeldoutFile(f))
      .sort();
    // The file index rides along as `category`, for leave-one-category-out validation.
    const chats = files.flatMap((f, category) =>
      parseLabelledTsv(readFileSync(join(dir, f), "utf8")).map((c) => ({ ...c, category })),
    );
    if (chats.length > 0) sources.push({ name: `live-commerce (${files.join(", ")})`, chats, weight: num("w-live") });
  }
  const shared = String(opt.shared);
  const read = (p: string) => readFileSync(join(shared, p), "utf8");
  sources.push({ name: "3i4K train", chats: parse3i4k(read("3i4k/fci_train_val.tsv")), weight: num("w-3i4k") });
  const sae = parseSae4k(read("sae4k/sae4k_v1.tsv"));
  sources.push({ name: "sae4K", chats: sample(sae, num("max-sae"), 11), weight: num("w-sae") });
  sources.push({ name: "ParaKQC", chats: parseParaKqc(read("parakqc/paraKQC_v1.tsv")), weight: num("w-para") });
  return sources;
}

/**
 * Outside corpora label "알려줘"-style asks as questions; LiveQ labels asks phrased as
 * commands to the host as requests (data/chats/README.md). Those outside training
 * examples count `--conflict-weight` times their corpus weight (0 drops them), so they
 * still teach the rest of their sentence without overruling LiveQ's definition.
 * `--conflicts polite` limits this to the polite forms, `keep` turns it off.
 * Validation splits always keep them at full weight.
 */
const CONFLICTS: Record<string, RegExp | null> = {
  all: /(줘|줘요|주세요|줄래|줄래요|주라|주겠니|주실래요|줄수있어|줄 수 있어|주십시오|봐|해)[?.!]*$/,
  polite: /(주세요|줘요|주실래요|주시겠어요|주십시오|주실 수 있나요|주실수있나요)[?.!]*$/,
  keep: null,
};

function conflicts(chat: LabelledChat): boolean {
  const re = CONFLICTS[String(opt.conflicts)];
  if (re === undefined) throw new Error(`--conflicts must be one of ${Object.keys(CONFLICTS).join(", ")}`);
  return re !== null && chat.intent === "question" && re.test(normalize(chat.text));
}

function sample<T>(items: T[], max: number, seed: number): T[] {
  if (items.length <= max) return items;
  const rand = prng(seed);
  return items
    .map((x) => ({ x, k: rand() }))
    .sort((a, b) => a.k - b.k)
    .slice(0, max)
    .map((e) => e.x);
}

/** Near-repeats (재입고 해주세요 / 재입고 해주세요ㅠㅠ) share a key, so they share a fold. */
function groupKey(chat: LabelledChat): string {
  if (chat.group !== undefined) return `g${chat.group}`;
  const key = normalize(chat.text).replace(/[^0-9a-z\uac00-\ud7a3]/g, "");
  return key === "" ? chat.text : key;
}

/** Deterministic fold of a chat in 0..folds-1, by its group key. */
function foldOf(chat: LabelledChat, folds: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) | 0;
  for (const ch of groupKey(chat)) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193);
  return (h >>> 0) % folds;
}

const labelIndex = (intent: string) => INTENTS.indexOf(intent as (typeof INTENTS)[number]);

function predictAll(model: IntentModel, chats: LabelledChat[]): { predicted: string[]; logits: Float64Array } {
  const C = model.classes.length;
  const logits = new Float64Array(chats.length * C);
  const row = new Float64Array(C);
  const predicted = chats.map((chat, i) => {
    logitsOf(model, chat.text, row);
    logits.set(row, i * C);
    return model.classes[softmaxInPlace(row)]!;
  });
  return { predicted, logits };
}

interface Part {
  name: string;
  weight: number;
  /** The live-commerce corpus, whose labels define the intents. */
  live: boolean;
  train: LabelledChat[];
  val: LabelledChat[];
}

function exampleWeight(part: Part, chat: LabelledChat): number {
  return !part.live && conflicts(chat) ? part.weight * num("conflict-weight") : part.weight;
}

function train(parts: Part[]): IntentModel {
  const bits = num("bits");
  const examples: Example[] = parts.flatMap((p) =>
    p.train.map((c) => ({ text: c.text, label: labelIndex(c.intent), weight: exampleWeight(p, c) })),
  );
  const set = buildFeatureSet(examples, bits);
  const full = trainSoftmax(set, {
    bits,
    numClasses: INTENTS.length,
    epochs: num("epochs"),
    learningRate: num("lr"),
    l2: num("l2"),
    classWeights: weightedBalance(set.labels, set.weights),
    seed: num("seed"),
  });
  return modelFrom(full, INTENTS, bits, FEATURE_VERSION);
}

/** Splits every source: live chats into `folds` folds (fold `valFold` validates), the others 90/10. */
function splitSources(sources: Source[], folds: number, valFold: number): Part[] {
  const seed = num("seed");
  return sources.map((s, i) => {
    const live = i === 0 && s.name.startsWith("live-commerce");
    const liveFold = (c: LabelledChat & { category?: number }) =>
      opt["by-category"] ? c.category! % folds : foldOf(c, folds, seed);
    const isVal = (c: LabelledChat) => (live ? liveFold(c) === valFold : foldOf(c, 10, seed + i) === 0);
    return {
      name: s.name,
      weight: s.weight,
      live,
      train: s.chats.filter((c) => !isVal(c)),
      val: s.chats.filter(isVal),
    };
  });
}

/** k-fold cross-validation on the live-commerce training chats (pooled out-of-fold macro-F1). */
function crossValidate(sources: Source[], folds: number): void {
  const gold: string[] = [],
    predicted: string[] = [];
  for (let f = 0; f < folds; f++) {
    const parts = splitSources(sources, folds, f);
    const model = train(parts);
    gold.push(...parts[0]!.val.map((c) => c.intent));
    const fold = predictAll(model, parts[0]!.val).predicted;
    predicted.push(...fold);
    if (opt["show-errors"]) {
      parts[0]!.val.forEach((c, i) => c.intent !== fold[i] && console.log(`${c.intent}→${fold[i]}\t${c.text}`));
    }
    if (f === folds - 1) {
      for (const p of parts.slice(1)) {
        const ev = evaluate(
          p.val.map((c) => c.intent),
          predictAll(model, p.val).predicted,
          INTENTS,
        );
        console.log(`validation ${p.name}: macro-F1 ${ev.macroF1.toFixed(4)}`);
      }
    }
  }
  console.log(formatEvaluation(`${folds}-fold CV: ${sources[0]!.name}`, evaluate(gold, predicted, INTENTS)));
}

function main(): void {
  const sources = loadSources();
  const folds = num("cv");
  if (folds > 1) return crossValidate(sources, folds);
  const parts = splitSources(sources, Math.round(1 / num("val-frac")), 0);
  for (const p of parts)
    console.log(`${p.name}: ${p.train.length} train, ${p.val.length} validation, weight ${p.weight}`);
  const t0 = performance.now();
  const model = train(parts);
  console.log(`trained in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Calibrate on the live-commerce validation split when there is one: that is where it is used.
  const calib = parts[0]!.live ? parts[0]!.val : parts.flatMap((p) => p.val);
  const { logits } = predictAll(model, calib);
  const labels = Uint8Array.from(calib, (c) => labelIndex(c.intent));
  const temperature = fitTemperature(logits, labels, INTENTS.length);
  console.log(
    `temperature ${temperature.toFixed(3)}: validation NLL ${nll(logits, labels, 3, 1).toFixed(4)} → ${nll(logits, labels, 3, temperature).toFixed(4)}`,
  );
  const calibrated: IntentModel = { ...model, temperature };
  const shippedVal = decodeArtefact(encodeArtefact(calibrated, "validation"));
  for (const p of parts) {
    const gold = p.val.map((c) => c.intent);
    console.log(
      formatEvaluation(`validation: ${p.name}`, evaluate(gold, predictAll(calibrated, p.val).predicted, INTENTS)),
    );
    console.log(
      `   after int8 quantisation: macro-F1 ${evaluate(gold, predictAll(shippedVal, p.val).predicted, INTENTS).macroF1.toFixed(4)}`,
    );
  }
  if (opt["no-write"]) return;
  // The shipped model sees every training chat (validation included) and keeps the fitted temperature.
  const all = parts.map((p) => ({ ...p, train: [...p.train, ...p.val], val: [] }));
  const final: IntentModel = { ...train(all), temperature };
  const size = all.reduce((n, p) => n + p.train.length, 0);
  const trainedOn = all.map((p) => `${p.name.split(" ")[0]} ${p.train.length}`).join(", ");
  const version = `${new Date().toISOString().slice(0, 10)}, ${size} chats (${trainedOn}), ${num("bits")} bits`;
  writeArtefact(String(opt.out), encodeArtefact(final, version));
}

/** Inverse-frequency class weights over the weighted examples, mean 1. */
function weightedBalance(labels: Uint8Array, weights: Float32Array): number[] {
  const mass = INTENTS.map(() => 0);
  labels.forEach((l, i) => (mass[l]! += weights[i]!));
  const total = mass.reduce((a, b) => a + b, 0);
  return mass.map((m) => (m === 0 ? 0 : total / (INTENTS.length * m)));
}

function writeArtefact(path: string, artefact: ReturnType<typeof encodeArtefact>): void {
  // The licence travels inside the data file (JSON has no comments): the weights derive from CC-BY-SA corpora.
  const licence = "CC-BY-SA-4.0 (derived from 3i4K, sae4K, ParaKQC by Won Ik Cho et al.; see data/models/README.md)";
  const body = `${JSON.stringify({ licence, ...artefact })}\n`;
  writeFileSync(path, body);
  console.log(`wrote ${path}: ${(Buffer.byteLength(body) / 1024 / 1024).toFixed(2)} MB`);
}

main();
