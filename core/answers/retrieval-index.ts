import { Bm25 } from "./bm25.ts";
import { lexicalTerms } from "./tokenize.ts";
import type { Chunk, ChunkKind, Passage } from "./types.ts";
import { cosine, hashedVector, type SparseVector } from "./vectors.ts";

/**
 * Which chunks a search may return. `productKeys` keeps chunks of those products; add ""
 * to keep broadcast-wide chunks (notes, benefits) as well.
 */
export interface ChunkFilter {
  broadcastId?: string;
  productKeys?: readonly string[];
  kinds?: readonly ChunkKind[];
}

/** Weight of the hashed-vector cosine in the fused score; BM25 gets the rest. */
const VECTOR_WEIGHT = 0.55;

/** True when the chunk passes the filter. */
export function matchesFilter(chunk: Chunk, filter: ChunkFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.broadcastId !== undefined && chunk.broadcastId !== filter.broadcastId) return false;
  if (filter.productKeys && !filter.productKeys.includes(chunk.productKey)) return false;
  if (filter.kinds && !filter.kinds.includes(chunk.kind)) return false;
  return true;
}

/**
 * The embedded retrieval index: hashed character n-gram vectors and BM25 over Korean-aware
 * terms, fused. In memory, updated chunk by chunk; a few hundred chunks per broadcast search
 * in well under a millisecond.
 */
export class RetrievalIndex {
  private readonly chunks = new Map<string, { chunk: Chunk; vector: SparseVector }>();
  private readonly bm25 = new Bm25();

  /** Adds or replaces chunks by id; `vectors` may carry precomputed embeddings. */
  upsert(chunks: readonly Chunk[], vectors?: readonly SparseVector[]): void {
    chunks.forEach((chunk, i) => {
      this.chunks.set(chunk.id, { chunk, vector: vectors?.[i] ?? hashedVector(chunk.text) });
      this.bm25.set(chunk.id, lexicalTerms(chunk.text));
    });
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      this.chunks.delete(id);
      this.bm25.delete(id);
    }
  }

  get size(): number {
    return this.chunks.size;
  }

  /** Chunk ids and texts, to diff against a fresh derivation. */
  entries(): Chunk[] {
    return [...this.chunks.values()].map((e) => e.chunk);
  }

  /** Best chunks by the fused score, best first; `queryVector` defaults to hashing `query`. */
  search(query: string, k: number, filter?: ChunkFilter, queryVector?: SparseVector): Passage[] {
    const vector = queryVector ?? hashedVector(query);
    const terms = lexicalTerms(query);
    const scored: { chunk: Chunk; cos: number; bm: number }[] = [];
    let maxBm = 0;
    for (const { chunk, vector: v } of this.chunks.values()) {
      if (!matchesFilter(chunk, filter)) continue;
      const bm = this.bm25.score(chunk.id, terms);
      maxBm = Math.max(maxBm, bm);
      scored.push({ chunk, cos: cosine(vector, v), bm });
    }
    return scored
      .map(({ chunk, cos, bm }) => ({
        chunk,
        score: VECTOR_WEIGHT * cos + (1 - VECTOR_WEIGHT) * (maxBm > 0 ? bm / maxBm : 0),
      }))
      .filter((p) => p.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }

  /** Cosine-only search with a given query vector (LangChain's `similaritySearchVectorWithScore`). */
  searchVector(queryVector: SparseVector, k: number, filter?: ChunkFilter): Passage[] {
    const out: Passage[] = [];
    for (const { chunk, vector } of this.chunks.values()) {
      if (matchesFilter(chunk, filter)) out.push({ chunk, score: cosine(queryVector, vector) });
    }
    return out.sort((a, b) => b.score - a.score).slice(0, k);
  }
}
