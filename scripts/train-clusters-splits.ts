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
