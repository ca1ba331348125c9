import type { DocumentInterface } from "@langchain/core/documents";
import { Document } from "@langchain/core/documents";
import { CloudflareWorkersAIEmbeddings } from "@langchain/cloudflare";
import { CloudflareVectorizeStore } from "@langchain/cloudflare";
import { chunkToDocument } from "../../core/answers/documents.ts";
import { langchainRetrieve, type Retrieve } from "../../core/answers/pipeline.ts";
import type { Chunk } from "../../core/answers/types.ts";
import type { RetrievalBackend } from "../answers/retrieval.ts";

/**
 * `CloudflareVectorizeStore` asking Vectorize for metadata as `returnMetadata: "all"`: the
 * boolean form the library sends is the v1 API's and returns no metadata from a v2 index.
 */
export class KnowledgeVectorizeStore extends CloudflareVectorizeStore {
  override async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: this["FilterType"],
  ): Promise<[DocumentInterface, number][]> {
    const results = await this.caller.call(() =>
      this.index.query(query, { topK: k, returnMetadata: "all", ...(filter ? { filter } : {}) }),
    );
    return (results.matches ?? []).map((match: { score: number; metadata?: Record<string, unknown> }) => {
      const { [this.textKey]: text, ...metadata } = match.metadata ?? {};
      return [new Document({ pageContent: typeof text === "string" ? text : "", metadata }), match.score];
    });
  }
}

/** Vectorize's metadata filter for a broadcast, and one product plus broadcast-wide chunks. */
export function vectorizeFilter(broadcastId: string, productKey?: string): Record<string, unknown> {
  return productKey ? { broadcastId, productKey: { $in: [productKey, ""] } } : { broadcastId };
}

/** Options for tests: retries off, a smaller batch. */
export interface VectorizeOptions {
  maxRetries?: number;
}

/**
 * Retrieval through Vectorize with Workers AI embeddings (`@langchain/cloudflare`). Chunks
 * are upserted and deleted by id as the broadcast's knowledge changes (the D1 diff).
 */
export function createVectorizeRetrieval(
  ai: Ai,
  index: Vectorize,
  model: string,
  options: VectorizeOptions = {},
): RetrievalBackend {
  const maxRetries = options.maxRetries ?? 2;
  const embeddings = new CloudflareWorkersAIEmbeddings({ binding: ai, model, maxRetries });
  const store = new KnowledgeVectorizeStore(embeddings, { index, maxRetries });
  return {
    name: "vectorize",
    indexTag: `vectorize:${model}`,
    store,
    async sync(_broadcastId: string, _chunks: readonly Chunk[], diff: { upserted: Chunk[]; removed: string[] }) {
      if (diff.removed.length) await store.delete({ ids: diff.removed });
      if (diff.upserted.length)
        await store.addDocuments(diff.upserted.map(chunkToDocument), { ids: diff.upserted.map((c) => c.id) });
    },
    retrieve(broadcastId: string): Retrieve {
      return langchainRetrieve(store, (productKey?: string) => vectorizeFilter(broadcastId, productKey));
    },
  };
}
