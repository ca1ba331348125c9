/**
 * What train:clusters and cv:clusters share: pairs of questions with their features and a
 * "same question" label, read from paraphrase-group sets (every pair of one broadcast: the
 * hard negatives are questions about the same product) and from ParaKQC (paraphrase sets of
 * ten; negatives from the neighbouring sets of the same topic, which share most words), the
 * logistic fit, and clustering a set with a model under a threshold.
 */
import { readFileSync } from "node:fs";
import { type Assignment, ParaphraseSet, scoreClustering, streamOrder } from "../../core/hub/cluster-eval.ts";
import { ClusterIndex, wordWeight } from "../../core/hub/clusters.ts";
import {
  type GramWeight,
  gramWeight,
  pairFeatures,
  questionProfile,
  differentQuestions,
  type QuestionProfile,
} from "../../core/hub/pair-features.ts";
import type { PairModel } from "../../core/hub/pair-model.ts";
import { fitLogistic } from "./logistic.ts";

export interface Pairs {
  x: number[][];
  y: number[];
}

export interface LoadedSet {
  file: string;
  set: ParaphraseSet;
}

export function readSets(files: readonly string[]): LoadedSet[] {
  return files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => ({ file, set: ParaphraseSet.parse(JSON.parse(line)) })),
  );
}

/** Pairs whose values conflict never reach the model (the clusterer skips them), so they are not trained on. */
function addPair(
  out: Pairs,
  a: QuestionProfile,
  b: QuestionProfile,
  same: boolean,
  weight?: (w: string) => number,
  grams?: GramWeight,
) {
  if (differentQuestions(a.meaning, b.meaning)) return;
  out.x.push(pairFeatures(a, b, weight, grams));
  out.y.push(same ? 1 : 0);
}

/**
 * Every pair of one broadcast's questions. Words and letter pairs weigh as the hub weighs them
 * halfway through the broadcast: by how many of its questions name them (half the set's counts).
 */
export function setPairs(set: ParaphraseSet): Pairs {
  const items = set.groups.flatMap((g) => g.questions.map((q) => ({ group: g.id, profile: questionProfile(q) })));
  const counts = new Map<string, number>();
  for (const { profile } of items) for (const w of profile.meaning.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const weight = (w: string) => wordWeight(w, Math.ceil((counts.get(w) ?? 0) / 2));
  const gramCounts = new Map<number, number>();
  for (const { profile } of items) for (const g of profile.grams) gramCounts.set(g, (gramCounts.get(g) ?? 0) + 1);
  const half = Math.ceil(items.length / 2);
  const grams = (g: number) => gramWeight(Math.ceil((gramCounts.get(g) ?? 0) / 2), half);
  const out: Pairs = { x: [], y: [] };
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++)
      addPair(out, items[i]!.profile, items[j]!.profile, items[i]!.group === items[j]!.group, weight, grams);
  return out;
}

/**
 * ParaKQC pairs (`topic\tact\tutterance`, sets of ten consecutive lines): all pairs within a set,
 * and as many from each set with the next set of the same topic (the corpus pairs sets that
 * differ in one detail), drawn with a fixed seed.
 */
export function paraKqcPairs(path: string, perSet = 20): Pairs {
  const lines = readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => l.split("\t"));
  const sets: { topic: string; profiles: QuestionProfile[] }[] = [];
  for (let i = 0; i + 10 <= lines.length; i += 10) {
    sets.push({ topic: lines[i]![0]!, profiles: lines.slice(i, i + 10).map((l) => questionProfile(l[2] ?? "")) });
  }
  let state = 11;
  const random = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const out: Pairs = { x: [], y: [] };
  sets.forEach((set, k) => {
    const ps = set.profiles;
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) addPair(out, ps[i]!, ps[j]!, true);
    const next = sets[k + 1];
    if (!next || next.topic !== set.topic) return;
    for (let n = 0; n < perSet; n++)
      addPair(out, ps[random(ps.length)]!, next.profiles[random(next.profiles.length)]!, false);
  });
  return out;
}

/** Fits the scorer's weights on the broadcasts' pairs and, weighing each row `paraKqcWeight`, ParaKQC's. */
export function fitPairModel(sets: readonly Pairs[], paraKqc: Pairs | undefined, paraKqcWeight: number): number[] {
  const x: number[][] = [];
  const y: number[] = [];
  const weights: number[] = [];
  for (const p of sets) {
    x.push(...p.x);
    y.push(...p.y);
    for (let i = 0; i < p.y.length; i++) weights.push(1);
  }
  if (paraKqc && paraKqcWeight > 0) {
    x.push(...paraKqc.x);
    y.push(...paraKqc.y);
    for (let i = 0; i < paraKqc.y.length; i++) weights.push(paraKqcWeight);
  }
  return fitLogistic(x, y, { l2: 1, iterations: 30, weights });
}

/** Clusters a set's questions in seeded chat orders, as the hub would; ids prefixed so sets never meet. */
export function clusterSet(set: ParaphraseSet, model: PairModel, seeds: readonly number[]): Assignment[] {
  const out: Assignment[] = [];
  for (const seed of seeds) {
    const index = new ClusterIndex({ model });
    let seq = 0;
    for (const { group, question } of streamOrder(set, seed)) {
      const cluster = index.add({ seq: ++seq, message: question, at: seq });
      out.push({ group: `${seed}:${set.set}:${group}`, cluster: `${seed}:${set.set}:${cluster.id}` });
    }
  }
  return out;
}

export const JOIN_GRID = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

/** The threshold of `JOIN_GRID` with the best pooled F1 on these sets. */
export function chooseJoinAt(
  weights: readonly number[],
  sets: readonly ParaphraseSet[],
  seeds: readonly number[],
): { joinAt: number; f1: number } {
  let best = { joinAt: JOIN_GRID[0]!, f1: -1 };
  for (const joinAt of JOIN_GRID) {
    const f1 = scoreClustering(sets.flatMap((s) => clusterSet(s, { weights, joinAt }, seeds))).f1;
    if (f1 > best.f1) best = { joinAt, f1 };
  }
  return best;
}
