import { ChatCloudflareWorkersAI } from "@langchain/cloudflare";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { sentenceFromAnswer } from "../../core/answers/sentence.ts";
import { ABSTENTION, abstain, type AnswerDrafter, type Draft, type DraftContext, type Passage } from "../../core/answers/types.ts";
import type { ChatConfig } from "../answers/config.ts";

/** The seed's rules: one Korean sentence, no greeting, only from the sources, cite them, else abstain. */
export const SYSTEM_PROMPT = [
  "당신은 라이브 커머스 방송의 매니저를 돕는 답변 작성자입니다.",
  "아래 [번호] 자료만 근거로 시청자 질문에 한국어 한 문장으로 답하세요.",
  "인사말, 감탄사, 이모지 없이 사실만 말하고, 근거로 쓴 자료 번호를 문장 끝에 [1]처럼 붙이세요.",
  `자료에 답이 없거나 확실하지 않으면 다른 말 없이 정확히 "${ABSTENTION}"라고만 답하세요.`,
].join("\n");

/** Passages below this fused score are not shown to the model. */
const MIN_PASSAGE_SCORE = 0.05;

/** The user message: numbered sources, then the question. */
export function buildPrompt(question: string, passages: readonly Passage[]): string {
  const sources = passages.map((p, i) => `[${i + 1}] ${p.chunk.text.replace(/\s+/g, " ")}`).join("\n");
  return `자료:\n${sources}\n\n질문: ${question}`;
}

/** Turns the model's reply into a draft: abstention, cited sources, one clean sentence. */
export function parseReply(reply: string, passages: readonly Passage[]): Draft {
  const text = reply.trim();
  if (!text || text.includes("생성할 수 없") || text.includes(ABSTENTION)) return abstain(0.2);
  const cited = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) - 1).filter((i) => i >= 0 && i < passages.length);
  const used = [...new Set(cited)].map((i) => passages[i] as Passage);
  const answer = sentenceFromAnswer(text.replace(/\s*\[\d+\]/g, ""));
  // An answer citing nothing we gave it is not grounded: abstain rather than pass it on.
  if (used.length === 0) return abstain(0.1);
  const confidence = Math.min(1, Math.max(...used.map((p) => p.score)) + 0.3);
  return {
    answer,
    abstained: false,
    sources: used.map(({ chunk }) => ({ id: chunk.id, kind: chunk.kind, productKey: chunk.productKey, text: chunk.text })),
    confidence: Math.round(confidence * 100) / 100,
  };
}

/** Options for tests: retries off. */
export interface WorkersAIOptions {
  maxRetries?: number;
}

/**
 * Drafting with a Workers AI chat model through `ChatCloudflareWorkersAI` (REST API). With no
 * passages it abstains without a call; when the call fails it falls back to `fallback`
 * (the extractive drafter), so a failing cloud never blocks a draft (invariant 5).
 */
export function createWorkersAIDrafter(config: ChatConfig, fallback: AnswerDrafter, options: WorkersAIOptions = {}): AnswerDrafter {
  const model = new ChatCloudflareWorkersAI({
    model: config.model,
    cloudflareAccountId: config.accountId,
    cloudflareApiToken: config.apiToken,
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    maxRetries: options.maxRetries ?? 1,
  });
  return {
    name: "workers-ai",
    async draft(question: string, context: DraftContext): Promise<Draft> {
      const passages = context.passages.filter((p) => p.score >= MIN_PASSAGE_SCORE);
      if (passages.length === 0) return abstain(0);
      try {
        const reply = await model.invoke([new SystemMessage(SYSTEM_PROMPT), new HumanMessage(buildPrompt(question, passages))]);
        return parseReply(typeof reply.content === "string" ? reply.content : "", passages);
      } catch (err) {
        console.error(JSON.stringify({ event: "workers-ai-draft-failed", message: err instanceof Error ? err.message : String(err) }));
        return fallback.draft(question, context);
      }
    },
  };
}
