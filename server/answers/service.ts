import { drizzle } from "drizzle-orm/d1";
import { extractiveDrafter } from "../../core/answers/extractive-drafter.ts";
import { answerQuestion } from "../../core/answers/pipeline.ts";
import { reusePublished } from "../../core/answers/reuse.ts";
import type { AnswerDrafter, AnsweredDraft } from "../../core/answers/types.ts";
import { createVectorizeRetrieval } from "../adapters/answers-vectorize.ts";
import { createOpenAIDrafter } from "../adapters/answers-openai.ts";
import { createWorkersAIBindingDrafter, createWorkersAIDrafter } from "../adapters/answers-workers-ai.ts";
import { draftingChoice, vectorizeConfig, type DraftingChoice } from "./config.ts";
import { loadKnowledge } from "./knowledge-db.ts";
import { createEmbeddedRetrieval, reindex, type RetrievalBackend } from "./retrieval.ts";

/** The backends answering for one configuration. */
export interface AnswerBackends {
  retrieval: RetrievalBackend;
  drafter: AnswerDrafter;
}

/** Per isolate and configuration: the embedded index and the model clients outlive requests. */
let cached: { key: string; backends: AnswerBackends } | null = null;

/** Chooses the backends from bindings and config (absent → embedded defaults). */
export function answerBackends(env: Env): AnswerBackends {
  const drafting = draftingChoice(env);
  const vectorize = vectorizeConfig(env);
  const key = JSON.stringify([drafting.kind, "config" in drafting ? drafting.config : null, vectorize?.model ?? null]);
  if (cached?.key === key) return cached.backends;
  const backends = {
    retrieval: vectorize
      ? createVectorizeRetrieval(vectorize.ai, vectorize.index, vectorize.model)
      : createEmbeddedRetrieval(),
    drafter: drafterFor(drafting),
  };
  cached = { key, backends };
  return backends;
}

/** The drafter for a configuration; every language model's drafts pass the grounding check. */
export function drafterFor(choice: DraftingChoice): AnswerDrafter {
  switch (choice.kind) {
    case "openai":
      return createOpenAIDrafter(choice.config, extractiveDrafter);
    case "workers-ai-rest":
      return createWorkersAIDrafter(choice.config, extractiveDrafter);
    case "workers-ai-binding":
      return createWorkersAIBindingDrafter(choice.ai, choice.model, extractiveDrafter);
    case "extractive":
      return extractiveDrafter;
  }
}

/**
 * Drafts an answer from the broadcast's knowledge: loads it (published answers included),
 * re-indexes what changed, retrieves and drafts; a repeat of a published answer's question
 * gets that answer first (core/answers/reuse.ts). Null when the broadcast does not exist.
 */
export async function draftForBroadcast(
  env: Env,
  broadcastId: string,
  question: string,
  productKey?: string,
  backends: AnswerBackends = answerBackends(env),
): Promise<AnsweredDraft | null> {
  const db = drizzle(env.DB);
  const knowledge = await loadKnowledge(db, broadcastId);
  if (!knowledge) return null;
  await reindex(db, knowledge, backends.retrieval);
  const drafted = await answerQuestion(
    question,
    knowledge,
    backends.retrieval.retrieve(broadcastId),
    backends.drafter,
    productKey,
  );
  return reusePublished(question, knowledge, drafted);
}

/** Re-indexes after an edit, so the next draft (and Vectorize) sees it at once. */
export async function reindexBroadcast(
  env: Env,
  broadcastId: string,
  backends: AnswerBackends = answerBackends(env),
): Promise<void> {
  const db = drizzle(env.DB);
  const knowledge = await loadKnowledge(db, broadcastId);
  if (knowledge) await reindex(db, knowledge, backends.retrieval);
}
