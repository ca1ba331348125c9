import type { VectorStoreInterface } from "@langchain/core/vectorstores";
import { documentToChunk } from "./documents.ts";
import { expandQuery, lexiconMatches } from "./lexicon.ts";
import { suggest } from "./suggestions.ts";
import type { AnswerDrafter, AnsweredDraft, KnowledgeSet, Passage } from "./types.ts";

/** Finds passages for a question, optionally about one product. */
export type Retrieve = (question: string, k: number, productKey?: string) => Promise<Passage[]>;

/** How many passages a drafter sees (3, as drafting started with; the extractive drafter only uses them as a nudge). */
export const PASSAGES_PER_DRAFT = 6;

/**
 * Retrieval through any LangChain vector store (embedded or Vectorize). `filterFor` builds
 * the store's own filter for the broadcast and product.
 */
export function langchainRetrieve<S extends VectorStoreInterface>(
  store: S,
  filterFor: (productKey?: string) => S["FilterType"],
): Retrieve {
  return async (question, k, productKey) => {
    const results = await store.similaritySearchWithScore(question, k, filterFor(productKey));
    return results.flatMap(([doc, score]) => {
      const chunk = documentToChunk(doc);
      return chunk ? [{ chunk, score }] : [];
    });
  };
}

/**
 * Retrieve, draft, suggest: the one path every caller (API, hub pre-drafts, CLI, evaluation)
 * takes. Retrieval searches the question expanded with the paraphrase lexicon (lexicon.ts).
 */
export async function answerQuestion(
  question: string,
  knowledge: KnowledgeSet,
  retrieve: Retrieve,
  drafter: AnswerDrafter,
  productKey?: string,
): Promise<AnsweredDraft> {
  const matches = lexiconMatches(question);
  const passages = await retrieve(expandQuery(question, matches), PASSAGES_PER_DRAFT, productKey);
  const { ranked, ...draft } = await drafter.draft(question, { knowledge, passages, productKey });
  const suggestions = await suggest(question, knowledge, retrieve, { ...draft, ranked }, productKey, matches);
  return { ...draft, suggestions };
}
