/**
 * bench:clusters: what the hub's question clustering costs per question (ClusterIndex.add,
 * the same code the BroadcastHub runs on every question). One long-lived index is fed a
 * stream of questions drawn from the paraphrase splits, each with a random trailing
 * variation ("?", "ㅠㅠ", "요") so the verbatim text cache does not hide the work; rounds
 * alternate with a baseline build when `--baseline` names another copy's core/hub/clusters.ts
 * (e.g. an older commit unpacked with `git archive <commit> core data | tar -x -C /tmp/base`).
 *
 *   npm run bench:clusters [-- --baseline /tmp/base/core/hub/clusters.ts --questions 20000 --rounds 7]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ParaphraseSet } from "../core/hub/cluster-eval.ts";
import { ClusterIndex } from "../core/hub/clusters.ts";

const { values: opt } = parseArgs({
  options: {
    file: {
      type: "string",
      multiple: true,
      default: ["data/clusters/dev.jsonl", "data/clusters/heldout.jsonl", "data/clusters/probe.jsonl"],
    },
    baseline: { type: "string" },
    questions: { type: "string", default: "20000" },
    rounds: { type: "string", default: "7" },
  },
});

interface Index {
  add(chat: { seq: number; message: string; at: number }): { id: string };
  readonly size: number;
}
type Build = { name: string; make: () => Index };

const pool = opt.file.flatMap((file) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .flatMap((line) => ParaphraseSet.parse(JSON.parse(line)).groups.flatMap((g) => g.questions)),
);
const tails = ["", "?", "??", " ㅠㅠ", "요", " 사장님", "!!"];
let state = 7;
const random = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 2 ** 32;
};
const stream = Array.from({ length: Number(opt.questions) }, () => {
  const q = pool[Math.floor(random() * pool.length)]!;
  return q + tails[Math.floor(random() * tails.length)]!;
});

const builds: Build[] = [{ name: "this build", make: () => new ClusterIndex() }];
if (opt.baseline) {
  const base = (await import(opt.baseline)) as { ClusterIndex: new () => Index };
  builds.unshift({ name: "baseline", make: () => new base.ClusterIndex() });
}

/** One round: a fresh index fed the whole stream; thread CPU µs per question. */
function round(build: Build): { cpu: number; wall: number; clusters: number } {
  const index = build.make();
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let seq = 0;
  for (const message of stream) index.add({ seq: ++seq, message, at: seq });
  const cpu = process.cpuUsage(cpu0);
  return {
    cpu: (cpu.user + cpu.system) / stream.length,
    wall: ((performance.now() - wall0) * 1000) / stream.length,
    clusters: index.size,
  };
}

for (const build of builds) round(build); // loads the lexicon and tables, warms the JIT
const runs = new Map<string, { cpu: number; wall: number; clusters: number }[]>(builds.map((b) => [b.name, []]));
for (let r = 0; r < Number(opt.rounds); r++) for (const build of builds) runs.get(build.name)!.push(round(build));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${stream.length} questions (pool of ${pool.length}) per round, ${opt.rounds} alternating rounds`);
for (const [name, rs] of runs) {
  console.log(
    `  ${name.padEnd(10)}  ${median(rs.map((r) => r.cpu)).toFixed(1)} µs CPU / question (median), ${median(rs.map((r) => r.wall)).toFixed(1)} µs wall; ${rs[0]!.clusters} clusters`,
  );
}
