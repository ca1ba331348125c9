/**
 * Configuration of the answer backends. Optional bindings `AI` (Workers AI) and `VECTORIZE`
 * (a Vectorize index) switch retrieval to Vectorize; an API token with an account id
 * switches drafting to a Workers AI chat model over the REST API (`ChatCloudflareWorkersAI`
 * requires the account id even when `AI_BASE_URL` points elsewhere), the `AI` binding alone
 * to Workers AI through the binding, and `OPENAI_*` to any OpenAI-compatible endpoint.
 * Anything absent leaves the embedded default. Documented in docs/answers.md.
 */
import type { ChatConfig } from "../adapters/answers-workers-ai.ts";

export type { ChatConfig } from "../adapters/answers-workers-ai.ts";

interface AnswerBindings {
  /** Workers AI binding: embeddings for Vectorize. */
  AI?: Ai;
  /** Vectorize index (1024 dimensions, cosine, for bge-m3) with metadata indexes on broadcastId and productKey. */
  VECTORIZE?: Vectorize;
  /** Account whose Workers AI REST API drafts answers. */
  CLOUDFLARE_ACCOUNT_ID?: string;
  /** API token with Workers AI permission (secret). */
  CLOUDFLARE_API_TOKEN?: string;
  /** Overrides the REST base URL (`…/ai/run`), e.g. an AI Gateway; tests use a local server. */
  AI_BASE_URL?: string;
  /** Chat model for drafting. */
  AI_CHAT_MODEL?: string;
  /** Embedding model for Vectorize (multilingual). */
  AI_EMBEDDING_MODEL?: string;
  /** Any OpenAI-compatible chat endpoint (`…/v1`): OpenAI, Upstage Solar, vLLM, Ollama. */
  OPENAI_BASE_URL?: string;
  /** Its API key (secret; a local server may take any). */
  OPENAI_API_KEY?: string;
  /** Its chat model, e.g. `gpt-4o-mini`, `solar-pro`, `qwen2.5:7b`. */
  OPENAI_MODEL?: string;
}

declare global {
  interface Env extends AnswerBindings {}
  namespace Cloudflare {
    interface Env extends AnswerBindings {}
  }
}

export const DEFAULT_CHAT_MODEL = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
export const DEFAULT_EMBEDDING_MODEL = "@cf/baai/bge-m3";

export function chatConfig(env: AnswerBindings): ChatConfig | null {
  const apiToken = env.CLOUDFLARE_API_TOKEN?.trim();
  const accountId = env.CLOUDFLARE_ACCOUNT_ID?.trim();
  const baseUrl = env.AI_BASE_URL?.trim() || undefined;
  if (!apiToken || !accountId) return null;
  return { apiToken, accountId, baseUrl, model: env.AI_CHAT_MODEL?.trim() || DEFAULT_CHAT_MODEL };
}

/** The OpenAI-compatible endpoint's settings, or null when none is configured. */
export function openAIConfig(env: AnswerBindings): { baseUrl: string; apiKey: string; model: string } | null {
  const baseUrl = env.OPENAI_BASE_URL?.trim();
  const model = env.OPENAI_MODEL?.trim();
  if (!baseUrl || !model) return null;
  return { baseUrl, apiKey: env.OPENAI_API_KEY?.trim() ?? "", model };
}

/**
 * Which drafter runs: an OpenAI-compatible endpoint when configured; else Workers AI over
 * REST when an API token is set (`wrangler dev` has no AI binding offline); else Workers AI
 * through the `AI` binding (a deployed Worker); else the extractive drafter.
 */
export type DraftingChoice =
  | { kind: "openai"; config: { baseUrl: string; apiKey: string; model: string } }
  | { kind: "workers-ai-rest"; config: ChatConfig }
  | { kind: "workers-ai-binding"; ai: Ai; model: string }
  | { kind: "extractive" };

export function draftingChoice(env: AnswerBindings): DraftingChoice {
  const openai = openAIConfig(env);
  if (openai) return { kind: "openai", config: openai };
  const rest = chatConfig(env);
  if (rest) return { kind: "workers-ai-rest", config: rest };
  if (env.AI) return { kind: "workers-ai-binding", ai: env.AI, model: env.AI_CHAT_MODEL?.trim() || DEFAULT_CHAT_MODEL };
  return { kind: "extractive" };
}

/** The bindings for Vectorize retrieval, or null when retrieval stays embedded. */
export function vectorizeConfig(env: AnswerBindings): { ai: Ai; index: Vectorize; model: string } | null {
  if (!env.AI || !env.VECTORIZE) return null;
  return { ai: env.AI, index: env.VECTORIZE, model: env.AI_EMBEDDING_MODEL?.trim() || DEFAULT_EMBEDDING_MODEL };
}

/** Names for `GET /api/health`. */
export function answerBackendNames(env: AnswerBindings): { retrieval: string; drafting: string } {
  return {
    retrieval: vectorizeConfig(env) ? "vectorize" : "embedded",
    drafting: {
      openai: "openai",
      "workers-ai-rest": "workers-ai",
      "workers-ai-binding": "workers-ai",
      extractive: "extractive",
    }[draftingChoice(env).kind],
  };
}
