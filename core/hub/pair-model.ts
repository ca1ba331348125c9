import data from "../../data/clusters/pair-model-v2.json" with { type: "json" };
import { PAIR_FEATURES } from "./pair-features.ts";

/**
 * The learned "same question" scorer: logistic weights over `PAIR_FEATURES` and the probability
 * at which a question joins a cluster, written by `npm run train:clusters` to
 * data/clusters/pair-model-v2.json (data, not code; esbuild inlines it in the Worker).
 */
export interface PairModel {
  /** One weight per `PAIR_FEATURES` entry, bias first. */
  weights: readonly number[];
  /** Probability of "same question" at which a question joins a cluster. */
  joinAt: number;
}

interface PairModelFile extends PairModel {
  version: string;
  features: string[];
}

/** Checks a model against the features this code computes: a stale file must fail loudly, not score garbage. */
export function checkedModel(file: PairModelFile): PairModel {
  const expected = PAIR_FEATURES.join(",");
  if (file.features.join(",") !== expected || file.weights.length !== PAIR_FEATURES.length) {
    throw new Error(`pair model ${file.version}: features ${file.features.join(",")} are not ${expected}`);
  }
  if (!(file.joinAt > 0 && file.joinAt < 1)) throw new Error(`pair model ${file.version}: joinAt ${file.joinAt}`);
  return { weights: file.weights, joinAt: file.joinAt };
}

const file = data as unknown as PairModelFile;
export const PAIR_MODEL_VERSION: string = file.version;
let shipped: PairModel | undefined;

/**
 * The shipped model, checked on first use (not on import: train:clusters must run while the
 * file still holds the previous features).
 */
export function shippedPairModel(): PairModel {
  shipped ??= checkedModel(file);
  return shipped;
}

/** The probability that two questions are one question, from their features (`pairFeatures`). */
export function pairScore(model: PairModel, features: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += model.weights[i]! * features[i]!;
  return 1 / (1 + Math.exp(-z));
}
