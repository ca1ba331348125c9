/**
 * Okapi BM25 over a document set that changes one document at a time: document frequencies
 * and the average length are kept up to date on add and remove, so re-indexing an edited
 * product never rebuilds the rest.
 */
export class Bm25 {
  private readonly k1: number;
  private readonly b: number;
  private readonly docs = new Map<string, { tf: Map<string, number>; length: number }>();
  private readonly df = new Map<string, number>();
  private totalLength = 0;

  constructor(k1 = 1.2, b = 0.75) {
    this.k1 = k1;
    this.b = b;
  }

  /** Adds or replaces a document's terms. */
  set(id: string, terms: readonly string[]): void {
    this.delete(id);
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    this.docs.set(id, { tf, length: terms.length });
    this.totalLength += terms.length;
  }

  delete(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    for (const t of doc.tf.keys()) {
      const n = (this.df.get(t) ?? 1) - 1;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
    }
    this.totalLength -= doc.length;
    this.docs.delete(id);
  }

  /** BM25 score of one document for the query terms (0 when unknown). */
  score(id: string, queryTerms: readonly string[]): number {
    const doc = this.docs.get(id);
    if (!doc || this.docs.size === 0) return 0;
    const avg = this.totalLength / this.docs.size || 1;
    let score = 0;
    for (const t of new Set(queryTerms)) {
      const f = doc.tf.get(t);
      if (!f) continue;
      const n = this.df.get(t) ?? 0;
      const idf = Math.log(1 + (this.docs.size - n + 0.5) / (n + 0.5));
      score += (idf * f * (this.k1 + 1)) / (f + this.k1 * (1 - this.b + (this.b * doc.length) / avg));
    }
    return score;
  }

  get size(): number {
    return this.docs.size;
  }
}
