/**
 * Microbenchmark: µs per chat for classifyBatch in batches of 100, embedded model vs
 * keyword rules, over the chat corpus (data/chats/*.tsv, else the 3i4K test split).
 *
 *   npm run bench:intent [-- --seconds 2]
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse3i4k, parseLabelledTsv } from "../core/intent/corpus.ts";
import { embeddedClassifier } from "../core/intent/embedded.ts";
import { MAX_FEATURES, extractFeatures } from "../core/intent/features.ts";
import { ruleClassifier } from "../core/intent/rules.ts";
import type { IntentClassifier } from "../core/intent/types.ts";

const { values: opt } = parseArgs({
  options: {
    seconds: { type: "string", default: "2" },
    chats: { type: "string", default: "data/chats" },
    batch: { type: "string", default: "100" },
  },
});

function loadTexts(): { source: string; texts: string[] } {
  const dir = String(opt.chats);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".tsv")) : [];
  if (files.length > 0) {
    return { source: dir, texts: files.flatMap((f) => parseLabelledTsv(readFileSync(join(dir, f), "utf8")).map((c) => c.text)) };
  }
  const test = "../shared/data/3i4k/fci_test.tsv";
  return { source: test, texts: parse3i4k(readFileSync(test, "utf8")).map((c) => c.text) };
}

/** Runs `pass` over the whole corpus repeatedly for about `seconds`; returns µs per chat. */
function measure(chats: number, seconds: number, pass: () => void): number {
  for (let i = 0; i < 3; i++) pass(); // warm up the JIT and the lazy weight decode
  let passes = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    pass();
    passes++;
  }
  return ((performance.now() - start) * 1000) / (passes * chats);
}

function batches(texts: string[], size: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < texts.length; i += size) out.push(texts.slice(i, i + size));
  return out;
}

const { source, texts } = loadTexts();
const size = Number(opt.batch);
const seconds = Number(opt.seconds);
const groups = batches(texts, size);
const avgChars = texts.reduce((s, t) => s + t.length, 0) / texts.length;
console.log(`${texts.length} chats from ${source} (mean ${avgChars.toFixed(1)} chars), batches of ${size}, Node ${process.version}`);

const featureBuf = new Int32Array(MAX_FEATURES);
let sink = 0;
const featuresOnly = measure(texts.length, seconds, () => {
  for (const t of texts) sink += extractFeatures(t, featureBuf, 18);
});
console.log(`features only          ${featuresOnly.toFixed(3)} µs/chat`);

for (const classifier of [embeddedClassifier, ruleClassifier] as IntentClassifier[]) {
  const us = measure(texts.length, seconds, () => {
    for (const g of groups) sink += (classifier.classifyBatch(g) as unknown[]).length;
  });
  console.log(`${`classifyBatch ${classifier.name}`.padEnd(22)} ${us.toFixed(3)} µs/chat`);
}
if (sink === 0) console.log("");
