import { knowledgeChunks } from "../../core/answers/chunks.ts";
import { embeddedFilter } from "../../core/answers/embedded-answerer.ts";
import { EmbeddedVectorStore } from "../../core/answers/embedded-store.ts";
import { langchainRetrieve, type Retrieve } from "../../core/answers/pipeline.ts";
import type { Chunk, KnowledgeSet } from "../../core/answers/types.ts";
import type { VectorStoreInterface } from "@langchain/core/vectorstores";
import type { Db } from "../db/queries.ts";
import { applyChunkDiff, diffChunks, type ChunkDiff } from "./knowledge-db.ts";

/** A retrieval backend: keeps its index in step with the knowledge, and retrieves per broadcast. */
export interface RetrievalBackend {
  readonly name: string;
  /** Which index holds the chunks (backend and embedding model), recorded per chunk in D1. */
  readonly indexTag: string;
  readonly store: VectorStoreInterface;
  /** `chunks` is the broadcast's full derivation; `diff` what changed against D1. */
  sync(broadcastId: string, chunks: readonly Chunk[], diff: ChunkDiff): Promise<void>;
  retrieve(broadcastId: string): Retrieve;
}

/**
 * The embedded backend: one in-memory index per broadcast per isolate. Memory is only a
 * cache (another isolate may have written D1 first), so it diffs against itself, not D1.
 */
export function createEmbeddedRetrieval(): RetrievalBackend & { store: EmbeddedVectorStore } {
  const store = new EmbeddedVectorStore();
  return {
    name: "embedded",
    indexTag: "embedded",
    store,
    async sync(broadcastId, chunks) {
      const current = new Map(store.index.entries().filter((c) => c.broadcastId === broadcastId).map((c) => [c.id, c.text]));
      const ids = new Set(chunks.map((c) => c.id));
      store.index.remove([...current.keys()].filter((id) => !ids.has(id)));
      store.upsertChunks(chunks.filter((c) => current.get(c.id) !== c.text));
    },
    retrieve(broadcastId) {
      return langchainRetrieve(store, (productKey?: string) => embeddedFilter(broadcastId, productKey));
    },
  };
}

/**
 * Re-indexes a broadcast incrementally: derives its chunks, lets the backend take what
 * changed (vector index first), then records the chunks in D1. Returns the diff.
 */
export async function reindex(db: Db, knowledge: KnowledgeSet, backend: RetrievalBackend, now = Date.now()): Promise<ChunkDiff> {
  const chunks = knowledgeChunks(knowledge);
  const diff = await diffChunks(db, knowledge.broadcastId, chunks, backend.indexTag);
  await backend.sync(knowledge.broadcastId, chunks, diff);
  await applyChunkDiff(db, diff, backend.indexTag, now);
  return diff;
}
