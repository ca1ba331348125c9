/**
 * Microbenchmark: µs per chat for classifyBatch in batches of 100, embedded model vs
 * keyword rules, over the chat corpus (data/chats/*.tsv, else the 3i4K test split).
 * Prints wall time and this thread's CPU time per chat: on a shared machine the wall
 * figure also counts time other processes held the core, the CPU figure does not.
 *
 * Then the same inside workerd (`wrangler dev`, the benchmark worker); `--no-workerd` skips it.
 *
 *   npm run bench:intent [-- --seconds 2] [--no-workerd]
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse3i4k, parseLabelledTsv } from "../core/intent/corpus.ts";
import { embeddedClassifier } from "../core/intent/embedded.ts";
import { INTENT_ARTEFACT } from "../core/intent/embedded.ts";
import { MAX_FEATURES, extractFeatures } from "../core/intent/features.ts";
import { ruleClassifier } from "../core/intent/rules.ts";
import type { IntentClassifier } from "../core/intent/types.ts";
import { measureInWorkerd } from "./lib/workerd-classify.ts";

const { values: opt } = parseArgs({
  options: {
    seconds: { type: "string", default: "2" },
    chats: { type: "string", default: "data/chats" },
    batch: { type: "string", default: "100" },
    workerd: { type: "boolean", default: true },
  },
  allowNegative: true,
});

function loadTexts(): { source: string; texts: string[] } {
  const dir = String(opt.chats);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".tsv")) : [];
  if (files.length > 0) {
    return {
      source: dir,
      texts: files.flatMap((f) => parseLabelledTsv(readFileSync(join(dir, f), "utf8")).map((c) => c.text)),
    };
  }
  const test = "data/corpora/3i4k/fci_test.tsv";
  return { source: test, texts: parse3i4k(readFileSync(test, "utf8")).map((c) => c.text) };
}

interface Timing {
  wall: number;
  cpu: number;
}

const threadCpuMicros = (): number => {
  const u = process.threadCpuUsage();
  return u.user + u.system;
};

/** Runs `pass` over the whole corpus repeatedly for about `seconds`; µs per chat. */
function measure(chats: number, seconds: number, pass: () => void): Timing {
  for (let i = 0; i < 3; i++) pass(); // warm up the JIT and the lazy weight decode
  let passes = 0;
  const start = performance.now();
  const cpuStart = threadCpuMicros();
  while (performance.now() - start < seconds * 1000) {
    pass();
    passes++;
  }
  const cpu = threadCpuMicros() - cpuStart;
  return { wall: ((performance.now() - start) * 1000) / (passes * chats), cpu: cpu / (passes * chats) };
}

const report = (name: string, t: Timing) =>
  console.log(`${name.padEnd(22)} ${t.wall.toFixed(3)} µs/chat wall, ${t.cpu.toFixed(3)} µs/chat thread CPU`);

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
console.log(
  `${texts.length} chats from ${source} (mean ${avgChars.toFixed(1)} chars), batches of ${size}, Node ${process.version}`,
);

const featureBuf = new Int32Array(MAX_FEATURES);
let sink = 0;
const featuresOnly = measure(texts.length, seconds, () => {
  for (const t of texts) sink += extractFeatures(t, featureBuf, INTENT_ARTEFACT.bits);
});
report("features only", featuresOnly);

for (const classifier of [embeddedClassifier, ruleClassifier] as IntentClassifier[]) {
  const us = measure(texts.length, seconds, () => {
    for (const g of groups) sink += (classifier.classifyBatch(g) as unknown[]).length;
  });
  report(`classifyBatch ${classifier.name}`, us);
}
if (sink === 0) console.log("");

if (opt.workerd) {
  console.log("inside workerd (wall time of whole requests, minus an empty request):");
  for (const t of await measureInWorkerd(texts, 20, 5)) {
    console.log(`classifyBatch ${t.classifier.padEnd(9)} ${t.usPerChat.toFixed(3)} µs/chat wall`);
  }
}
process.exit(0);
