/**
 * Language-model drafting inside workerd against local servers that speak the real protocols:
 * an OpenAI-compatible `/v1/chat/completions` endpoint whose scripted model replies
 * faithfully or hallucinates (test/servers/llm-script.ts), and Workers AI through an `AI`
 * binding that runs the model on the local Workers AI REST server. Every generated draft
 * passes the grounding check; what fails it is withheld with the reason.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { extractiveDrafter } from "../../core/answers/extractive-drafter.ts";
import { createOpenAIDrafter } from "../../server/adapters/answers-openai.ts";
import { createWorkersAIBindingDrafter, type AiRunner } from "../../server/adapters/answers-workers-ai.ts";
import { answerBackendNames } from "../../server/answers/config.ts";
import { createEmbeddedRetrieval } from "../../server/answers/retrieval.ts";
import { draftForBroadcast } from "../../server/answers/service.ts";
import { app } from "../../workers/app.ts";
import { OPENAI_FAILING_MODEL, OPENAI_TEST_KEY } from "../servers/openai-server.ts";
import { WORKERS_AI_TEST_TOKEN } from "../servers/workers-ai-credentials.ts";
import { api, createBroadcast } from "./helpers.ts";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_OPENAI_URL: string;
      TEST_WORKERS_AI_URL: string;
    }
  }
}

const NOTES = ["패딩 판매가 89000원, 라이브 할인 20%", "색상은 블랙, 아이보리 두 가지", "오늘 주문은 내일 출고됩니다"];

function openai(model: string) {
  return {
    retrieval: createEmbeddedRetrieval(),
    drafter: createOpenAIDrafter(
      { baseUrl: env.TEST_OPENAI_URL, apiKey: OPENAI_TEST_KEY, model: `liveq-script:${model}` },
      extractiveDrafter,
    ),
  };
}

async function broadcastWithNotes(notes: string[]) {
  const { id } = await createBroadcast();
  expect(
    (await api(`/api/broadcasts/${id}/knowledge`, { method: "PATCH", body: JSON.stringify({ notes }) })).status,
  ).toBe(200);
  return id;
}

async function lastRequest(): Promise<{ model: string; messages: { role: string; content: string }[] }> {
  const all = (await (await fetch(`${env.TEST_OPENAI_URL.replace(/\/v1$/, "")}/__test/requests`)).json()) as never[];
  return all.at(-1)!;
}

describe("OpenAI-compatible drafting with the grounding check", () => {
  it("passes a faithful draft with its cited source", async () => {
    const id = await broadcastWithNotes(NOTES);
    const d = await draftForBroadcast(env, id, "패딩 가격 얼마에요?", undefined, openai("faithful"));
    expect(d).toMatchObject({ abstained: false });
    expect(d?.answer.replace(/[,\s]/g, "")).toMatch(/89000원|8만9천원/);
    expect(d?.sources.map((s) => s.text)).toContain(NOTES[0]);
    const sent = await lastRequest();
    expect(sent.model).toBe("liveq-script:faithful");
    expect(sent.messages[1]?.content).toContain("질문: 패딩 가격 얼마에요?");
  });

  it("withholds a draft with a changed number and says which", async () => {
    const id = await broadcastWithNotes(NOTES);
    const d = await draftForBroadcast(env, id, "패딩 가격 얼마에요?", undefined, openai("number"));
    expect(d).toMatchObject({ abstained: true, sources: [] });
    expect(d?.reason).toMatch(/근거 자료에 없는 내용/);
  });

  it("withholds an invented option and an invented shipping or gift claim", async () => {
    const id = await broadcastWithNotes(NOTES);
    for (const mode of ["option", "claim"]) {
      const d = await draftForBroadcast(env, id, "패딩 색상 뭐 있어요?", undefined, openai(mode));
      expect(d, mode).toMatchObject({ abstained: true });
      expect(d?.reason, mode).toMatch(/근거 자료에 없는 내용/);
    }
  });

  it("withholds an uncited reply and abstains on a refusal", async () => {
    const id = await broadcastWithNotes(NOTES);
    expect(await draftForBroadcast(env, id, "패딩 가격 얼마에요?", undefined, openai("uncited"))).toMatchObject({
      abstained: true,
      reason: expect.stringContaining("인용"),
    });
    expect(await draftForBroadcast(env, id, "패딩 가격 얼마에요?", undefined, openai("refuse"))).toMatchObject({
      abstained: true,
    });
  });

  it("falls back to the extractive drafter when the endpoint fails", async () => {
    const id = await broadcastWithNotes(["오늘 주문은 내일 오전에 출고됩니다", "반품은 7일 이내에 가능합니다"]);
    const backends = {
      retrieval: createEmbeddedRetrieval(),
      drafter: createOpenAIDrafter(
        { baseUrl: env.TEST_OPENAI_URL, apiKey: OPENAI_TEST_KEY, model: OPENAI_FAILING_MODEL },
        extractiveDrafter,
      ),
    };
    const d = await draftForBroadcast(env, id, "오늘 주문하면 언제 출고돼요?", undefined, backends);
    expect(d).toMatchObject({ abstained: false });
    expect(d?.answer).toContain("내일 오전에 출고");
    expect((await lastRequest()).model).toBe(OPENAI_FAILING_MODEL);
  });

  it("is chosen by OPENAI_* settings and serves the draft route with the reason", async () => {
    const id = await broadcastWithNotes(NOTES);
    const openaiEnv = {
      ...env,
      OPENAI_BASE_URL: env.TEST_OPENAI_URL,
      OPENAI_API_KEY: OPENAI_TEST_KEY,
      OPENAI_MODEL: "liveq-script:number",
    };
    expect(answerBackendNames(openaiEnv)).toEqual({ retrieval: "embedded", drafting: "openai" });
    const res = await app.fetch(
      new Request(`http://liveq.test/api/broadcasts/${id}/answers/draft`, {
        method: "POST",
        headers: { authorization: "Bearer test-admin-token", "content-type": "application/json" },
        body: JSON.stringify({ question: "패딩 가격 얼마에요?" }),
      }),
      openaiEnv,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      abstained: true,
      reason: expect.stringContaining("근거 자료에 없는 내용"),
    });
  });
});

/**
 * The `AI` binding's `run(model, {messages})` for text generation, carried to the local Workers
 * AI REST server exactly as the binding would run the model remotely.
 */
function aiBindingOverRest(): AiRunner & { models: string[] } {
  const models: string[] = [];
  return {
    models,
    async run(model, input) {
      models.push(model);
      const res = await fetch(`${env.TEST_WORKERS_AI_URL}/ai/run/${model}`, {
        method: "POST",
        headers: { authorization: `Bearer ${WORKERS_AI_TEST_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { result: { response: string } };
      return body.result;
    },
  };
}

describe("Workers AI through the AI binding", () => {
  it("drafts a grounded answer and strips the model's greeting", async () => {
    const ai = aiBindingOverRest();
    const id = await broadcastWithNotes(["라이브 전용 쿠폰은 화면 하단에서 받으세요"]);
    const backends = {
      retrieval: createEmbeddedRetrieval(),
      drafter: createWorkersAIBindingDrafter(ai, "@cf/meta/llama-3.3-70b-instruct-fp8-fast", extractiveDrafter),
    };
    const d = await draftForBroadcast(env, id, "쿠폰 어디서 받아요?", undefined, backends);
    expect(d).toMatchObject({ abstained: false, answer: "라이브 전용 쿠폰은 화면 하단에서 받으세요입니다." });
    expect(ai.models).toEqual(["@cf/meta/llama-3.3-70b-instruct-fp8-fast"]);
  });

  it("falls back when the binding answers no text", async () => {
    const id = await broadcastWithNotes(["오늘 주문은 내일 오전에 출고됩니다", "반품은 7일 이내에 가능합니다"]);
    let calls = 0;
    const broken: AiRunner = { run: async () => (calls++, { unexpected: true }) };
    const backends = {
      retrieval: createEmbeddedRetrieval(),
      drafter: createWorkersAIBindingDrafter(broken, "@cf/x", extractiveDrafter),
    };
    const d = await draftForBroadcast(env, id, "오늘 주문하면 언제 출고돼요?", undefined, backends);
    expect(d?.answer).toContain("내일 오전에 출고");
    expect(calls).toBe(1);
  });
});
