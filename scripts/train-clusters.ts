/**
 * train:clusters: fits the question clusters' "same question" scorer (logistic weights over
 * core/hub/pair-features.ts) on every pair of the consulted paraphrase splits, chooses the join
 * threshold by clustering them, and writes data/clusters/pair-model-v2.json. `--parakqc-weight w`
 * adds ParaKQC's paraphrase pairs (Won Ik Cho et al., CC-BY-SA-4.0; all of it, the corpus has no
 * test split), each weighing w: off by default, since leave-one-set-out scored it no better
 * (F1 0.704 at weight 1, 0.711 at 0.3, 0.727 at 0.05, against 0.726 without; its smart-home
 * commands are not shopping questions). A model fitted with it would carry its licence.
 * The estimate for a new author is `npm run cv:clusters` (leave-one-set-out), not this fit.
 *
 *   npm run train:clusters [-- --parakqc-weight 0 --version pair-v2-2026-12-03]
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { PAIR_FEATURES } from "../core/hub/pair-features.ts";
import { chooseJoinAt, fitPairModel, paraKqcPairs, readSets, setPairs } from "./lib/cluster-training.ts";
import { CONSULTED_SPLITS, PARAKQC } from "./train-clusters-splits.ts";

const { values: opt } = parseArgs({
  options: {
    "parakqc-weight": { type: "string", default: "0" },
    version: { type: "string", default: `pair-v2-${new Date().toISOString().slice(0, 10)}` },
    out: { type: "string", default: "data/clusters/pair-model-v2.json" },
    "cross-validated": { type: "string", default: "" },
  },
});

const sets = readSets(CONSULTED_SPLITS);
const paraKqcWeight = Number(opt["parakqc-weight"]);
const pairs = sets.map(({ set }) => setPairs(set));
const para = paraKqcWeight > 0 ? paraKqcPairs(PARAKQC) : undefined;
const weights = fitPairModel(pairs, para, paraKqcWeight).map((w) => Number(w.toFixed(4)));
const { joinAt, f1 } = chooseJoinAt(
  weights,
  sets.map((s) => s.set),
  [1, 2, 3],
);
const model = {
  version: opt.version,
  about:
    "Logistic weights of the question clusters' 'same question' scorer (core/hub/pair-features.ts, one per feature) and the probability at which a question joins a cluster. Written by npm run train:clusters; do not edit by hand.",
  features: [...PAIR_FEATURES],
  weights,
  joinAt,
  trainedOn: {
    splits: CONSULTED_SPLITS,
    pairs: pairs.reduce((n, p) => n + p.y.length, 0),
    paraKqc: para ? { file: PARAKQC, pairs: para.y.length, weight: paraKqcWeight } : null,
  },
  fitF1OnConsulted: Number(f1.toFixed(3)),
  crossValidated: opt["cross-validated"],
  licence: para
    ? "CC-BY-SA-4.0: derived from ParaKQC (Won Ik Cho et al., github.com/warnikchow/paraKQC, CC-BY-SA-4.0) and LiveQ's own paraphrase splits"
    : "MIT: fitted on LiveQ's own paraphrase splits only (no third-party data)",
};
writeFileSync(opt.out, `${JSON.stringify(model, null, 2)}\n`);
console.log(`${opt.out}: joinAt ${joinAt} (pooled F1 ${f1.toFixed(3)} on the consulted splits it was fitted on)`);
console.log(PAIR_FEATURES.map((name, i) => `  ${name.padEnd(20)} ${weights[i]}`).join("\n"));
