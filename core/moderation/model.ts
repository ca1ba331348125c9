/**
 * The moderation model: a 4-class logistic regression (ok, abuse, spam, personal_info)
 * over the intent features of the chat, folded to `bits`, plus moderation.ts's own
 * families. Inference sums int8 weights (3 stored columns; ok's logit is 0) and scales.
 */
import { extractFeatures } from "../intent/features.ts";
import { MAX_MODERATION_FEATURES, MODERATION_FEATURE_VERSION, appendModerationFeatures } from "./features.ts";
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
}

export const STORED_COLUMNS = MODERATION_CLASSES.length - 1;

const featureBuf = new Int32Array(MAX_MODERATION_FEATURES);

/** Probabilities of the 4 classes written into `p` (ok first), from features[0..count). */
export function probabilitiesFromFeatures(model: ModerationModel, features: Int32Array, intentCount: number, count: number, p: Float64Array): void {
  const mask = (1 << model.bits) - 1;
  const w = model.weights;
  let z1 = 0, z2 = 0, z3 = 0;
  if (w instanceof Int8Array) {
    for (let i = 0; i < count; i++) {
      const row = (i < intentCount ? features[i]! & mask : features[i]!) * 3;
      z1 += w[row]!;
      z2 += w[row + 1]!;
      z3 += w[row + 2]!;
    }
  } else {
    for (let i = 0; i < count; i++) {
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
  const top = Math.max(0, z1, z2, z3);
  const e0 = Math.exp(-top), e1 = Math.exp(z1 - top), e2 = Math.exp(z2 - top), e3 = Math.exp(z3 - top);
  const sum = e0 + e1 + e2 + e3;
  p[0] = e0 / sum;
  p[1] = e1 / sum;
  p[2] = e2 / sum;
  p[3] = e3 / sum;
}

/**
 * Extracts the intent features of `text` (the intent model's width) into `out`, then
 * appends the moderation families: the one pass both models read.
 */
export function extractSplit(model: ModerationModel, text: string, out: Int32Array): { intentCount: number; count: number } {
  const intentCount = extractFeatures(text, out, model.intentBits);
  return { intentCount, count: intentCount + appendModerationFeatures(out, intentCount, model.bits) };
}

/** Class probabilities of one chat (tests, CLIs, training); ok first. */
export function moderationProbabilities(model: ModerationModel, text: string, p = new Float64Array(4)): Float64Array {
  const { intentCount, count } = extractSplit(model, text, featureBuf);
  probabilitiesFromFeatures(model, featureBuf, intentCount, count, p);
  return p;
}

/** Refuses weights trained with a different feature extractor or of the wrong size. */
export function checkModerationModel(model: ModerationModel): ModerationModel {
  if (model.featureVersion !== MODERATION_FEATURE_VERSION) throw new Error(`moderation weights use features v${model.featureVersion}, code has v${MODERATION_FEATURE_VERSION}`);
  if (model.weights.length !== (1 << model.bits) * STORED_COLUMNS) throw new Error("moderation weights: wrong size");
  if (model.thresholds.length !== 5) throw new Error("moderation weights: need 5 thresholds (sensitivity 0..4)");
  return model;
}
