import { answerProbability, answerScore, NONE_FEATURES, type SecondLookModel, weightedSum } from "./second-look.ts";

/**
 * The second look as one choice per question: which of the sources it may answer from states
 * the answer, or none of them. Judged each on its own, two sources on one topic both look
 * likely and a question nothing answers looks like the best of its sources; as shares of one
 * choice, a source is probable only as far as it beats its rivals and "none" (a softmax over
 * their scores). Trained by scripts/train-answers.ts to make the right choice of each case
 * most probable.
 */

/** The score (log-odds) of "none of them" from the question's evidence (second-look.ts noneEvidence). */
export function noneScore(none: readonly number[], model: SecondLookModel): number {
  return weightedSum(none, NONE_FEATURES, model.noneWeights);
}

/**
 * Each source's probability of answering the question (same order as `features`). With a
 * choice model, an eligible source's share of the choice among the eligible sources and
 * "none"; a source it may not answer from gets the share it would have had in the choice (for
 * ranking suggestions only). Without one, each source's own probability.
 */
export function sourceProbabilities(
  features: readonly (readonly number[])[],
  eligible: readonly boolean[],
  none: readonly number[],
  model: SecondLookModel,
): number[] {
  if (!model.noneWeights) return features.map((x) => answerProbability(x, model));
  const scores = features.map((x) => answerScore(x, model));
  const zNone = noneScore(none, model);
  // Shifted by the largest score so no exponent overflows.
  const top = Math.max(zNone, ...scores);
  const weight = (z: number) => Math.exp(z - top);
  let total = weight(zNone);
  scores.forEach((z, i) => {
    if (eligible[i]) total += weight(z);
  });
  return scores.map((z, i) => weight(z) / (total + (eligible[i] ? 0 : weight(z))));
}
