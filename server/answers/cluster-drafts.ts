import { drizzle } from "drizzle-orm/d1";
import type { DraftResponse } from "../../core/answers/api.ts";
import { answerQuestion } from "../../core/answers/pipeline.ts";
import { reusePublished } from "../../core/answers/reuse.ts";
import type { PredraftJob } from "../../core/hub/predrafts.ts";
import { loadKnowledge } from "./knowledge-db.ts";
import { reindex } from "./retrieval.ts";
import { answerBackends, type AnswerBackends } from "./service.ts";

/** A cluster's pre-draft, as the hub stores and shows it. */
export interface PredraftResult {
  clusterId: string;
  draft: DraftResponse;
}

/**
 * Drafts a batch of cluster questions for one broadcast: its knowledge is loaded and
 * re-indexed once for the whole batch, then each question takes the one answering path
 * (core/answers/pipeline.ts), a repeat of a published answer drafted from it (reuse.ts).
 * A question that fails is left out (logged), the rest return.
 */
export async function draftClusterQuestions(
  env: Env,
  broadcastId: string,
  jobs: readonly PredraftJob[],
  backends: AnswerBackends = answerBackends(env),
): Promise<PredraftResult[]> {
  if (jobs.length === 0) return [];
  const db = drizzle(env.DB);
  const knowledge = await loadKnowledge(db, broadcastId);
  if (!knowledge) return [];
  await reindex(db, knowledge, backends.retrieval);
  const retrieve = backends.retrieval.retrieve(broadcastId);
  const results: PredraftResult[] = [];
  for (const job of jobs) {
    try {
      const drafted = await answerQuestion(job.question, knowledge, retrieve, backends.drafter);
      const { answer, abstained, sources, confidence, reason, suggestions } = reusePublished(
        job.question,
        knowledge,
        drafted,
      );
      const draft: DraftResponse = {
        answer,
        abstained,
        sources,
        confidence,
        suggestions,
        ...(reason === undefined ? {} : { reason }),
      };
      results.push({ clusterId: job.clusterId, draft });
    } catch (err) {
      console.error(
        JSON.stringify({ event: "predraft-failed", broadcastId, cluster: job.clusterId, error: String(err) }),
      );
    }
  }
  return results;
}
