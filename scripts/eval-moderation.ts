/**
 * Evaluates moderation, in one run, beside a keyword-list baseline:
 *
 * - a clean live-commerce split (default data/moderation/clean2.tsv, written after the training
 *   data and the shipped model, never trained or tuned on; clean.tsv was used once, for the
 *   earlier feature-set-1 model): per category precision, recall and F1, hold F1, and false
 *   holds as a share of ok chats, at the default sensitivity (2);
 * - BEEP! dev (data/beep/dev.tsv; hate + offensive = abuse vs none): macro-F1 of held vs not at
 *   the default sensitivity, and of the model alone at its news-comment threshold (tuned on a
 *   split carved from BEEP! train, never on dev).
 *
 *   npm run eval:moderation [-- --split clean2.tsv | --split path/to/fresh.tsv] [--clean-only]
 *
 * --clean-only leaves BEEP! dev out, so working on the live-commerce rules does not spend runs on it.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type ModerationExample, parseBeep, parseModerationTsv } from "../core/moderation/corpus.ts";
import { decodeModerationArtefact } from "../core/moderation/artefact.ts";
import { EMBEDDED_MODERATION_VERSION, embeddedModerator } from "../core/moderation/embedded.ts";
import { keywordVerdict } from "../core/moderation/keyword-baseline.ts";
import { moderationProbabilities } from "../core/moderation/model.ts";
import { HOLD_CATEGORIES } from "../core/moderation/types.ts";
import { MODERATION_ARTEFACT } from "../core/moderation/embedded.ts";

type Predicted = (string | null)[];

function moderate(examples: ModerationExample[]): Predicted {
  const chats = examples.map((e, i) => ({ message: e.text, nickname: `eval${i}`, at: i * 60_000 }));
  return embeddedModerator.classifyBatch(chats).verdicts.map((v) => v.category);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f1 = (tp: number, fp: number, fn: number) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));

function report(name: string, examples: ModerationExample[], predicted: Predicted): void {
  console.log(`\n${name}`);
  console.log("  category        precision  recall     F1    support");
  for (const c of HOLD_CATEGORIES) {
    let tp = 0,
      fp = 0,
      fn = 0;
    examples.forEach((e, i) => {
      const gold = e.label === c,
        pred = predicted[i] === c;
      if (gold && pred) tp++;
      else if (pred) fp++;
      else if (gold) fn++;
    });
    const support = tp + fn;
    console.log(
      `  ${c.padEnd(15)} ${(tp / Math.max(1, tp + fp)).toFixed(3).padStart(9)}  ${(tp / Math.max(1, support)).toFixed(3).padStart(6)}  ${f1(tp, fp, fn).toFixed(3).padStart(5)}  ${String(support).padStart(8)}`,
    );
  }
  let tp = 0,
    fp = 0,
    fn = 0,
    ok = 0;
  examples.forEach((e, i) => {
    const gold = e.label !== "ok",
      pred = predicted[i] !== null;
    if (!gold) ok++;
    if (gold && pred) tp++;
    else if (pred) fp++;
    else if (gold) fn++;
  });
  console.log(
    `  hold (any category): F1 ${f1(tp, fp, fn).toFixed(3)}, recall ${(tp / Math.max(1, tp + fn)).toFixed(3)}, false holds ${fp}/${ok} ok chats = ${pct(fp / Math.max(1, ok))}`,
  );
}

/** Macro-F1 of held vs not held against toxic vs none. */
function binaryMacro(gold: boolean[], held: boolean[]): string {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  gold.forEach((g, i) => (held[i] ? (g ? tp++ : fp++) : g ? fn++ : tn++));
  const toxic = f1(tp, fp, fn),
    none = f1(tn, fn, fp);
  return `macro-F1 ${((toxic + none) / 2).toFixed(3)} (toxic F1 ${toxic.toFixed(3)}, none F1 ${none.toFixed(3)}; held ${tp + fp} of ${gold.length})`;
}

function main(): void {
  console.log(`moderation model: ${EMBEDDED_MODERATION_VERSION}`);
  const dir = "data/moderation";
  const { values } = parseArgs({
    options: { split: { type: "string", default: "clean2.tsv" }, "clean-only": { type: "boolean", default: false } },
  });
  // A name is a split in data/moderation; a path (with a slash) is a fresh clean split kept outside it.
  const outside = values.split.includes("/");
  const files = outside ? [values.split] : readdirSync(dir).filter((f) => f === values.split);
  if (files.length === 0) throw new Error(`no clean split ${values.split} in ${dir}`);
  const clean = files.flatMap((f) => parseModerationTsv(readFileSync(outside ? f : join(dir, f), "utf8")));
  const counts = Object.fromEntries(
    ["ok", ...HOLD_CATEGORIES].map((c) => [c, clean.filter((e) => e.label === c).length]),
  );
  console.log(`clean live-commerce split (${files.join(", ")}): ${clean.length} chats ${JSON.stringify(counts)}`);
  report("LiveQ moderation (rules + model, sensitivity 2)", clean, moderate(clean));
  report(
    "keyword-list baseline",
    clean,
    clean.map((e) => keywordVerdict(e.text)),
  );

  if (values["clean-only"]) return;
  const beep = parseBeep(readFileSync("data/beep/dev.tsv", "utf8"));
  const gold = beep.map((e) => e.label === "abuse");
  console.log(`\nBEEP! dev: ${beep.length} comments, ${gold.filter(Boolean).length} hate or offensive`);
  console.log(
    `  LiveQ moderation, sensitivity 2 (held vs not):      ${binaryMacro(
      gold,
      moderate(beep).map((c) => c !== null),
    )}`,
  );
  const model = decodeModerationArtefact(MODERATION_ARTEFACT);
  const t = model.newsThreshold ?? model.thresholds[2]!;
  const p = new Float64Array(4);
  console.log(
    `  model alone at news threshold ${t} (abuse or not):  ${binaryMacro(
      gold,
      beep.map((e) => 1 - moderationProbabilities(model, e.text, p)[0]! >= t),
    )}`,
  );
  console.log(
    `  keyword-list baseline (abuse list):                 ${binaryMacro(
      gold,
      beep.map((e) => keywordVerdict(e.text) === "abuse"),
    )}`,
  );
}

main();
