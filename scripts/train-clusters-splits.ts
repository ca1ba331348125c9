/** The paraphrase splits the clusters are tuned and trained on (data/clusters/README.md), and ParaKQC. */
export const CONSULTED_SPLITS = [
  "data/clusters/dev.jsonl",
  "data/clusters/heldout.jsonl",
  "data/clusters/probe.jsonl",
  "data/clusters/heldout2.jsonl",
  "data/clusters/heldout3.jsonl",
  "data/clusters/heldout4.jsonl",
];
export const PARAKQC = "data/corpora/parakqc/paraKQC_v1.tsv";

/**
 * Who wrote each consulted split: dev and probe were written while building the clusters, each
 * heldout by its own author. Leaving one author out scores wording the model never met, as a
 * new broadcast's viewers would write it; leaving one set out lets the other broadcasts of the
 * same author (same habits of wording) train the model.
 */
export function authorOf(file: string): string {
  return /\/(dev|probe)\.jsonl$/.test(file) ? "house (dev, probe)" : file;
}
