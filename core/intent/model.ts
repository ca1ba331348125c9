/**
 * Inference for the embedded intent model: multinomial logistic regression over hashed
 * features (features.ts), with temperature-scaled softmax for calibrated confidence.
 */
import type { Intent } from "../protocol/intent.ts";
import { FEATURE_VERSION, MAX_FEATURES, extractFeatures } from "./features.ts";
import type { IntentClassifier, IntentResult } from "./types.ts";

/** Chats whose confidence is below this are flagged as uncertain on the board. */
export const UNCERTAIN_BELOW = 0.6;

/** Whether a classification should be shown in the board's "uncertain" view. */
export function isUncertain(result: IntentResult): boolean {
  return result.confidence < UNCERTAIN_BELOW;
}

/**
 * Decoded model. `weights` holds, for each of the 2^bits feature buckets, one weight per
 * class after the first (`classes.length - 1` columns, row-major): softmax is invariant
 * to a shared shift, so the first class's logit is fixed at 0 and not stored.
 */
export interface IntentModel {
  readonly featureVersion: number;
  readonly bits: number;
  readonly classes: readonly Intent[];
  /** Logits are divided by this before the softmax (fitted on a validation split). */
  readonly temperature: number;
  /**
   * Float weights (training), or int8 weights as shipped: the int8 table is a quarter of
   * the size (2 MB at 20 bits), so the random row reads of inference miss the cache less.
   */
  readonly weights: Float32Array | Int8Array;
  /** Per column: the summed int8 weights are multiplied by this. Absent for float weights. */
  readonly scales?: readonly number[];
}

const featureBuf = new Int32Array(MAX_FEATURES);

/**
 * Writes the logits of `text` (class 0 first, always 0) into `logits` and returns it.
 * Not divided by the temperature.
 */
export function logitsOf(model: IntentModel, text: string, logits: Float64Array): Float64Array {
  return logitsFromFeatures(model, featureBuf, extractFeatures(text, featureBuf, model.bits), logits);
}

/**
 * The logits for features already extracted at `model.bits` into features[0..count): for a
 * pass shared with another model (moderation reads the same features).
 */
export function logitsFromFeatures(
  model: IntentModel,
  features: Int32Array,
  count: number,
  logits: Float64Array,
): Float64Array {
  const w = model.weights;
  logits.fill(0);
  if (model.classes.length === 3) {
    // Separate monomorphic loops per array type: this sum is most of the cost of inference.
    if (w instanceof Int8Array) sumInt8Pairs(w, features, count, logits);
    else sumFloatPairs(w, features, count, logits);
  } else {
    sumColumns(w, features, model.classes.length - 1, count, logits);
  }
  const scales = model.scales;
  if (scales !== undefined) for (let c = 1; c < logits.length; c++) logits[c] = logits[c]! * scales[c - 1]!;
  return logits;
}

/** Two int8 columns: integer sums stay exact small integers, scaled once afterwards. */
function sumInt8Pairs(w: Int8Array, features: Int32Array, count: number, logits: Float64Array): void {
  let z1 = 0,
    z2 = 0;
  for (let i = 0; i < count; i++) {
    const row = features[i]! << 1;
    z1 += w[row]!;
    z2 += w[row + 1]!;
  }
  logits[1] = z1;
  logits[2] = z2;
}

/** The same loop over float weights: kept separate so each stays monomorphic for the JIT. */
function sumFloatPairs(w: Float32Array, features: Int32Array, count: number, logits: Float64Array): void {
  let z1 = 0,
    z2 = 0;
  for (let i = 0; i < count; i++) {
    const row = features[i]! << 1;
    z1 += w[row]!;
    z2 += w[row + 1]!;
  }
  logits[1] = z1;
  logits[2] = z2;
}

function sumColumns(
  w: Float32Array | Int8Array,
  features: Int32Array,
  cols: number,
  count: number,
  logits: Float64Array,
): void {
  for (let i = 0; i < count; i++) {
    const row = features[i]! * cols;
    for (let c = 0; c < cols; c++) logits[c + 1] = logits[c + 1]! + w[row + c]!;
  }
}

/** In-place softmax of `logits / temperature`; returns the index of the largest. */
export function softmaxInPlace(logits: Float64Array, temperature = 1): number {
  let best = 0;
  for (let c = 1; c < logits.length; c++) if (logits[c]! > logits[best]!) best = c;
  const top = logits[best]!;
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    const e = Math.exp((logits[c]! - top) / temperature);
    logits[c] = e;
    sum += e;
  }
  for (let c = 0; c < logits.length; c++) logits[c] = logits[c]! / sum;
  return best;
}

/**
 * Index of the largest logit and its probability under softmax(logits / temperature),
 * without the full softmax: p = 1 / Σ exp((z_c − z_best) / T). Leaves `logits` as is.
 */
export function topClass(logits: Float64Array, temperature: number, out: { best: number; p: number }): void {
  let best = 0;
  for (let c = 1; c < logits.length; c++) if (logits[c]! > logits[best]!) best = c;
  const top = logits[best]!;
  let sum = 1;
  for (let c = 0; c < logits.length; c++) if (c !== best) sum += Math.exp((logits[c]! - top) / temperature);
  out.best = best;
  out.p = 1 / sum;
}

/** Calibrated class probabilities of one chat, in `model.classes` order. */
export function probabilities(model: IntentModel, text: string): number[] {
  const p = logitsOf(model, text, new Float64Array(model.classes.length));
  softmaxInPlace(p, model.temperature);
  return Array.from(p);
}

/** Refuses weights trained with a different feature extractor. */
export function checkModel(model: IntentModel): IntentModel {
  const expected = (1 << model.bits) * (model.classes.length - 1);
  if (model.featureVersion !== FEATURE_VERSION) {
    throw new Error(`intent weights use features v${model.featureVersion}, code has v${FEATURE_VERSION}`);
  }
  if (model.weights.length !== expected)
    throw new Error(`intent weights: ${model.weights.length} values, expected ${expected}`);
  if (model.weights instanceof Int8Array && model.scales?.length !== model.classes.length - 1) {
    throw new Error("intent weights: int8 weights need one scale per stored column");
  }
  if (!(model.temperature > 0)) throw new Error("intent weights: temperature must be positive");
  return model;
}

/** An empty or whitespace-only chat carries no ask: it is general by definition. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0x3000 && c !== 0xa0) return false;
  }
  return true;
}

/**
 * The embedded classifier over a model, or over a loader called once on first use (so
 * importing it costs nothing until a chat is classified).
 */
export function createEmbeddedClassifier(source: IntentModel | (() => IntentModel)): IntentClassifier {
  const load = typeof source === "function" ? source : () => source;
  let model: IntentModel | null = null;
  let logits = new Float64Array(3);
  const top = { best: 0, p: 0 };
  return {
    name: "embedded",
    classifyBatch(texts: readonly string[]): IntentResult[] {
      if (model === null) {
        model = checkModel(load());
        logits = new Float64Array(model.classes.length);
      }
      const out = new Array<IntentResult>(texts.length);
      for (let i = 0; i < texts.length; i++) {
        const text = texts[i]!;
        if (isBlank(text)) {
          out[i] = { intent: "general", confidence: 1 };
          continue;
        }
        logitsOf(model, text, logits);
        topClass(logits, model.temperature, top);
        out[i] = { intent: model.classes[top.best]!, confidence: top.p };
      }
      return out;
    },
  };
}
