import { extractiveDrafter } from "../../core/answers/extractive-drafter.ts";
import type { AnswerDrafter } from "../../core/answers/types.ts";
import { createOpenAIDrafter } from "../../server/adapters/answers-openai.ts";
import { createWorkersAIDrafter } from "../../server/adapters/answers-workers-ai.ts";

export const ANSWER_BACKENDS = ["extractive", "workers-ai", "openai"] as const;
export type AnswerBackendName = (typeof ANSWER_BACKENDS)[number];

/**
 * The drafter a script measures, configured from this process's environment with the same
 * names the Worker reads: `openai` (OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_MODEL) or
 * `workers-ai` over REST (CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN, AI_CHAT_MODEL,
 * AI_BASE_URL). Throws, naming what is missing, when the backend is not configured.
 */
export function drafterFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): AnswerDrafter {
  const need = (key: string) => {
    const value = env[key]?.trim();
    if (!value) throw new Error(`--backend ${name} needs ${key} in the environment (docs/answers.md)`);
    return value;
  };
  switch (name) {
    case "extractive":
      return extractiveDrafter;
    case "openai":
      return createOpenAIDrafter(
        { baseUrl: need("OPENAI_BASE_URL"), apiKey: env.OPENAI_API_KEY?.trim() ?? "", model: need("OPENAI_MODEL") },
        extractiveDrafter,
      );
    case "workers-ai":
      return createWorkersAIDrafter(
        {
          accountId: need("CLOUDFLARE_ACCOUNT_ID"),
          apiToken: need("CLOUDFLARE_API_TOKEN"),
          baseUrl: env.AI_BASE_URL?.trim() || undefined,
          model: env.AI_CHAT_MODEL?.trim() || "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
        },
        extractiveDrafter,
      );
    default:
      throw new Error(`unknown --backend ${name}: one of ${ANSWER_BACKENDS.join(", ")}`);
  }
}
