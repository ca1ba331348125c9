import { meaningSimilarity, questionMeaning, sameNouns, type QuestionMeaning } from "../hub/question-meaning.ts";
import type { AnsweredDraft, KnowledgeSet, QnaKnowledge, Source, Suggestion } from "./types.ts";
import { MAX_SUGGESTIONS } from "./suggestions.ts";

/**
 * Answer once, reuse for every repeat: a question that means what a published answer's
 * question meant (the same reading the hub's clusters use, core/hub/question-meaning.ts) gets
 * that answer as its first suggestion, and as the draft when the match is sure.
 */

/** At or above: the same question for sure; the published answer becomes the draft. */
export const REUSE_SURE = 0.99;
/** At or above: probably the same question; the published answer leads the suggestions. */
export const REUSE_RELATED = 0.66;

/**
 * The published answer whose question is closest to this one, if any is related. A match that
 * names a product the other does not ("가격 얼마예요" answered, "부츠 가격 얼마예요" asked) is
 * never sure: the answer may be about another product.
 */
export function matchPublished(
  question: string,
  answers: readonly QnaKnowledge[],
): { answer: QnaKnowledge; similarity: number } | null {
  const asked = questionMeaning(question);
  if (isEmpty(asked)) return null;
  let best: { answer: QnaKnowledge; similarity: number } | null = null;
  for (const answer of answers) {
    const theirs = questionMeaning(answer.question);
    const raw = meaningSimilarity(asked, theirs);
    const similarity = sameNouns(asked, theirs) ? raw : Math.min(raw, REUSE_SURE - 0.01);
    if (similarity >= REUSE_RELATED && (!best || similarity > best.similarity)) best = { answer, similarity };
  }
  return best;
}

/** The draft with a matching published answer put first (and drafted from, when sure). */
export function reusePublished(
  question: string,
  knowledge: Pick<KnowledgeSet, "broadcastId" | "answers">,
  drafted: AnsweredDraft,
): AnsweredDraft {
  const match = matchPublished(question, knowledge.answers);
  if (!match) return drafted;
  const { answer, similarity } = match;
  const id = `${knowledge.broadcastId}:answer:${answer.id}`;
  const productKey = answer.productKey ?? "";
  const lead: Suggestion = { id, kind: "answer", productKey, text: answer.answer, score: 1, matched: [] };
  const suggestions = [lead, ...drafted.suggestions.filter((s) => s.id !== id && s.text !== answer.answer)].slice(
    0,
    MAX_SUGGESTIONS,
  );
  if (similarity < REUSE_SURE) return { ...drafted, suggestions };
  const source: Source = { id, kind: "answer", productKey, text: `Q: ${answer.question}\nA: ${answer.answer}` };
  const { reason: _reason, ...rest } = drafted;
  return {
    ...rest,
    answer: answer.answer,
    abstained: false,
    sources: [source],
    confidence: Math.max(drafted.abstained ? 0 : drafted.confidence, similarity),
    suggestions,
  };
}

function isEmpty(m: QuestionMeaning): boolean {
  return m.aspects.length === 0 && m.words.length === 0;
}
