import { knowledgeChunks } from "../../core/answers/chunks.ts";
import { BroadcastIndexes } from "../../core/answers/broadcast-indexes.ts";
import type { Retrieve } from "../../core/answers/pipeline.ts";
import type { Chunk, KnowledgeSet } from "../../core/answers/types.ts";
import type { VectorStoreInterface } from "@langchain/core/vectorstores";
import type { Db } from "../db/queries.ts";
import { applyChunkDiff, diffChunks, type ChunkDiff } from "./knowledge-db.ts";

/** A retrieval backend: keeps its index in step with the knowledge, and retrieves per broadcast. */
export interface RetrievalBackend {
  readonly name: string;
  /** Which index holds the chunks (backend and embedding model), recorded per chunk in D1. */
  readonly indexTag: string;
  /** The one shared store of a remote backend (Vectorize); the embedded backend has one per broadcast. */
  readonly store?: VectorStoreInterface;
  /** `chunks` is the broadcast's full derivation; `diff` what changed against D1. */
  sync(broadcastId: string, chunks: readonly Chunk[], diff: ChunkDiff): Promise<void>;
  retrieve(broadcastId: string): Retrieve;
}

/**
 * The embedded backend: one in-memory index per broadcast per isolate (core/answers/broadcast-indexes.ts,
 * least recently used broadcasts dropped). Memory is only a
 * cache (another isolate may have written D1 first), so it diffs against itself, not D1.
 */
export function createEmbeddedRetrieval(
  indexes = new BroadcastIndexes(),
): RetrievalBackend & { indexes: BroadcastIndexes } {
  return {
    name: "embedded",
    indexTag: "embedded",
    // Each broadcast has its own store (its own BM25 statistics), at most `indexes.limit` kept.
    indexes,
    async sync(broadcastId, chunks) {
      indexes.sync(broadcastId, chunks);
    },
    retrieve(broadcastId) {
      return indexes.retrieve(broadcastId);
    },
  };
}

/**
 * Re-indexes a broadcast incrementally: derives its chunks, lets the backend take what
 * changed (vector index first), then records the chunks in D1. Returns the diff.
 */
export async function reindex(
  db: Db,
  knowledge: KnowledgeSet,
  backend: RetrievalBackend,
  now = Date.now(),
): Promise<ChunkDiff> {
  const chunks = knowledgeChunks(knowledge);
  const diff = await diffChunks(db, knowledge.broadcastId, chunks, backend.indexTag);
  await backend.sync(knowledge.broadcastId, chunks, diff);
  await applyChunkDiff(db, diff, backend.indexTag, now);
  return diff;
}
