/**
 * Training for the moderation model: softmax regression over hashed features with AdaGrad
 * (as the intent model's train.ts), plus two things that matter on small, noisy toxicity
 * data: the weights are averaged over the epochs after the first (a cheap, well-known
 * variance reduction) and over several shuffles (seeds); both averages are linear, so the
 * shipped model is still one table.
 */
import { type FeatureSet, prng, shuffle, type TrainOptions, trainSoftmax } from "../intent/train.ts";

export interface ModerationTrainOptions extends TrainOptions {
  /** Shuffles (seeds) whose weights are averaged. */
  seeds: number;
}

/** Full weights (one column per class), averaged over seeds and over epochs 2..n. */
export function trainAveraged(set: FeatureSet, opts: ModerationTrainOptions): Float32Array {
  const total = new Float32Array((1 << opts.bits) * opts.numClasses);
  let runs = 0;
  for (let s = 0; s < opts.seeds; s++) {
    for (let e = Math.min(2, opts.epochs); e <= opts.epochs; e++) {
      const w = trainSoftmax(set, { ...opts, epochs: e, seed: (opts.seed ?? 1) + s * 101 });
      for (let i = 0; i < w.length; i++) total[i] = total[i]! + w[i]!;
      runs++;
    }
  }
  for (let i = 0; i < total.length; i++) total[i] = total[i]! / runs;
  return total;
}

/**
 * Naive-Bayes log-count ratios (Wang & Manning's NBSVM) per bucket and class, one class
 * against the rest, over binarised features with add-`alpha` smoothing; |r| is clipped.
 * The model is then trained on features valued r instead of 1, and the ratios folded into
 * its weights: the shipped table is still one int8 row per bucket.
 */
export function nbRatios(set: FeatureSet, bits: number, numClasses: number, alpha = 1, clip = 3): Float32Array {
  const rows = 1 << bits;
  const counts = new Float32Array(rows * numClasses);
  const totals = new Float64Array(numClasses);
  const seen = new Int32Array(rows).fill(-1);
  for (let ex = 0; ex < set.labels.length; ex++) {
    const label = set.labels[ex]!;
    const w = set.weights[ex]!;
    for (let i = set.offsets[ex]!; i < set.offsets[ex + 1]!; i++) {
      const f = set.features[i]!;
      if (seen[f] === ex) continue;
      seen[f] = ex;
      counts[f * numClasses + label] = counts[f * numClasses + label]! + w;
      totals[label] = totals[label]! + w;
    }
  }
  const all = totals.reduce((a, b) => a + b, 0);
  const r = new Float32Array(rows * numClasses);
  for (let f = 0; f < rows; f++) {
    let rowSum = 0;
    for (let c = 0; c < numClasses; c++) rowSum += counts[f * numClasses + c]!;
    for (let c = 0; c < numClasses; c++) {
      const p = (counts[f * numClasses + c]! + alpha) / (totals[c]! + alpha);
      const q = (rowSum - counts[f * numClasses + c]! + alpha) / (all - totals[c]! + alpha);
      const v = Math.log(p / q);
      r[f * numClasses + c] = Math.max(0.05, Math.min(clip, Math.abs(v)));
    }
  }
  return r;
}

/** trainSoftmax with feature values r[f, c] per class column (see nbRatios); returns W·r folded. */
export function trainScaled(set: FeatureSet, opts: TrainOptions, r: Float32Array): Float32Array {
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
      z.fill(0);
      for (let i = from; i < to; i++) {
        const row = set.features[i]! * C;
        for (let c = 0; c < C; c++) z[c] = z[c]! + W[row + c]! * r[row + c]!;
      }
      let top = -Infinity;
      for (const v of z) if (v > top) top = v;
      let sum = 0;
      for (let c = 0; c < C; c++) sum += z[c] = Math.exp(z[c]! - top);
      const label = set.labels[ex]!;
      const scale = set.weights[ex]! * classWeights[label]!;
      for (let c = 0; c < C; c++) z[c] = (z[c]! / sum - (c === label ? 1 : 0)) * scale;
      for (let i = from; i < to; i++) {
        const row = set.features[i]! * C;
        for (let c = 0; c < C; c++) {
          const j = row + c;
          const g = z[c]! * r[j]! + opts.l2 * W[j]!;
          G[j] = G[j]! + g * g;
          W[j] = W[j]! - (opts.learningRate * g) / (Math.sqrt(G[j]!) + 1e-8);
        }
      }
    }
  }
  for (let j = 0; j < W.length; j++) W[j] = W[j]! * r[j]!;
  return W;
}

export interface BinaryTrainOptions {
  bits: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

/**
 * The second stage's trainer (second-stage.ts): logistic regression of `positive` against
 * every other class over L2-normalised binary features (each of an example's n features
 * valued 1/√n) plus an unnormalised bias, AdaGrad, weights averaged over epochs 2..n.
 */
export function trainNormalisedBinary(
  set: FeatureSet,
  positive: number,
  opts: BinaryTrainOptions,
): { weights: Float32Array; bias: number } {
  const W = new Float32Array(1 << opts.bits);
  const G = new Float32Array(W.length);
  const A = new Float32Array(W.length);
  let bias = 0,
    biasG = 0,
    biasA = 0,
    runs = 0;
  const n = set.labels.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rand = prng(opts.seed);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, rand);
    for (const ex of order) {
      const from = set.offsets[ex]!,
        to = set.offsets[ex + 1]!;
      const v = 1 / Math.sqrt(Math.max(1, to - from));
      let z = 0;
      for (let i = from; i < to; i++) z += W[set.features[i]!]!;
      const p = 1 / (1 + Math.exp(-(z * v + bias)));
      const g0 = (p - (set.labels[ex] === positive ? 1 : 0)) * set.weights[ex]!;
      biasG += g0 * g0;
      bias -= (opts.learningRate * g0) / (Math.sqrt(biasG) + 1e-8);
      for (let i = from; i < to; i++) {
        const j = set.features[i]!;
        const g = g0 * v + opts.l2 * W[j]!;
        G[j] = G[j]! + g * g;
        W[j] = W[j]! - (opts.learningRate * g) / (Math.sqrt(G[j]!) + 1e-8);
      }
    }
    if (epoch >= 1 || opts.epochs === 1) {
      for (let j = 0; j < W.length; j++) A[j] = A[j]! + W[j]!;
      biasA += bias;
      runs++;
    }
  }
  for (let j = 0; j < A.length; j++) A[j] = A[j]! / runs;
  return { weights: A, bias: biasA / runs };
}
