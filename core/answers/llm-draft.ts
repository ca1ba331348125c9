import { checkGrounding, groundingReason } from "./grounding.ts";
import { sentenceFromAnswer } from "./sentence.ts";
import { ABSTENTION, abstain, type AnswerDrafter, type Draft, type DraftContext, type Passage } from "./types.ts";

/**
 * What every language-model drafter shares: the prompt, and reading the reply into a draft
 * that is withheld unless each of its claims is found in the sources it cites. The model
 * call itself is the adapter's (Workers AI over REST or the binding, any OpenAI-compatible
 * endpoint); this module is pure.
 */

/** One Korean sentence, no greeting, only from the numbered sources, cite them, else abstain. */
export const SYSTEM_PROMPT = [
  "당신은 라이브 커머스 방송의 매니저를 돕는 답변 작성자입니다.",
  "아래 [번호] 자료만 근거로 시청자 질문에 한국어 한 문장으로 답하세요.",
  "인사말, 감탄사, 이모지 없이 사실만 말하고, 근거로 쓴 자료 번호를 문장 끝에 [1]처럼 붙이세요.",
  `자료에 답이 없거나 확실하지 않으면 다른 말 없이 정확히 "${ABSTENTION}"라고만 답하세요.`,
].join("\n");

/** Passages below this fused score are not shown to the model. */
const MIN_PASSAGE_SCORE = 0.05;

/** A chat-completion call: system and user text in, the reply's text out. */
export type ChatCall = (system: string, user: string) => Promise<string>;

/** The user message: numbered sources, then the question. */
export function buildPrompt(question: string, passages: readonly Passage[]): string {
  const sources = passages.map((p, i) => `[${i + 1}] ${p.chunk.text.replace(/\s+/g, " ")}`).join("\n");
  return `자료:\n${sources}\n\n질문: ${question}`;
}

/**
 * Turns the model's reply into a draft: a refusal abstains; a reply citing none of the given
 * sources abstains; a reply with a claim its cited sources do not make is withheld with the
 * reason. Otherwise one clean sentence with the cited sources.
 */
export function parseReply(reply: string, passages: readonly Passage[]): Draft {
  const text = reply.trim();
  if (!text || text.includes("생성할 수 없") || text.includes(ABSTENTION))
    return { ...abstain(0.2), reason: "refused" };
  const cited = [...text.matchAll(/\[(\d+)\]/g)]
    .map((m) => Number(m[1]) - 1)
    .filter((i) => i >= 0 && i < passages.length);
  const used = [...new Set(cited)].map((i) => passages[i] as Passage);
  if (used.length === 0) return { ...abstain(0.1), reason: "근거 자료를 인용하지 않은 답변" };
  const said = text.replace(/\s*\[\d+\]/g, "");
  // The whole reply is checked, not only the sentence shown: a model that invents anything
  // in its reply is not trusted with the rest of it.
  const grounding = checkGrounding(
    said,
    used.map((p) => p.chunk.text),
  );
  const answer = sentenceFromAnswer(said);
  if (!grounding.grounded) return { ...abstain(0.1), reason: groundingReason(grounding.unsupported) };
  const confidence = Math.min(1, Math.max(...used.map((p) => p.score)) + 0.3);
  return {
    answer,
    abstained: false,
    sources: used.map(({ chunk }) => ({
      id: chunk.id,
      kind: chunk.kind,
      productKey: chunk.productKey,
      text: chunk.text,
    })),
    confidence: Math.round(confidence * 100) / 100,
  };
}

/**
 * A drafter over any chat model. With no passages it abstains without a call; when the call
 * fails it falls back to `fallback` (the extractive drafter), so a failing cloud never blocks
 * a draft; `onFailure` hears why (core has no console).
 */
export function createLlmDrafter(
  name: string,
  call: ChatCall,
  fallback: AnswerDrafter,
  onFailure: (message: string) => void = () => {},
): AnswerDrafter {
  return {
    name,
    async draft(question: string, context: DraftContext): Promise<Draft> {
      const passages = context.passages.filter((p) => p.score >= MIN_PASSAGE_SCORE);
      if (passages.length === 0) return abstain(0);
      let reply: string;
      try {
        reply = await call(SYSTEM_PROMPT, buildPrompt(question, passages));
      } catch (err) {
        onFailure(err instanceof Error ? err.message : String(err));
        return fallback.draft(question, context);
      }
      return parseReply(reply, passages);
    },
  };
}
