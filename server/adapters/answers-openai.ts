import * as z from "zod";
import { createLlmDrafter } from "../../core/answers/llm-draft.ts";
import type { AnswerDrafter } from "../../core/answers/types.ts";

/** An OpenAI-compatible chat endpoint: OpenAI, Upstage Solar, a self-hosted vLLM or Ollama. */
export interface OpenAIConfig {
  /** Base URL up to and including the version, e.g. `https://api.openai.com/v1`. */
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs?: number;
}

const Completion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

/**
 * Drafting over `POST {base}/chat/completions` (plain fetch: the protocol is one request, and
 * a LangChain OpenAI client would add far more to the Worker bundle than it saves). Grounding
 * and the extractive fallback come from core/answers/llm-draft.ts.
 */
export function createOpenAIDrafter(config: OpenAIConfig, fallback: AnswerDrafter): AnswerDrafter {
  const url = `${config.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  return createLlmDrafter(
    "openai",
    async (system, user) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${config.apiKey}` },
        body: JSON.stringify({
          model: config.model,
          temperature: 0,
          max_tokens: 256,
          messages: [
            { role: "system", content: system },
            { role: "user", content: user },
          ],
        }),
        signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
      });
      if (!response.ok) throw new Error(`chat completions answered ${response.status}`);
      const parsed = Completion.safeParse(await response.json());
      if (!parsed.success) throw new Error("chat completions answered an unexpected body");
      return parsed.data.choices[0]!.message.content ?? "";
    },
    fallback,
    logFailure("openai"),
  );
}

/** Logs a failed model call as one JSON line (never the prompt or a key). */
export function logFailure(drafter: string): (message: string) => void {
  return (message) => console.error(JSON.stringify({ event: "llm-draft-failed", drafter, message }));
}
