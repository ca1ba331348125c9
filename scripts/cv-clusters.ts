/**
 * cv-clusters: chooses the clustering's merge threshold and weights by leave-one-set-out
 * cross-validation over the consulted paraphrase splits, and prints the honest estimate.
 * Each set (one broadcast's paraphrase groups) is clustered under every setting of a small
 * grid; for each set, the setting with the best pooled F1 on all the other sets is chosen
 * and scored on the left-out set. The pooled left-out scores are the estimate for a new
 * split; the setting best on all sets is what `DEFAULT_WEIGHTS` and `joinAt` ship.
 *
 *   npm run cv:clusters [-- --file data/clusters/dev.jsonl --file data/clusters/heldout.jsonl]
 *
 * Never point it at a clean split: every file it reads becomes a tuning split.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type Assignment, ParaphraseSet, scoreClustering, streamOrder } from "../core/hub/cluster-eval.ts";
import { ClusterIndex } from "../core/hub/clusters.ts";
import type { SimilarityWeights } from "../core/hub/question-meaning.ts";

const { values: opt } = parseArgs({
  options: {
    file: {
      type: "string",
      multiple: true,
      default: ["data/clusters/dev.jsonl", "data/clusters/heldout.jsonl", "data/clusters/probe.jsonl"],
    },
    seeds: { type: "string", default: "1,2,3" },
  },
});

type Setting = { joinAt: number } & SimilarityWeights;
const grid: Setting[] = [];
for (const joinAt of [0.4, 0.45, 0.5, 0.55, 0.6])
  for (const oneSidedAspect of [0.6, 0.7, 0.8])
    for (const oneSidedNouns of [0.7, 0.8])
      for (const lexiconAspect of [1, 0.6, 0.3])
        for (const verbs of [0, 0.2]) grid.push({ joinAt, oneSidedAspect, oneSidedNouns, lexiconAspect, verbs });

const sets = opt.file.flatMap((file) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => ({ file, set: ParaphraseSet.parse(JSON.parse(line)) })),
);
const seeds = opt.seeds.split(",").map(Number);

/** results[setting][set]: every question's group and cluster, over all seeded orders. */
const results = grid.map(({ joinAt, ...weights }) =>
  sets.map(({ set }) => {
    const out: Assignment[] = [];
    for (const seed of seeds) {
      const index = new ClusterIndex({ joinAt, weights });
      let seq = 0;
      for (const { group, question } of streamOrder(set, seed)) {
        const cluster = index.add({ seq: ++seq, message: question, at: seq });
        out.push({ group: `${seed}:${set.set}:${group}`, cluster: `${seed}:${set.set}:${cluster.id}` });
      }
    }
    return out;
  }),
);

const score = (setting: number, which: readonly number[]) =>
  scoreClustering(which.flatMap((i) => results[setting]![i]!));
const every = sets.map((_, i) => i);
const bestOn = (which: readonly number[]) => {
  let best = 0;
  let bestF1 = -1;
  for (let s = 0; s < grid.length; s++) {
    const f1 = score(s, which).f1;
    if (f1 > bestF1) [best, bestF1] = [s, f1];
  }
  return best;
};

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
function line(name: string, s: ReturnType<typeof scoreClustering>): void {
  const atLeast80 = s.largestShares.filter((x) => x >= 0.8).length / s.largestShares.length;
  console.log(
    `  ${name.padEnd(34)} precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${s.f1.toFixed(3)}  ${pct(atLeast80)} of groups ≥ 80% in one cluster`,
  );
}

const leftOut = every.map((i) => ({ i, setting: bestOn(every.filter((j) => j !== i)) }));
console.log(`${sets.length} sets from ${opt.file.join(", ")}; ${grid.length} settings × ${seeds.length} orders`);
console.log("leave one set out (each set scored with the setting chosen on the others):");
line("all sets", scoreClustering(leftOut.flatMap(({ i, setting }) => results[setting]![i]!)));
for (const file of opt.file) {
  const mine = leftOut.filter(({ i }) => sets[i]!.file === file);
  line(file, scoreClustering(mine.flatMap(({ i, setting }) => results[setting]![i]!)));
}
const chosen = new Map<number, number>();
for (const { setting } of leftOut) chosen.set(setting, (chosen.get(setting) ?? 0) + 1);
console.log("  settings chosen:", [...chosen].map(([s, n]) => `${JSON.stringify(grid[s])} ×${n}`).join(", "));
const best = bestOn(every);
console.log(`best on all sets (tuned, not an estimate): ${JSON.stringify(grid[best])}`);
for (const file of opt.file) {
  line(
    file,
    score(
      best,
      every.filter((i) => sets[i]!.file === file),
    ),
  );
}
