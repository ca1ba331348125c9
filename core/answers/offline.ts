import { BroadcastIndexes } from "./broadcast-indexes.ts";
import { caseKnowledge, knowledgeKey, type AnswerCase } from "./case-set.ts";
import { knowledgeChunks } from "./chunks.ts";
import { extractiveDrafter } from "./extractive-drafter.ts";
import { textId } from "./hash.ts";
import { answerQuestion } from "./pipeline.ts";
import type { AnswerDrafter, AnsweredDraft, KnowledgeSet } from "./types.ts";

/**
 * The offline answer path of the `answer` CLI, `eval:answers` and `train:answers`: the
 * Worker's own code path (service.ts) without D1. Every draft re-derives the broadcast's
 * chunks and syncs its per-broadcast index (as the Worker does on each draft), then
 * retrieves, drafts and suggests through `answerQuestion`.
 */
export class OfflineAnswerer {
  readonly indexes: BroadcastIndexes;

  constructor(indexes = new BroadcastIndexes()) {
    this.indexes = indexes;
  }

  draft(
    knowledge: KnowledgeSet,
    question: string,
    productKey?: string,
    drafter: AnswerDrafter = extractiveDrafter,
  ): Promise<AnsweredDraft> {
    this.indexes.sync(knowledge.broadcastId, knowledgeChunks(knowledge));
    return answerQuestion(question, knowledge, this.indexes.retrieve(knowledge.broadcastId), drafter, productKey);
  }

  /** A case as its own broadcast: cases sharing a knowledge set share a broadcast id (and index). */
  draftCase(c: AnswerCase, drafter: AnswerDrafter = extractiveDrafter): Promise<AnsweredDraft> {
    return this.draft(caseKnowledge(c, `case-${textId(knowledgeKey(c))}`), c.question, c.productKey, drafter);
  }
}
