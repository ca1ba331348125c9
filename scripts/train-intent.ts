/**
 * Trains the embedded intent model and writes core/intent/weights.ts.
 *
 *   npm run train:intent [-- --epochs 6 --bits 18 --no-write]
 *
 * Data: data/chats/*.tsv except heldout.tsv (live-commerce chats, weight 1), plus the
 * 3i4K train split, sae4K and ParaKQC from ../shared/data (down-weighted, subsampled).
 * A validation split is carved from these training files only (ParaKQC by paraphrase
 * set); it selects nothing but the softmax temperature and is reported per source.
 * data/chats/heldout.tsv is never read here.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { INTENTS } from "../core/protocol/intent.ts";
import { encodeArtefact, decodeArtefact } from "../core/intent/artefact.ts";
import { type LabelledChat, parse3i4k, parseLabelledTsv, parseParaKqc, parseSae4k } from "../core/intent/corpus.ts";
import { FEATURE_VERSION } from "../core/intent/features.ts";
import { evaluate, formatEvaluation } from "../core/intent/metrics.ts";
import { type IntentModel, logitsOf, softmaxInPlace } from "../core/intent/model.ts";
import { type Example, buildFeatureSet, fitTemperature, modelFrom, nll, prng, trainSoftmax } from "../core/intent/train.ts";

const { values: opt } = parseArgs({
  options: {
    bits: { type: "string", default: "18" },
    epochs: { type: "string", default: "6" },
    lr: { type: "string", default: "0.2" },
    l2: { type: "string", default: "0.00001" },
    "w-live": { type: "string", default: "1" },
    "w-3i4k": { type: "string", default: "0.5" },
    "w-sae": { type: "string", default: "0.3" },
    "w-para": { type: "string", default: "0.3" },
    "max-sae": { type: "string", default: "8000" },
    "val-frac": { type: "string", default: "0.1" },
    seed: { type: "string", default: "7" },
    chats: { type: "string", default: "data/chats" },
    shared: { type: "string", default: "../shared/data" },
    out: { type: "string", default: "core/intent/weights.ts" },
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
    const files = readdirSync(dir).filter((f) => f.endsWith(".tsv") && f !== "heldout.tsv").sort();
    const chats = files.flatMap((f) => parseLabelledTsv(readFileSync(join(dir, f), "utf8")));
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

function sample<T>(items: T[], max: number, seed: number): T[] {
  if (items.length <= max) return items;
  const rand = prng(seed);
  return items.map((x) => ({ x, k: rand() })).sort((a, b) => a.k - b.k).slice(0, max).map((e) => e.x);
}

/** Deterministic split: by group when given (ParaKQC sets), else per example. */
function split(chats: LabelledChat[], frac: number, seed: number): { train: LabelledChat[]; val: LabelledChat[] } {
  const rand = prng(seed);
  const groupVal = new Map<number, boolean>();
  const train: LabelledChat[] = [], val: LabelledChat[] = [];
  for (const chat of chats) {
    let isVal: boolean;
    if (chat.group === undefined) isVal = rand() < frac;
    else {
      if (!groupVal.has(chat.group)) groupVal.set(chat.group, rand() < frac);
      isVal = groupVal.get(chat.group)!;
    }
    (isVal ? val : train).push(chat);
  }
  return { train, val };
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

function main(): void {
  const bits = num("bits");
  const sources = loadSources();
  const seed = num("seed");
  const parts = sources.map((s, i) => ({ ...s, ...split(s.chats, num("val-frac"), seed + i) }));
  const examples: Example[] = parts.flatMap((p) => p.train.map((c) => ({ text: c.text, label: labelIndex(c.intent), weight: p.weight })));
  for (const p of parts) console.log(`${p.name}: ${p.train.length} train, ${p.val.length} validation, weight ${p.weight}`);

  const t0 = performance.now();
  const set = buildFeatureSet(examples, bits);
  const full = trainSoftmax(set, {
    bits, numClasses: INTENTS.length, epochs: num("epochs"), learningRate: num("lr"), l2: num("l2"),
    classWeights: weightedBalance(set.labels, set.weights), seed,
  });
  console.log(`trained on ${examples.length} examples in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const model = modelFrom(full, INTENTS, bits, FEATURE_VERSION);
  // Calibrate on the live-commerce validation split when there is one: that is where it is used.
  const calib = parts[0]!.name.startsWith("live-commerce") ? parts[0]!.val : parts.flatMap((p) => p.val);
  const { logits } = predictAll(model, calib);
  const labels = Uint8Array.from(calib, (c) => labelIndex(c.intent));
  const temperature = fitTemperature(logits, labels, INTENTS.length);
  console.log(`temperature ${temperature.toFixed(3)}: validation NLL ${nll(logits, labels, 3, 1).toFixed(4)} → ${nll(logits, labels, 3, temperature).toFixed(4)}`);
  const calibrated: IntentModel = { ...model, temperature };

  const version = `${new Date().toISOString().slice(0, 10)} ${examples.length} examples, ${bits} bits`;
  const artefact = encodeArtefact(calibrated, version);
  const shipped = decodeArtefact(artefact);
  for (const p of parts) {
    if (p.val.length === 0) continue;
    const gold = p.val.map((c) => c.intent);
    console.log(formatEvaluation(`validation: ${p.name} (float)`, evaluate(gold, predictAll(calibrated, p.val).predicted, INTENTS)));
    const q = evaluate(gold, predictAll(shipped, p.val).predicted, INTENTS);
    console.log(`   quantised: macro-F1 ${q.macroF1.toFixed(4)}`);
  }
  if (!opt["no-write"]) writeArtefact(String(opt.out), artefact);
}

/** Inverse-frequency class weights over the weighted examples, mean 1. */
function weightedBalance(labels: Uint8Array, weights: Float32Array): number[] {
  const mass = INTENTS.map(() => 0);
  labels.forEach((l, i) => (mass[l]! += weights[i]!));
  const total = mass.reduce((a, b) => a + b, 0);
  return mass.map((m) => (m === 0 ? 0 : total / (INTENTS.length * m)));
}

function writeArtefact(path: string, artefact: ReturnType<typeof encodeArtefact>): void {
  const { data, ...meta } = artefact;
  const body = [
    "// Generated by `npm run train:intent`; do not edit.",
    "// Trained on LiveQ's live-commerce chat corpus and on data derived from 3i4K, sae4K and",
    "// ParaKQC (Won Ik Cho et al., CC-BY-SA-4.0): these weights are shared under CC-BY-SA-4.0.",
    'import type { IntentArtefact } from "./artefact.ts";',
    "",
    `const META = ${JSON.stringify(meta)} as const;`,
    "",
    `const DATA = "${data}";`,
    "",
    "/** The trained intent model, quantised (decode with decodeArtefact). */",
    "export const INTENT_ARTEFACT: IntentArtefact = { ...META, data: DATA };",
    "",
  ].join("\n");
  writeFileSync(path, body);
  console.log(`wrote ${path}: ${(Buffer.byteLength(body) / 1024 / 1024).toFixed(2)} MB`);
}

main();
