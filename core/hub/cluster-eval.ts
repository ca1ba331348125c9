import * as z from "zod";

/**
 * Paraphrase-group sets for measuring question clustering (scripts/eval-clusters.ts): one
 * line per broadcast, its questions grouped by meaning. Unknown fields are ignored; the
 * broadcast may be a title or an object.
 */
const Name = z.union([z.string(), z.number()]).transform(String);

export const ParaphraseSet = z.object({
  set: Name,
  broadcast: z.unknown().optional(),
  groups: z
    .array(z.object({ id: Name, meaning: z.unknown().optional(), questions: z.array(z.string().min(1)).min(1) }))
    .min(1),
});
export type ParaphraseSet = z.infer<typeof ParaphraseSet>;

/** One question as clustered: the group it belongs to and the cluster it landed in. */
export interface Assignment {
  group: string;
  cluster: string;
}

export interface ClusterScores {
  /** Pairs of questions in one cluster that are in one group, of all pairs in one cluster. */
  precision: number;
  /** Pairs in one group that landed in one cluster, of all pairs in one group. */
  recall: number;
  f1: number;
  /** Per group: the share of its questions in the cluster holding most of them. */
  largestShares: number[];
  pairs: { truePositive: number; predicted: number; actual: number };
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Pairwise precision/recall/F1 of "same question", and each group's largest-cluster share. */
export function scoreClustering(assignments: readonly Assignment[]): ClusterScores {
  const byCluster = new Map<string, number>();
  const byGroup = new Map<string, Map<string, number>>();
  for (const a of assignments) {
    byCluster.set(a.cluster, (byCluster.get(a.cluster) ?? 0) + 1);
    const clusters = byGroup.get(a.group) ?? new Map<string, number>();
    clusters.set(a.cluster, (clusters.get(a.cluster) ?? 0) + 1);
    byGroup.set(a.group, clusters);
  }
  let predicted = 0;
  for (const n of byCluster.values()) predicted += pairs(n);
  let actual = 0;
  let truePositive = 0;
  const largestShares: number[] = [];
  for (const clusters of byGroup.values()) {
    let size = 0;
    let largest = 0;
    for (const n of clusters.values()) {
      size += n;
      truePositive += pairs(n);
      largest = Math.max(largest, n);
    }
    actual += pairs(size);
    largestShares.push(largest / size);
  }
  const precision = predicted === 0 ? 1 : truePositive / predicted;
  const recall = actual === 0 ? 1 : truePositive / actual;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, largestShares, pairs: { truePositive, predicted, actual } };
}

/** Interleaves a set's questions the way a chat would (seeded shuffle): clustering sees them one by one. */
export function streamOrder(set: ParaphraseSet, seed: number): { group: string; question: string }[] {
  const items = set.groups.flatMap((g) => g.questions.map((question) => ({ group: g.id, question })));
  let state = seed >>> 0 || 1;
  for (let i = items.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
