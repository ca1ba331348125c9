/**
 * cv-clusters: the honest estimate of the question clustering on a new author's wording, by
 * leave-one-set-out over the consulted paraphrase splits. For each set (one broadcast's
 * paraphrase groups) the "same question" scorer (core/hub/pair-features.ts) is fitted on the
 * pairs of all the other sets (and ParaKQC's), its join threshold chosen by clustering the
 * other sets, and only then is the left-out set clustered and scored. The pooled left-out
 * scores are the estimate; `npm run train:clusters` fits what ships on all the sets.
 *
 *   npm run cv:clusters [-- --file data/clusters/dev.jsonl … --parakqc-weight 0.3]
 *
 * Never point it at a clean split: every file it reads becomes a tuning split.
 */
import { parseArgs } from "node:util";
import { type Assignment, scoreClustering } from "../core/hub/cluster-eval.ts";
import { chooseJoinAt, clusterSet, fitPairModel, paraKqcPairs, readSets, setPairs } from "./lib/cluster-training.ts";
import { CONSULTED_SPLITS, PARAKQC } from "./train-clusters-splits.ts";

const { values: opt } = parseArgs({
  options: {
    file: { type: "string", multiple: true, default: CONSULTED_SPLITS },
    seeds: { type: "string", default: "1,2,3" },
    "parakqc-weight": { type: "string", default: "0" },
  },
});

const sets = readSets(opt.file);
const seeds = opt.seeds.split(",").map(Number);
const paraKqcWeight = Number(opt["parakqc-weight"]);
const started = performance.now();
const pairs = sets.map(({ set }) => setPairs(set));
const para = paraKqcWeight > 0 ? paraKqcPairs(PARAKQC) : undefined;
console.log(
  `${sets.length} sets from ${opt.file.join(", ")}; ${pairs.reduce((n, p) => n + p.y.length, 0)} pairs` +
    (para ? ` + ${para.y.length} ParaKQC pairs weighing ${paraKqcWeight}` : " (no ParaKQC)"),
);

const leftOut: { file: string; out: Assignment[]; joinAt: number }[] = [];
sets.forEach(({ file, set }, i) => {
  const others = sets.flatMap((s, j) => (j === i ? [] : [s.set]));
  const weights = fitPairModel(
    pairs.filter((_, j) => j !== i),
    para,
    paraKqcWeight,
  );
  const { joinAt } = chooseJoinAt(weights, others, seeds.slice(0, 1));
  leftOut.push({ file, out: clusterSet(set, { weights, joinAt }, seeds), joinAt });
});

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
function line(name: string, s: ReturnType<typeof scoreClustering>): void {
  const atLeast80 = s.largestShares.filter((x) => x >= 0.8).length / s.largestShares.length;
  console.log(
    `  ${name.padEnd(34)} precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${s.f1.toFixed(3)}  ${pct(atLeast80)} of groups ≥ 80% in one cluster`,
  );
}
console.log("leave one set out (each set scored with a model fitted and a threshold chosen on the others):");
line("all sets", scoreClustering(leftOut.flatMap((r) => r.out)));
for (const file of opt.file) line(file, scoreClustering(leftOut.filter((r) => r.file === file).flatMap((r) => r.out)));
const chosen = new Map<number, number>();
for (const { joinAt } of leftOut) chosen.set(joinAt, (chosen.get(joinAt) ?? 0) + 1);
console.log(`  thresholds chosen: ${[...chosen].map(([t, n]) => `${t} ×${n}`).join(", ")}`);
console.log(`  ${((performance.now() - started) / 1000).toFixed(0)} s`);
