import { chunkToDocument } from "./documents.ts";
import { knowledgeChunks } from "./chunks.ts";
import { EmbeddedVectorStore } from "./embedded-store.ts";
import { extractiveDrafter } from "./extractive-drafter.ts";
import { answerQuestion, langchainRetrieve } from "./pipeline.ts";
import type { ChunkFilter } from "./retrieval-index.ts";
import type { AnswerDrafter, AnsweredDraft, KnowledgeSet } from "./types.ts";

/** The retrieval filter for a broadcast, and one product plus the broadcast-wide chunks. */
export function embeddedFilter(broadcastId: string, productKey?: string): ChunkFilter {
  return productKey ? { broadcastId, productKeys: [productKey, ""] } : { broadcastId };
}

/** A fresh embedded index over a knowledge set, filled through LangChain's `addDocuments`. */
export async function buildEmbeddedStore(knowledge: KnowledgeSet): Promise<EmbeddedVectorStore> {
  const store = new EmbeddedVectorStore();
  const chunks = knowledgeChunks(knowledge);
  await store.addDocuments(chunks.map(chunkToDocument), { ids: chunks.map((c) => c.id) });
  return store;
}

/** Drafts over an embedded store (CLI, evaluation, and the Worker's default). */
export function draftWithStore(
  store: EmbeddedVectorStore,
  knowledge: KnowledgeSet,
  question: string,
  productKey?: string,
  drafter: AnswerDrafter = extractiveDrafter,
): Promise<AnsweredDraft> {
  const retrieve = langchainRetrieve(store, (key?: string) => embeddedFilter(knowledge.broadcastId, key));
  return answerQuestion(question, knowledge, retrieve, drafter, productKey);
}
