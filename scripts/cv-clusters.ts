/**
 * cv-clusters: the honest estimate of the question clustering on a new author's wording, by two
 * protocols over the consulted paraphrase splits. Leave one set out: for each set (one
 * broadcast's paraphrase groups) the "same question" scorer (core/hub/pair-features.ts) is
 * fitted on the pairs of all the other sets (and ParaKQC's), its join threshold chosen by
 * clustering the other sets, and only then is the left-out set clustered and scored. Leave one
 * author out (stricter): the same, but every set of the left-out set's author is left out of
 * the fit and the threshold, so no broadcast by the same hand (same habits of wording) trains
 * the model (`authorOf`: dev and probe are one author, each heldout another). The pooled
 * left-out scores are the estimates; `npm run train:clusters` fits what ships on all the sets.
 *
 * Both flatter: the aspect table's wordings and synonym groups were written after reading these
 * splits. `--drop-knowledge p` stresses that: the synonym groups and a share p of the table's
 * viewer wordings (a fixed hash picks them) are forgotten, as words a new author uses that no
 * table knows; a method that holds up there leans less on hand-written knowledge.
 *
 *   npm run cv:clusters [-- --file data/clusters/dev.jsonl … --parakqc-weight 0.3 --protocol set,author --drop-knowledge 0.3]
 *
 * Never point it at a clean split: every file it reads becomes a tuning split.
 */
import { parseArgs } from "node:util";
import { type Assignment, scoreClustering } from "../core/hub/cluster-eval.ts";
import { chooseJoinAt, clusterSet, fitPairModel, paraKqcPairs, readSets, setPairs } from "./lib/cluster-training.ts";
import { ablateKnowledge } from "./lib/knowledge-ablation.ts";
import { authorOf, CONSULTED_SPLITS, PARAKQC } from "./train-clusters-splits.ts";

const { values: opt } = parseArgs({
  options: {
    file: { type: "string", multiple: true, default: CONSULTED_SPLITS },
    seeds: { type: "string", default: "1,2,3" },
    "parakqc-weight": { type: "string", default: "0" },
    protocol: { type: "string", default: "set,author" },
    "drop-knowledge": { type: "string", default: "0" },
  },
});

ablateKnowledge(Number(opt["drop-knowledge"]));

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

/** Scores each fold (sets sharing a fold name) with a model fitted and a threshold chosen on the other folds. */
function crossValidate(foldOf: (i: number) => string): { file: string; out: Assignment[]; joinAt: number }[] {
  const folds = [...new Set(sets.map((_, i) => foldOf(i)))];
  return folds.flatMap((fold) => {
    const train = sets.flatMap((_, j) => (foldOf(j) === fold ? [] : [j]));
    const weights = fitPairModel(
      train.map((j) => pairs[j]!),
      para,
      paraKqcWeight,
    );
    const { joinAt } = chooseJoinAt(
      weights,
      train.map((j) => sets[j]!.set),
      seeds.slice(0, 1),
    );
    return sets.flatMap(({ file, set }, i) =>
      foldOf(i) === fold ? [{ file, out: clusterSet(set, { weights, joinAt }, seeds), joinAt }] : [],
    );
  });
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
function line(name: string, s: ReturnType<typeof scoreClustering>): void {
  const atLeast80 = s.largestShares.filter((x) => x >= 0.8).length / s.largestShares.length;
  console.log(
    `  ${name.padEnd(34)} precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${s.f1.toFixed(3)}  ${pct(atLeast80)} of groups ≥ 80% in one cluster`,
  );
}

const protocols: Record<string, [string, (i: number) => string]> = {
  set: ["leave one set out (each set scored with a model fitted and a threshold chosen on the others)", (i) => `${i}`],
  author: [
    "leave one author out (each author's sets scored with a model fitted and a threshold chosen on the other authors')",
    (i) => authorOf(sets[i]!.file),
  ],
};
for (const name of opt.protocol.split(",")) {
  const [title, foldOf] = protocols[name] ?? [];
  if (!title || !foldOf) throw new Error(`--protocol ${name}: set or author`);
  const leftOut = crossValidate(foldOf);
  console.log(`${title}:`);
  line("all sets", scoreClustering(leftOut.flatMap((r) => r.out)));
  for (const file of opt.file)
    line(file, scoreClustering(leftOut.filter((r) => r.file === file).flatMap((r) => r.out)));
  const chosen = new Map<number, number>();
  for (const { joinAt } of leftOut) chosen.set(joinAt, (chosen.get(joinAt) ?? 0) + 1);
  console.log(`  thresholds chosen (per set): ${[...chosen].map(([t, n]) => `${t} ×${n}`).join(", ")}`);
}
console.log(`  ${((performance.now() - started) / 1000).toFixed(0)} s`);
