import { fnv1a } from "./hash.ts";
import { charGrams, words } from "./tokenize.ts";

/** A sparse vector: hashed feature → weight, L2-normalized. */
export type SparseVector = Map<number, number>;

/** Dimensions of the hashed character n-gram space (dense form, for LangChain). */
export const HASHED_DIMENSIONS = 4096;

/**
 * Character 2- and 3-grams of each word, hashed into a fixed space with sublinear term
 * frequency, L2-normalized. Survives Korean particles, spacing and typos that defeat words.
 */
export function hashedVector(text: string, dimensions = HASHED_DIMENSIONS): SparseVector {
  const counts = new Map<number, number>();
  for (const word of words(text)) {
    for (const n of [2, 3]) {
      for (const gram of charGrams(word, n)) {
        const slot = fnv1a(gram) % dimensions;
        counts.set(slot, (counts.get(slot) ?? 0) + 1);
      }
    }
  }
  let norm = 0;
  for (const [slot, count] of counts) {
    const w = 1 + Math.log(count);
    counts.set(slot, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [slot, w] of counts) counts.set(slot, w / norm);
  return counts;
}

/** Cosine of two L2-normalized sparse vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [slot, w] of small) dot += w * (large.get(slot) ?? 0);
  return dot;
}

/** Dense form for interfaces that need `number[]` (LangChain `Embeddings`). */
export function toDense(vector: SparseVector, dimensions = HASHED_DIMENSIONS): number[] {
  const dense = new Array<number>(dimensions).fill(0);
  for (const [slot, w] of vector) dense[slot] = w;
  return dense;
}

/** Back to sparse, keeping only non-zero entries. */
export function toSparse(dense: readonly number[]): SparseVector {
  const sparse: SparseVector = new Map();
  dense.forEach((w, slot) => {
    if (w !== 0) sparse.set(slot, w);
  });
  return sparse;
}
