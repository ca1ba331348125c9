/**
 * eval:clusters: how well the hub's question clustering (core/hub/clusters.ts, the same
 * ClusterIndex the BroadcastHub runs) groups rewordings of one question and keeps different
 * questions apart. Each line of a file is one broadcast's questions in paraphrase groups
 * (`{"set","broadcast","groups":[{"id","meaning","questions":[…]}]}`); its questions are
 * streamed in a seeded chat order (three orders) into a fresh index, and the script prints the
 * pairwise precision, recall and F1 of "same question" and how much of each group its largest
 * cluster holds (targets: F1 ≥ 0.9; ≥ 80% of each group in one cluster). Beside it, in the same
 * run, the baseline of grouping by the sorted content stems alone (`questionKey`, what the
 * clusters matched exactly before they read meanings).
 *
 *   npm run eval:clusters [-- --file data/clusters/dev.jsonl --file other.jsonl] [--verbose] [--join-at 0.45]
 *
 * `data/clusters/dev.jsonl`, `probe.jsonl`, `heldout.jsonl`, `heldout2.jsonl`, `heldout3.jsonl` and
 * `heldout4.jsonl` are tuning and training splits (data/clusters/README.md), so their figures here
 * flatter: the shipped scorer was fitted on them. The honest estimate is `npm run cv:clusters`.
 * `--verbose` lists each group's split, so use it on tuning splits only.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ParaphraseSet, scoreClustering, streamOrder, type Assignment } from "../core/hub/cluster-eval.ts";
import { ClusterIndex } from "../core/hub/clusters.ts";
import { questionMeaning } from "../core/hub/question-meaning.ts";
import { questionKey } from "../core/answers/question-key.ts";

const { values: opt } = parseArgs({
  options: {
    file: { type: "string", multiple: true, default: ["data/clusters/dev.jsonl"] },
    verbose: { type: "boolean", default: false },
    seeds: { type: "string", default: "1,2,3" },
    "join-at": { type: "string" },
  },
});

function readSets(file: string): ParaphraseSet[] {
  const sets: ParaphraseSet[] = [];
  let skipped = 0;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      skipped++;
      continue;
    }
    const parsed = ParaphraseSet.safeParse(json);
    if (parsed.success) sets.push(parsed.data);
    else skipped++;
  }
  if (skipped) console.log(`${file}: ${skipped} malformed lines skipped`);
  return sets;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

questionMeaning("배송 언제 와요"); // loads the lexicon and aspect tables once, outside the timing

for (const file of opt.file) {
  const sets = readSets(file);
  const all: Assignment[] = [];
  const started = performance.now();
  let questions = 0;
  const seeds = opt.seeds.split(",").map(Number);
  for (const seed of seeds) {
    for (const set of sets) {
      const index = new ClusterIndex(opt["join-at"] ? { joinAt: Number(opt["join-at"]) } : {});
      const assignments: (Assignment & { question: string })[] = [];
      let seq = 0;
      for (const { group, question } of streamOrder(set, seed)) {
        const cluster = index.add({ seq: ++seq, message: question, at: seq });
        // Sets are scored apart: prefix ids so groups and clusters of two sets never meet.
        assignments.push({
          group: `${seed}:${set.set}:${group}`,
          cluster: `${seed}:${set.set}:${cluster.id}`,
          question,
        });
        questions++;
      }
      all.push(...assignments);
      if (opt.verbose && seed === seeds[0]) printSplits(set, assignments);
    }
  }
  const ms = (performance.now() - started) / questions;
  const baseline = sets.flatMap((set) =>
    set.groups.flatMap((g) =>
      g.questions.map((q) => ({ group: `${set.set}:${g.id}`, cluster: `${set.set}:${questionKey(q) || q}` })),
    ),
  );
  console.log(
    `${file}: ${sets.length} sets, ${sets.reduce((n, x) => n + x.groups.length, 0)} groups, ${questions / seeds.length} questions × ${seeds.length} orders`,
  );
  report("clusters", scoreClustering(all));
  report("baseline", scoreClustering(baseline));
  console.log(`  clusters: ${(ms * 1000).toFixed(1)} µs per question (fresh index per set, lexicon loaded)`);
}

function report(name: string, s: ReturnType<typeof scoreClustering>): void {
  const atLeast80 = s.largestShares.filter((x) => x >= 0.8).length / s.largestShares.length;
  const meanShare = s.largestShares.reduce((a, b) => a + b, 0) / s.largestShares.length;
  console.log(
    `  ${name.padEnd(8)}  precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${s.f1.toFixed(3)} (target ≥ 0.900)  ` +
      `largest cluster: ${pct(meanShare)} of its group on average, ${pct(atLeast80)} of groups ≥ 80% (target)`,
  );
}

function printSplits(set: ParaphraseSet, assignments: readonly (Assignment & { question: string })[]): void {
  const clusterOf = new Map(assignments.map((a) => [`${a.question}\u0000${a.group}`, a.cluster]));
  for (const g of set.groups) {
    const byCluster = new Map<string, string[]>();
    for (const q of g.questions) {
      const c =
        [...clusterOf.entries()].find(([k]) => k.startsWith(`${q}\u0000`) && k.endsWith(`:${g.id}`))?.[1] ?? "?";
      byCluster.set(c, [...(byCluster.get(c) ?? []), q]);
    }
    const mixed = assignments.filter((a) => byCluster.has(a.cluster) && !a.group.endsWith(`:${g.id}`));
    if (byCluster.size === 1 && mixed.length === 0) continue;
    console.log(`  [${g.id}] ${typeof g.meaning === "string" ? g.meaning : ""}`);
    for (const [c, qs] of byCluster) {
      const others = mixed.filter((a) => a.cluster === c).map((a) => a.question);
      console.log(
        `     ${c.split(":").at(-1)}: ${qs.join(" | ")}${others.length ? `   ⟵ also: ${others.join(" | ")}` : ""}`,
      );
    }
  }
}
