import type { VectorStoreInterface } from "@langchain/core/vectorstores";
import { documentToChunk } from "./documents.ts";
import type { AnswerDrafter, Draft, KnowledgeSet, Passage } from "./types.ts";

/** Finds passages for a question, optionally about one product. */
export type Retrieve = (question: string, k: number, productKey?: string) => Promise<Passage[]>;

/** How many passages a drafter sees (the seed used 3; the extractive drafter only uses them as a nudge). */
export const PASSAGES_PER_DRAFT = 6;

/**
 * Retrieval through any LangChain vector store (embedded or Vectorize). `filterFor` builds
 * the store's own filter for the broadcast and product.
 */
export function langchainRetrieve<S extends VectorStoreInterface>(store: S, filterFor: (productKey?: string) => S["FilterType"]): Retrieve {
  return async (question, k, productKey) => {
    const results = await store.similaritySearchWithScore(question, k, filterFor(productKey));
    return results.flatMap(([doc, score]) => {
      const chunk = documentToChunk(doc);
      return chunk ? [{ chunk, score }] : [];
    });
  };
}

/** Retrieve, then draft: the one path every caller (API, CLI, evaluation) takes. */
export async function answerQuestion(
  question: string,
  knowledge: KnowledgeSet,
  retrieve: Retrieve,
  drafter: AnswerDrafter,
  productKey?: string,
): Promise<Draft> {
  const passages = await retrieve(question, PASSAGES_PER_DRAFT, productKey);
  return drafter.draft(question, { knowledge, passages, productKey });
}
