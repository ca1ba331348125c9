/**
 * The production answer path inside workerd: `CloudflareVectorizeStore` +
 * `CloudflareWorkersAIEmbeddings` over binding fakes that behave like Vectorize v2 and
 * Workers AI (flat metadata only, metadata returned only for `returnMetadata: "all"`,
 * `$eq`/`$in` filters), and `ChatCloudflareWorkersAI` over real HTTP to the local Workers AI
 * REST endpoint (test/servers/workers-ai-server.ts). Nothing in the chain is skipped.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { extractiveDrafter } from "../../core/answers/extractive-drafter.ts";
import { hashedVector, toDense } from "../../core/answers/vectors.ts";
import { createVectorizeRetrieval } from "../../server/adapters/answers-vectorize.ts";
import { createWorkersAIDrafter, SYSTEM_PROMPT } from "../../server/adapters/answers-workers-ai.ts";
import { drizzle } from "drizzle-orm/d1";
import { answerBackendNames } from "../../server/answers/config.ts";
import { patchBroadcastText } from "../../server/answers/knowledge-edits.ts";
import { draftForBroadcast, type AnswerBackends } from "../../server/answers/service.ts";
import { app } from "../../workers/app.ts";
import { WORKERS_AI_FAILING_MODEL, WORKERS_AI_TEST_TOKEN } from "../servers/workers-ai-credentials.ts";
import { api, createBroadcast } from "./helpers.ts";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_WORKERS_AI_URL: string;
    }
  }
}

const SERVER = env.TEST_WORKERS_AI_URL;
const DIMENSIONS = 256;

/** Workers AI binding: `run(model, {text})` → `{shape, data}`, hashed vectors standing in for bge-m3. */
function fakeAi() {
  const calls: { model: string; texts: string[] }[] = [];
  const ai = {
    calls,
    async run(model: string, input: { text: string[] }) {
      calls.push({ model, texts: input.text });
      return {
        shape: [input.text.length, DIMENSIONS],
        data: input.text.map((t) => toDense(hashedVector(t, DIMENSIONS), DIMENSIONS)),
      };
    },
  };
  return ai;
}

type Meta = Record<string, string | number | boolean>;

/** Vectorize v2 binding: upsert/query/deleteByIds with its metadata rules. */
function fakeVectorize() {
  const vectors = new Map<string, { values: number[]; metadata: Meta }>();
  const log = { upserted: [] as string[], deleted: [] as string[] };
  const passes = (m: Meta, filter: Record<string, unknown>) =>
    Object.entries(filter).every(([k, cond]) =>
      cond && typeof cond === "object" && "$in" in cond ? (cond.$in as unknown[]).includes(m[k]) : m[k] === cond,
    );
  const index = {
    log,
    vectors,
    async upsert(items: { id: string; values: number[]; metadata?: Record<string, unknown> }[]) {
      for (const item of items) {
        for (const [k, v] of Object.entries(item.metadata ?? {})) {
          if (v !== null && typeof v === "object")
            throw new Error(`VECTOR_UPSERT_ERROR: metadata ${k} must not be an object`);
        }
        vectors.set(item.id, { values: item.values, metadata: (item.metadata ?? {}) as Meta });
        log.upserted.push(item.id);
      }
      return { mutationId: crypto.randomUUID() };
    },
    async deleteByIds(ids: string[]) {
      for (const id of ids) vectors.delete(id);
      log.deleted.push(...ids);
      return { mutationId: crypto.randomUUID() };
    },
    async query(
      query: number[],
      options: { topK?: number; returnMetadata?: unknown; filter?: Record<string, unknown> },
    ) {
      const matches = [...vectors.entries()]
        .filter(([, v]) => !options.filter || passes(v.metadata, options.filter))
        .map(([id, v]) => ({
          id,
          score: v.values.reduce((s, x, i) => s + x * (query[i] ?? 0), 0),
          metadata: v.metadata,
        }))
        .sort((a, b) => b.score - a.score)
        .slice(0, options.topK ?? 5)
        // v2 returns metadata only when asked with "all" or "indexed".
        .map((m) => (options.returnMetadata === "all" ? m : { id: m.id, score: m.score }));
      return { matches, count: matches.length };
    },
  };
  return index;
}

function chat(model = "@cf/meta/llama-3.3-70b-instruct-fp8-fast") {
  return { apiToken: WORKERS_AI_TEST_TOKEN, accountId: "test-account", baseUrl: `${SERVER}/ai/run`, model };
}

function productionBackends(chatModel?: string) {
  const ai = fakeAi();
  const index = fakeVectorize();
  const backends: AnswerBackends = {
    retrieval: createVectorizeRetrieval(ai as unknown as Ai, index as unknown as Vectorize, "@cf/baai/bge-m3", {
      maxRetries: 0,
    }),
    drafter: createWorkersAIDrafter(chat(chatModel), extractiveDrafter, { maxRetries: 0 }),
  };
  return { ai, index, backends };
}

async function requests(): Promise<
  { path: string; authorization: string; body: { messages: { role: string; content: string }[] } }[]
> {
  return (await fetch(`${SERVER}/__test/requests`)).json();
}

async function broadcastWithNotes(notes: string[]) {
  const { id } = await createBroadcast();
  const res = await api(`/api/broadcasts/${id}/knowledge`, { method: "PATCH", body: JSON.stringify({ notes }) });
  expect(res.status).toBe(200);
  return id;
}

describe("answers on Vectorize + Workers AI (LangChain)", () => {
  it("indexes flat chunks with bge-m3, retrieves through Vectorize and drafts over the REST API", async () => {
    const { ai, index, backends } = productionBackends();
    const id = await broadcastWithNotes([
      "오늘 주문은 내일 오전에 출고됩니다",
      "라이브 전용 쿠폰은 화면 하단에서 받으세요",
    ]);
    const d = await draftForBroadcast(env, id, "쿠폰 어디서 받아요?", undefined, backends);
    expect(d).toMatchObject({ abstained: false, answer: "라이브 전용 쿠폰은 화면 하단에서 받으세요입니다." });
    expect(d?.sources.map((s) => s.kind)).toEqual(["note"]);
    expect(ai.calls.every((c) => c.model === "@cf/baai/bge-m3")).toBe(true);
    expect([...index.vectors.values()].some((v) => v.metadata.broadcastId === id && v.metadata.kind === "note")).toBe(
      true,
    );
    const sent = (await requests()).at(-1);
    expect(sent?.authorization).toBe(`Bearer ${WORKERS_AI_TEST_TOKEN}`);
    expect(sent?.path).toBe("/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast");
    expect(sent?.body.messages[0]).toEqual({ role: "system", content: SYSTEM_PROMPT });
    expect(sent?.body.messages[1]?.content).toContain("질문: 쿠폰 어디서 받아요?");
  });

  it("re-indexes incrementally: unchanged knowledge upserts nothing, an edit swaps one vector", async () => {
    const { index, backends } = productionBackends();
    const id = await broadcastWithNotes(["오늘 주문은 내일 출고", "반품은 7일 이내"]);
    await draftForBroadcast(env, id, "배송 언제 와요?", undefined, backends);
    const first = index.log.upserted.length;
    await draftForBroadcast(env, id, "배송 언제 와요?", undefined, backends);
    expect(index.log.upserted.length).toBe(first);
    // Edited straight in D1: the route would re-index on the default (embedded) backends.
    await patchBroadcastText(drizzle(env.DB), id, { notes: ["오늘 주문은 모레 출고", "반품은 7일 이내"] }, Date.now());
    await draftForBroadcast(env, id, "배송 언제 와요?", undefined, backends);
    expect(index.log.upserted.length).toBe(first + 1);
    expect(index.log.deleted).toHaveLength(1);
  });

  it("abstains when the model says the sources do not answer", async () => {
    const { backends } = productionBackends();
    const id = await broadcastWithNotes(["오늘 주문은 내일 출고"]);
    const d = await draftForBroadcast(env, id, "혹시 남자가 입어도 되나", undefined, backends);
    expect(d).toMatchObject({ abstained: true, answer: "답변을 생성할 수 없습니다.", sources: [] });
  });

  it("falls back to the extractive drafter when Workers AI fails", async () => {
    const { backends } = productionBackends(WORKERS_AI_FAILING_MODEL);
    const id = await broadcastWithNotes(["오늘 주문은 내일 오전에 출고됩니다"]);
    const d = await draftForBroadcast(env, id, "배송 언제 출발해요?", undefined, backends);
    expect(d).toMatchObject({ abstained: false });
    expect(d?.answer).toContain("내일 오전에 출고");
    expect((await requests()).at(-1)?.path).toBe(`/ai/run/${WORKERS_AI_FAILING_MODEL}`);
  });

  it("serves the draft route on the production backends when bindings and config are present", async () => {
    const id = await broadcastWithNotes(["라이브 전용 쿠폰은 화면 하단에서 받으세요"]);
    const prodEnv = {
      ...env,
      AI: fakeAi() as unknown as Ai,
      VECTORIZE: fakeVectorize() as unknown as Vectorize,
      CLOUDFLARE_API_TOKEN: WORKERS_AI_TEST_TOKEN,
      CLOUDFLARE_ACCOUNT_ID: "test-account",
      AI_BASE_URL: `${SERVER}/ai/run`,
    };
    expect(answerBackendNames(prodEnv)).toEqual({ retrieval: "vectorize", drafting: "workers-ai" });
    // Without the REST token, a deployed Worker's AI binding drafts; with neither, the extractive drafter.
    expect(answerBackendNames({ ...prodEnv, CLOUDFLARE_ACCOUNT_ID: undefined, VECTORIZE: undefined })).toEqual({
      retrieval: "embedded",
      drafting: "workers-ai",
    });
    expect(
      answerBackendNames({ ...prodEnv, CLOUDFLARE_ACCOUNT_ID: undefined, VECTORIZE: undefined, AI: undefined }),
    ).toEqual({
      retrieval: "embedded",
      drafting: "extractive",
    });
    const res = await app.fetch(
      new Request(`http://liveq.test/api/broadcasts/${id}/answers/draft`, {
        method: "POST",
        headers: { authorization: "Bearer test-admin-token", "content-type": "application/json" },
        body: JSON.stringify({ question: "쿠폰 어디서 받아요?" }),
      }),
      prodEnv,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      abstained: false,
      answer: "라이브 전용 쿠폰은 화면 하단에서 받으세요입니다.",
    });
  });
});
