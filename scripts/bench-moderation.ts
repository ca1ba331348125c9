/**
 * Microbenchmark: what moderation costs per chat on top of the intent model, in the same
 * run. Alternates rounds of the bare intent classifier and the one-pass intent + moderation
 * (default rules) over the same chats in batches of 100, and reports the median of each
 * (wall and this thread's CPU time; on a shared machine the CPU figure is the fairer one).
 *
 * Chats: the live-commerce intent corpus (data/chats, all ok but for a few), plus the
 * training moderation corpus's held chats at their share in --held-share (default 2%).
 *
 *   npm run bench:moderation [-- --rounds 9 --seconds 1]
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseLabelledTsv } from "../core/intent/corpus.ts";
import { embeddedClassifier } from "../core/intent/embedded.ts";
import { parseModerationTsv } from "../core/moderation/corpus.ts";
import { embeddedModerator } from "../core/moderation/embedded.ts";

const { values: opt } = parseArgs({
  options: {
    rounds: { type: "string", default: "9" },
    seconds: { type: "string", default: "1" },
    "held-share": { type: "string", default: "0.02" },
  },
});

const chats = readdirSync("data/chats")
  .filter((f) => f.endsWith(".tsv"))
  .flatMap((f) => parseLabelledTsv(readFileSync(join("data/chats", f), "utf8")).map((c) => c.text));
const held = parseModerationTsv(readFileSync("data/moderation/train.tsv", "utf8"))
  .filter((e) => e.label !== "ok")
  .map((e) => e.text);
const want = Math.round((chats.length * Number(opt["held-share"])) / (1 - Number(opt["held-share"])));
const texts = [...chats];
for (let i = 0; i < want; i++) texts.splice((i * 37) % texts.length, 0, held[(i * 13) % held.length]!);
const items = texts.map((message, i) => ({ message, nickname: `n${i % 997}`, at: i * 50 }));
const size = 100;

const cpu = () => {
  const u = process.threadCpuUsage();
  return u.user + u.system;
};
let sink = 0;
function measure(pass: () => void): { wall: number; cpu: number } {
  let passes = 0;
  const start = performance.now(),
    c0 = cpu();
  while (performance.now() - start < Number(opt.seconds) * 1000) {
    pass();
    passes++;
  }
  return {
    wall: ((performance.now() - start) * 1000) / (passes * texts.length),
    cpu: (cpu() - c0) / (passes * texts.length),
  };
}
const bare = () => {
  for (let i = 0; i < texts.length; i += size)
    sink += (embeddedClassifier.classifyBatch(texts.slice(i, i + size)) as unknown[]).length;
};
const both = () => {
  for (let i = 0; i < items.length; i += size)
    sink += embeddedModerator.classifyBatch(items.slice(i, i + size)).verdicts.length;
};
for (let i = 0; i < 3; i++) {
  bare();
  both();
}
const a: { wall: number; cpu: number }[] = [],
  b: { wall: number; cpu: number }[] = [];
for (let r = 0; r < Number(opt.rounds); r++) {
  a.push(measure(bare));
  b.push(measure(both));
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const row = (name: string, xs: { wall: number; cpu: number }[]) =>
  console.log(
    `${name.padEnd(34)} ${median(xs.map((x) => x.wall)).toFixed(3)} µs/chat wall, ${median(xs.map((x) => x.cpu)).toFixed(3)} µs/chat thread CPU`,
  );
console.log(
  `${texts.length} chats (${want} of them from the held training chats), batches of ${size}, ${opt.rounds} alternating rounds, Node ${process.version}`,
);
row("intent alone (embeddedClassifier)", a);
row("intent + moderation (one pass)", b);
const extraCpu = median(b.map((x) => x.cpu)) - median(a.map((x) => x.cpu));
const extraWall = median(b.map((x) => x.wall)) - median(a.map((x) => x.wall));
console.log(
  `moderation costs ${extraCpu.toFixed(3)} µs/chat thread CPU (${extraWall.toFixed(3)} wall) on top of the intent model`,
);
if (sink === 0) console.log("");
