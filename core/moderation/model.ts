/**
 * The moderation model: a 4-class logistic regression (ok, abuse, spam, personal_info)
 * over the intent features of the chat, folded to `bits`, plus moderation.ts's own
 * families. Inference sums int8 weights (3 stored columns; ok's logit is 0) and scales.
 */
import { extractFeatures } from "../intent/features.ts";
import {
  MAX_MODERATION_FEATURES,
  MODERATION_FEATURE_VERSIONS,
  appendLeanFeatures,
  appendModerationFeatures,
} from "./features.ts";
import { type SecondStage, checkSecondStage } from "./second-stage.ts";
import { MODERATION_CLASSES } from "./types.ts";

export interface ModerationModel {
  readonly featureVersion: number;
  /** The intent model's hashing width, which the shared part of the features comes in. */
  readonly intentBits: number;
  readonly bits: number;
  /** 3 columns (abuse, spam, personal_info) per bucket, row-major; float in training, int8 shipped. */
  readonly weights: Float32Array | Int8Array;
  readonly scales?: readonly number[];
  /** Held when 1 − p(ok) reaches this, per sensitivity level 0..4 (2 is the default). */
  readonly thresholds: readonly number[];
  /**
   * The threshold with the best macro-F1 on news comments (BEEP! tuning split carved from its
   * train file), where toxicity is far commoner than in shopping chat: eval:moderation reports
   * BEEP! dev at it as well as at the default sensitivity. Not used by the hub.
   */
  readonly newsThreshold?: number;
  /** The cascade's second stage (second-stage.ts), consulted for borderline abuse; absent in older files. */
  readonly second?: SecondStage;
}

export const STORED_COLUMNS = MODERATION_CLASSES.length - 1;

const featureBuf = new Int32Array(MAX_MODERATION_FEATURES);

/** Probabilities of the 4 classes written into `p` (ok first), from features[0..count). */
export function probabilitiesFromFeatures(
  model: ModerationModel,
  features: Int32Array,
  intentCount: number,
  count: number,
  p: Float64Array,
): void {
  logitsFromFeatures(model, features, intentCount, count, p);
  softmaxFromLogits(p);
}

/** Softmax of p[1..3] as logits against ok's 0, in place (p[0] = p(ok)). */
export function softmaxFromLogits(p: Float64Array): void {
  const z1 = p[1]!,
    z2 = p[2]!,
    z3 = p[3]!;
  const top = Math.max(0, z1, z2, z3);
  const e0 = Math.exp(-top),
    e1 = Math.exp(z1 - top),
    e2 = Math.exp(z2 - top),
    e3 = Math.exp(z3 - top);
  const sum = e0 + e1 + e2 + e3;
  p[0] = e0 / sum;
  p[1] = e1 / sum;
  p[2] = e2 / sum;
  p[3] = e3 / sum;
}

/**
 * The largest held-class logit below which 1 − p(ok) stays under `threshold` whatever the
 * others are (1 − p(ok) ≤ 3e^max / (1 + 3e^max)): most chats are decided without exp().
 */
export function surelyOkBelow(threshold: number): number {
  return Math.log(threshold / (3 * (1 - threshold)));
}

/** The class logits (ok's is 0) into p[0..3]. */
export function logitsFromFeatures(
  model: ModerationModel,
  features: Int32Array,
  intentCount: number,
  count: number,
  p: Float64Array,
): void {
  const mask = (1 << model.bits) - 1;
  const w = model.weights;
  let z1 = 0,
    z2 = 0,
    z3 = 0;
  const from = firstFeature(model, intentCount);
  if (w instanceof Int8Array) {
    for (let i = from; i < count; i++) {
      const row = (i < intentCount ? features[i]! & mask : features[i]!) * 3;
      z1 += w[row]!;
      z2 += w[row + 1]!;
      z3 += w[row + 2]!;
    }
  } else {
    for (let i = from; i < count; i++) {
      const row = (i < intentCount ? features[i]! & mask : features[i]!) * 3;
      z1 += w[row]!;
      z2 += w[row + 1]!;
      z3 += w[row + 2]!;
    }
  }
  const s = model.scales;
  if (s !== undefined) {
    z1 *= s[0]!;
    z2 *= s[1]!;
    z3 *= s[2]!;
  }
  p[0] = 0;
  p[1] = z1;
  p[2] = z2;
  p[3] = z3;
}

/**
 * Extracts the intent features of `text` (the intent model's width) into `out`, then
 * appends the moderation families: the one pass both models read.
 */
export function extractSplit(
  model: Pick<ModerationModel, "featureVersion" | "intentBits" | "bits">,
  text: string,
  out: Int32Array,
): { intentCount: number; count: number } {
  const intentCount = extractFeatures(text, out, model.intentBits);
  return { intentCount, count: intentCount + appendFor(model, out, intentCount) };
}

/** Appends the model's own features after the intent features at features[0..intentCount). */
export function appendFor(
  model: Pick<ModerationModel, "featureVersion" | "bits">,
  features: Int32Array,
  intentCount: number,
): number {
  if (model.featureVersion === LEAN_FEATURES) return appendLeanFeatures(features, intentCount, model.bits);
  const own = appendModerationFeatures(features, intentCount, model.bits);
  if (model.featureVersion !== RICH_FEATURES) return own;
  return own + appendLeanFeatures(features, intentCount + own, model.bits);
}

/** Feature set 3, the second stage's: the intent features, set 1's families and set 2's. */
export const RICH_FEATURES = 3;

/** Feature set 2 reads only its own families (see appendLeanFeatures). */
export const LEAN_FEATURES = 2;

/** Where the weights the model sums start: lean models skip the intent features. */
export function firstFeature(model: ModerationModel, intentCount: number): number {
  return model.featureVersion === LEAN_FEATURES ? intentCount : 0;
}

/** Class probabilities of one chat (tests, CLIs, training); ok first. */
export function moderationProbabilities(model: ModerationModel, text: string, p = new Float64Array(4)): Float64Array {
  const { intentCount, count } = extractSplit(model, text, featureBuf);
  probabilitiesFromFeatures(model, featureBuf, intentCount, count, p);
  return p;
}

/** Refuses weights trained with a different feature extractor or of the wrong size. */
export function checkModerationModel(model: ModerationModel): ModerationModel {
  if (!MODERATION_FEATURE_VERSIONS.includes(model.featureVersion))
    throw new Error(
      `moderation weights use features v${model.featureVersion}, code has v${MODERATION_FEATURE_VERSIONS.join(", v")}`,
    );
  if (model.weights.length !== (1 << model.bits) * STORED_COLUMNS) throw new Error("moderation weights: wrong size");
  if (model.thresholds.length !== 5) throw new Error("moderation weights: need 5 thresholds (sensitivity 0..4)");
  if (model.second !== undefined) checkSecondStage(model.second);
  return model;
}
