import { embeddedFilter } from "./embedded-answerer.ts";
import { EmbeddedVectorStore } from "./embedded-store.ts";
import { langchainRetrieve, type Retrieve } from "./pipeline.ts";
import type { Chunk } from "./types.ts";

/** Broadcasts whose index one isolate keeps before dropping the least recently used. */
export const DEFAULT_INDEXED_BROADCASTS = 32;

/**
 * The embedded indexes of the broadcasts an isolate serves: one store per broadcast, so its
 * retrieval statistics (BM25 document frequencies, average length) are its own and a busy
 * broadcast does not skew another's ranking; at most `limit` broadcasts are kept, the least
 * recently used dropped (a dropped broadcast re-indexes from D1 on its next draft). The
 * Worker, the CLI, the evaluation and training all draft through this one class.
 */
export class BroadcastIndexes {
  private readonly stores = new Map<string, EmbeddedVectorStore>();

  readonly limit: number;

  constructor(limit = DEFAULT_INDEXED_BROADCASTS) {
    this.limit = limit;
  }

  /** The broadcast's store, marked most recently used (created empty when absent). */
  store(broadcastId: string): EmbeddedVectorStore {
    let store = this.stores.get(broadcastId);
    if (store) this.stores.delete(broadcastId);
    else store = new EmbeddedVectorStore();
    this.stores.set(broadcastId, store);
    while (this.stores.size > this.limit) {
      const oldest = this.stores.keys().next().value;
      if (oldest === undefined) break;
      this.stores.delete(oldest);
    }
    return store;
  }

  /** Brings the broadcast's index in step with its full chunk derivation (diffs against itself). */
  sync(broadcastId: string, chunks: readonly Chunk[]): void {
    const store = this.store(broadcastId);
    const current = new Map(store.index.entries().map((c) => [c.id, c.text]));
    const ids = new Set(chunks.map((c) => c.id));
    store.index.remove([...current.keys()].filter((id) => !ids.has(id)));
    store.upsertChunks(chunks.filter((c) => current.get(c.id) !== c.text));
  }

  retrieve(broadcastId: string): Retrieve {
    return langchainRetrieve(this.store(broadcastId), (productKey?: string) => embeddedFilter(broadcastId, productKey));
  }

  has(broadcastId: string): boolean {
    return this.stores.has(broadcastId);
  }

  get size(): number {
    return this.stores.size;
  }
}
