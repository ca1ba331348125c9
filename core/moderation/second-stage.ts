/**
 * The second stage of the moderation cascade: a binary abuse model with a wider table
 * (trained with far more news-comment data, K-MHaS beside BEEP!), consulted only for the
 * few chats the cheap first stage lets through but finds borderline for abuse (its 1 − p(ok)
 * at least `screen`, below its own threshold, abuse its likeliest held class). It only adds
 * holds. Live-commerce chats seldom reach it, so it adds little per chat on average.
 *
 * Features: the lean families (features.ts appendLeanFeatures) hashed to this model's width,
 * each valued 1/√n for a chat of n features (an L2-normalised binary vector), so long news
 * comments and short chats sit on one scale.
 */
import { appendLeanFeatures } from "./features.ts";

export interface SecondStage {
  readonly bits: number;
  /** One weight per bucket (abuse vs not); float in training, int8 shipped. */
  readonly weights: Float32Array | Int8Array;
  readonly scale: number;
  readonly bias: number;
  /** The first stage's 1 − p(ok) from which a chat whose likeliest held class is abuse is consulted here. */
  readonly screen: number;
  /** p(abuse) at which a consulted chat is held, per sensitivity level 0..4. */
  readonly thresholds: readonly number[];
}

/**
 * p(abuse) of the chat of the last intent extraction, its lean features appended to
 * `features` from `at` at this model's width (the first stage's features are left alone).
 */
export function secondStageProbability(stage: SecondStage, features: Int32Array, at: number): number {
  const count = appendLeanFeatures(features, at, stage.bits);
  return probabilityOf(stage, features, at, count);
}

/** p(abuse) from features[from..from+count) (training and tests share it with inference). */
export function probabilityOf(stage: SecondStage, features: Int32Array, from: number, count: number): number {
  const w = stage.weights;
  let z = 0;
  for (let i = from; i < from + count; i++) z += w[features[i]!]!;
  const logit = (z * stage.scale) / Math.sqrt(Math.max(1, count)) + stage.bias;
  return 1 / (1 + Math.exp(-logit));
}

/** Refuses a second stage of the wrong size or without 5 thresholds. */
export function checkSecondStage(stage: SecondStage): SecondStage {
  if (stage.weights.length !== 1 << stage.bits) throw new Error("moderation second stage: wrong size");
  if (stage.thresholds.length !== 5) throw new Error("moderation second stage: need 5 thresholds (sensitivity 0..4)");
  return stage;
}
