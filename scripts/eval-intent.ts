/**
 * Evaluates the shipped embedded intent model against the keyword-rule baseline.
 *
 *   npm run eval:intent [-- --file data/chats/heldout.tsv] [--no-3i4k]
 *
 * Section 1: a `label\ttext` TSV (default: heldout2.tsv, the clean live-commerce test split;
 * heldout.tsv was consulted during development and is now a development set).
 * Section 2: the 3i4K test split (data/corpora/3i4k/fci_test.tsv) mapped to three intents.
 * Each prints per-class precision/recall/F1, the confusion matrix and macro-F1 per classifier.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { INTENTS } from "../core/protocol/intent.ts";
import { type LabelledChat, parse3i4k, parseLabelledTsv } from "../core/intent/corpus.ts";
import { EMBEDDED_MODEL_VERSION, embeddedClassifier } from "../core/intent/embedded.ts";
import { type Evaluation, evaluate, formatEvaluation } from "../core/intent/metrics.ts";
import { isUncertain } from "../core/intent/model.ts";
import { ruleClassifier } from "../core/intent/rules.ts";
import type { IntentClassifier, IntentResult } from "../core/intent/types.ts";

const { values: opt } = parseArgs({
  options: {
    file: { type: "string", default: "data/chats/heldout2.tsv" },
    "3i4k": { type: "string", default: "data/corpora/3i4k/fci_test.tsv" },
    "no-3i4k": { type: "boolean", default: false },
  },
});

async function classifyAll(classifier: IntentClassifier, texts: string[]): Promise<IntentResult[]> {
  const out: IntentResult[] = [];
  for (let i = 0; i < texts.length; i += 100) out.push(...(await classifier.classifyBatch(texts.slice(i, i + 100))));
  return out;
}

async function section(title: string, chats: LabelledChat[]): Promise<Evaluation[]> {
  const gold = chats.map((c) => c.intent);
  const texts = chats.map((c) => c.text);
  const results: Evaluation[] = [];
  for (const classifier of [embeddedClassifier, ruleClassifier]) {
    const predicted = await classifyAll(classifier, texts);
    const ev = evaluate(
      gold,
      predicted.map((p) => p.intent),
      INTENTS,
    );
    console.log(`\n${formatEvaluation(`${title} — ${classifier.name}`, ev)}`);
    if (classifier === embeddedClassifier) console.log(uncertainSummary(gold, predicted));
    results.push(ev);
  }
  console.log(
    `\n${title}: macro-F1 embedded ${results[0]!.macroF1.toFixed(4)} vs rules ${results[1]!.macroF1.toFixed(4)}`,
  );
  return results;
}

/** How many chats the board would flag as uncertain, and how accurate the rest are. */
function uncertainSummary(gold: string[], predicted: IntentResult[]): string {
  let flagged = 0,
    flaggedWrong = 0,
    keptWrong = 0;
  predicted.forEach((p, i) => {
    const wrong = p.intent !== gold[i];
    if (isUncertain(p)) {
      flagged++;
      if (wrong) flaggedWrong++;
    } else if (wrong) keptWrong++;
  });
  const kept = predicted.length - flagged;
  return (
    `uncertain: ${flagged} flagged (${((100 * flagged) / predicted.length).toFixed(1)}%, ${flaggedWrong} of them wrong); ` +
    `accuracy of the rest ${(1 - keptWrong / Math.max(1, kept)).toFixed(4)}`
  );
}

async function main(): Promise<void> {
  console.log(`embedded model: ${EMBEDDED_MODEL_VERSION}`);
  const file = String(opt.file);
  if (existsSync(file)) await section(file, parseLabelledTsv(readFileSync(file, "utf8")));
  else console.log(`(skipped: ${file} not found)`);
  if (!opt["no-3i4k"]) {
    const test = String(opt["3i4k"]);
    if (existsSync(test)) await section("3i4K test (mapped to 3 intents)", parse3i4k(readFileSync(test, "utf8")));
    else console.log(`(skipped: ${test} not found)`);
  }
}

await main();
