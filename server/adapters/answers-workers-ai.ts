import { ChatCloudflareWorkersAI } from "@langchain/cloudflare";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { createLlmDrafter } from "../../core/answers/llm-draft.ts";
import type { AnswerDrafter } from "../../core/answers/types.ts";
import { logFailure } from "./answers-openai.ts";

export { buildPrompt, parseReply, SYSTEM_PROMPT } from "../../core/answers/llm-draft.ts";

/** The Workers AI REST settings (server/answers/config.ts reads them from the environment). */
export interface ChatConfig {
  apiToken: string;
  accountId: string;
  baseUrl: string | undefined;
  model: string;
}

/** Options for tests: retries off. */
export interface WorkersAIOptions {
  maxRetries?: number;
}

/**
 * Drafting with a Workers AI chat model through `ChatCloudflareWorkersAI` (the REST API, as
 * `wrangler dev` without a binding uses it). Grounding and fallback: core/answers/llm-draft.ts.
 */
export function createWorkersAIDrafter(
  config: ChatConfig,
  fallback: AnswerDrafter,
  options: WorkersAIOptions = {},
): AnswerDrafter {
  const model = new ChatCloudflareWorkersAI({
    model: config.model,
    cloudflareAccountId: config.accountId,
    cloudflareApiToken: config.apiToken,
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    maxRetries: options.maxRetries ?? 1,
  });
  return createLlmDrafter(
    "workers-ai",
    async (system, user) => {
      const reply = await model.invoke([new SystemMessage(system), new HumanMessage(user)]);
      return typeof reply.content === "string" ? reply.content : "";
    },
    fallback,
    logFailure("workers-ai"),
  );
}

/** The part of the `AI` binding drafting uses: a text-generation model run with chat messages. */
export interface AiRunner {
  run(model: string, input: { messages: { role: string; content: string }[]; max_tokens?: number }): Promise<unknown>;
}

/**
 * Drafting with a Workers AI chat model through the `AI` binding, as a deployed Worker runs it
 * (no API token in the Worker). The binding answers `{response}` for text-generation models.
 */
export function createWorkersAIBindingDrafter(ai: AiRunner, model: string, fallback: AnswerDrafter): AnswerDrafter {
  return createLlmDrafter(
    "workers-ai",
    async (system, user) => {
      const out = await ai.run(model, {
        messages: [
          { role: "system", content: system },
          { role: "user", content: user },
        ],
        max_tokens: 256,
      });
      const response = out !== null && typeof out === "object" ? (out as { response?: unknown }).response : undefined;
      if (typeof response !== "string") throw new Error("Workers AI binding answered no text response");
      return response;
    },
    fallback,
    logFailure("workers-ai"),
  );
}
