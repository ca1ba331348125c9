/**
 * Pure training for the intent model: multinomial logistic regression over hashed
 * features, AdaGrad with L2 on the active weights, per-example and per-class weights,
 * and temperature scaling fitted on a validation split.
 */
import { MAX_FEATURES, extractFeatures } from "./features.ts";
import type { IntentModel } from "./model.ts";
import type { Intent } from "../protocol/intent.ts";

/** Examples as flat feature lists: example i has features[offsets[i] .. offsets[i+1]). */
export interface FeatureSet {
  readonly features: Int32Array;
  readonly offsets: Int32Array;
  readonly labels: Uint8Array;
  /** How much each example counts (e.g. less for out-of-domain corpora). */
  readonly weights: Float32Array;
}

export interface Example {
  text: string;
  label: number;
  weight?: number;
}

/** Extracts the features of every example once, so epochs only do arithmetic. */
export function buildFeatureSet(examples: readonly Example[], bits: number): FeatureSet {
  const buf = new Int32Array(MAX_FEATURES);
  const offsets = new Int32Array(examples.length + 1);
  const chunks: Int32Array[] = [];
  let total = 0;
  examples.forEach((ex, i) => {
    const n = extractFeatures(ex.text, buf, bits);
    chunks.push(buf.slice(0, n));
    total += n;
    offsets[i + 1] = total;
  });
  const features = new Int32Array(total);
  chunks.forEach((chunk, i) => features.set(chunk, offsets[i]!));
  return {
    features,
    offsets,
    labels: Uint8Array.from(examples, (ex) => ex.label),
    weights: Float32Array.from(examples, (ex) => ex.weight ?? 1),
  };
}

export interface TrainOptions {
  bits: number;
  numClasses: number;
  epochs: number;
  learningRate: number;
  /** L2 strength, applied to the weights of each example's active features. */
  l2: number;
  /** Multiplier per class (e.g. inverse frequency); defaults to 1 each. */
  classWeights?: readonly number[];
  seed?: number;
}

/** Deterministic PRNG (mulberry32) so training runs are reproducible. */
export function prng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates in place, drawing from `rand`. */
export function shuffle(order: Int32Array, rand: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}

/**
 * Trains and returns weights with one column per class (row-major, 2^bits rows).
 * Use `toModelWeights` to drop the redundant first column for inference.
 */
export function trainSoftmax(set: FeatureSet, opts: TrainOptions): Float32Array {
  const C = opts.numClasses;
  const W = new Float32Array((1 << opts.bits) * C);
  const G = new Float32Array(W.length);
  const classWeights = opts.classWeights ?? new Array<number>(C).fill(1);
  const n = set.labels.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rand = prng(opts.seed ?? 1);
  const z = new Float64Array(C);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, rand);
    for (const ex of order) {
      const from = set.offsets[ex]!,
        to = set.offsets[ex + 1]!;
      scoreRow(W, C, set.features, from, to, z);
      softmax(z);
      const label = set.labels[ex]!;
      const scale = set.weights[ex]! * classWeights[label]!;
      for (let c = 0; c < C; c++) z[c] = (z[c]! - (c === label ? 1 : 0)) * scale;
      for (let i = from; i < to; i++) {
        const row = set.features[i]! * C;
        for (let c = 0; c < C; c++) {
          const j = row + c;
          const g = z[c]! + opts.l2 * W[j]!;
          G[j] = G[j]! + g * g;
          W[j] = W[j]! - (opts.learningRate * g) / (Math.sqrt(G[j]!) + 1e-8);
        }
      }
    }
  }
  return W;
}

function scoreRow(W: Float32Array, C: number, features: Int32Array, from: number, to: number, z: Float64Array): void {
  z.fill(0);
  for (let i = from; i < to; i++) {
    const row = features[i]! * C;
    for (let c = 0; c < C; c++) z[c] = z[c]! + W[row + c]!;
  }
}

function softmax(z: Float64Array): void {
  let top = -Infinity;
  for (const v of z) if (v > top) top = v;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c]! - top);
    sum += z[c]!;
  }
  for (let c = 0; c < z.length; c++) z[c] = z[c]! / sum;
}

/** Subtracts the first class's column from every column and drops it (same softmax). */
export function toModelWeights(full: Float32Array, numClasses: number): Float32Array {
  const cols = numClasses - 1;
  const rows = full.length / numClasses;
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const base = full[r * numClasses]!;
    for (let c = 0; c < cols; c++) out[r * cols + c] = full[r * numClasses + c + 1]! - base;
  }
  return out;
}

/** A model from trained weights (temperature 1 until `fitTemperature`). */
export function modelFrom(
  full: Float32Array,
  classes: readonly Intent[],
  bits: number,
  featureVersion: number,
): IntentModel {
  return { featureVersion, bits, classes, temperature: 1, weights: toModelWeights(full, classes.length) };
}

/** Mean negative log-likelihood of `labels` under softmax(logits / T); logits row-major. */
export function nll(logits: Float64Array, labels: Uint8Array, numClasses: number, temperature: number): number {
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    let top = -Infinity;
    for (let c = 0; c < numClasses; c++) top = Math.max(top, logits[i * numClasses + c]! / temperature);
    let sum = 0;
    for (let c = 0; c < numClasses; c++) sum += Math.exp(logits[i * numClasses + c]! / temperature - top);
    total += top + Math.log(sum) - logits[i * numClasses + labels[i]!]! / temperature;
  }
  return total / Math.max(1, labels.length);
}

/** The temperature minimising validation NLL (golden-section search over log T in [1/20, 20]). */
export function fitTemperature(logits: Float64Array, labels: Uint8Array, numClasses: number): number {
  let lo = Math.log(0.05),
    hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  const f = (x: number) => nll(logits, labels, numClasses, Math.exp(x));
  let a = hi - phi * (hi - lo),
    b = lo + phi * (hi - lo);
  let fa = f(a),
    fb = f(b);
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = f(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = f(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** Inverse-frequency class weights, normalised to mean 1 over examples. */
export function balancedClassWeights(labels: Uint8Array, numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (const l of labels) counts[l]!++;
  return counts.map((c) => (c === 0 ? 0 : labels.length / (numClasses * c)));
}
