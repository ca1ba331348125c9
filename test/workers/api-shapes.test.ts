/**
 * The API answers what its shared schemas say (core/protocol/responses.ts and friends), the
 * schemas the dashboard parses with: real answers of every JSON route, from the Worker with
 * real D1 and Durable Objects, parsed route by route. A route that drifts from its schema, or
 * a new route with no schema, fails here rather than as `undefined` in the dashboard.
 */
import { env } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { afterAll, describe, expect, it } from "vitest";
import { app } from "../../workers/app.ts";
import { setupCrawls } from "../../server/db/schema.ts";
import { API_ANSWERS, expectAnswer } from "./api-shapes.ts";
import { addMember, signIn, withCookie } from "./auth-helpers.ts";
import { api, chat, createBroadcast } from "./helpers.ts";

/** JSON routes whose answers are parsed in another project, where their outside services run. */
const CHECKED_ELSEWHERE: Record<string, string> = {
  "POST /api/broadcasts/:id/setup":
    "needs the Naver fixture site: test/e2e/dashboard-setup.test.ts parses it through the dashboard's fetch layer",
  "POST /api/broadcasts/:id/answers/:answerId/youtube":
    "needs the local YouTube server: test/workers-youtube/youtube-writes.test.ts",
  "POST /api/broadcasts/:id/youtube/chats/:commentNo/delete": "test/workers-youtube/youtube-writes.test.ts",
  "POST /api/broadcasts/:id/youtube/chats/:commentNo/timeout": "test/workers-youtube/youtube-writes.test.ts",
  "POST /api/broadcasts/:id/chats/:seq/reveal":
    "needs a held chat: test/workers/moderation.test.ts parses it with RevealedChat",
};

const checked = new Set<string>();

async function answer(route: string, path: string, init: Parameters<typeof api>[1] = {}): Promise<unknown> {
  checked.add(route);
  return expectAnswer(route, await api(path, init));
}

const json = (method: string, body: unknown) => ({ method, body: JSON.stringify(body) });

describe("API answers match the shared schemas", () => {
  it("lists every route of the app with what it answers", () => {
    const routes = new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`));
    expect([...routes].filter((r) => !(r in API_ANSWERS))).toEqual([]);
    expect(Object.keys(API_ANSWERS).filter((r) => !routes.has(r))).toEqual([]);
  });

  it("members, sessions, audit and health", async () => {
    await answer("GET /api/health", "/api/health");
    await answer("GET /api/members", "/api/members");
    const created = (await answer(
      "POST /api/members",
      "/api/members",
      json("POST", { name: "Shape Check", role: "manager" }),
    )) as { id: string; token: string };
    const member = await addMember("analyst");
    const { cookie } = await signIn(member.token);
    checked.add("POST /api/session"); // signIn asserts its 204 with no body
    checked.add("GET /api/me");
    await expectAnswer("GET /api/me", await withCookie("/api/me", cookie));
    checked.add("DELETE /api/session");
    await expectAnswer("DELETE /api/session", await withCookie("/api/session", cookie, { method: "DELETE" }));
    await answer("POST /api/members/:id/token", `/api/members/${created.id}/token`, { method: "POST" });
    await answer("DELETE /api/members/:id", `/api/members/${created.id}`, { method: "DELETE" });
    await answer("GET /api/audit", "/api/audit?limit=5");
  });

  it("broadcasts, ingest, tokens, setup and capture", async () => {
    const created = (await answer(
      "POST /api/broadcasts",
      "/api/broadcasts",
      json("POST", { title: "모양 확인", source: "ingest" }),
    )) as { id: string; ingestToken: string };
    const { id } = created;
    await answer("GET /api/broadcasts", "/api/broadcasts?limit=5");
    await answer("GET /api/broadcasts/:id", `/api/broadcasts/${id}`);
    await answer("POST /api/broadcasts/:id/chats", `/api/broadcasts/${id}/chats`, {
      ...json("POST", { type: "chats", source: "t", chats: [chat(1), chat(2)] }),
      token: created.ingestToken,
    });
    const token = (await answer("POST /api/broadcasts/:id/ingest-tokens", `/api/broadcasts/${id}/ingest-tokens`, {
      method: "POST",
    })) as { id: string };
    await answer(
      "DELETE /api/broadcasts/:id/ingest-tokens/:tokenId",
      `/api/broadcasts/${id}/ingest-tokens/${token.id}`,
      { method: "DELETE" },
    );

    expect(await answer("GET /api/broadcasts/:id/setup", `/api/broadcasts/${id}/setup`)).toEqual({ crawl: null });
    // A finished crawl (as setup leaves it), so resuming answers its progress without crawling Naver.
    await drizzle(env.DB)
      .insert(setupCrawls)
      .values({ broadcastId: id, status: "done", pending: [], productsTotal: 2, qnaStored: 5, updatedAt: Date.now() });
    expect(
      await answer("POST /api/broadcasts/:id/setup/crawl", `/api/broadcasts/${id}/setup/crawl`, { method: "POST" }),
    ).toMatchObject({ crawl: { status: "done", productsLeft: 0 } });
    expect(await answer("GET /api/broadcasts/:id/setup", `/api/broadcasts/${id}/setup`)).toMatchObject({
      crawl: { qnaStored: 5 },
    });

    await answer(
      "POST /api/broadcasts/:id/capture",
      `/api/broadcasts/${id}/capture`,
      json("POST", { kind: "replay", ratePerMin: 60 }),
    );
    await answer("GET /api/broadcasts/:id/capture", `/api/broadcasts/${id}/capture`);
    await answer("DELETE /api/broadcasts/:id/capture", `/api/broadcasts/${id}/capture`, { method: "DELETE" });
    await answer("POST /api/broadcasts/:id/end", `/api/broadcasts/${id}/end`, { method: "POST" });
    await answer("DELETE /api/broadcasts/:id", `/api/broadcasts/${id}`, { method: "DELETE" });
  });

  it("knowledge, catalogue, drafts, answers and the report", async () => {
    const { id } = await createBroadcast();
    const base = `/api/broadcasts/${id}`;
    await answer(
      "PUT /api/broadcasts/:id/products/:key",
      `${base}/products/knit`,
      json("PUT", { name: "라운드 울 니트", price: 59000, salePrice: 39000 }),
    );
    await answer(
      "PUT /api/broadcasts/:id/products/:key/details",
      `${base}/products/knit/details`,
      json("PUT", { details: ["울 70%"] }),
    );
    await answer(
      "PUT /api/broadcasts/:id/benefits",
      `${base}/benefits`,
      json("PUT", { coupons: ["10% 쿠폰"], benefits: ["무료 배송"] }),
    );
    const qna = (await answer(
      "POST /api/broadcasts/:id/qna",
      `${base}/qna`,
      json("POST", { productKey: "knit", question: "세탁은요?", answer: "손세탁 해주세요" }),
    )) as { id: string };
    await answer(
      "PUT /api/broadcasts/:id/qna/:qnaId",
      `${base}/qna/${qna.id}`,
      json("PUT", { answer: "찬물 손세탁 해주세요" }),
    );
    await answer("GET /api/broadcasts/:id/qna", `${base}/qna`);
    await answer(
      "PATCH /api/broadcasts/:id/knowledge",
      `${base}/knowledge`,
      json("PATCH", { notes: ["오늘 주문은 내일 출고"] }),
    );
    const knowledge = (await answer("GET /api/broadcasts/:id/knowledge", `${base}/knowledge`)) as {
      products: { key: string }[];
      qna: unknown[];
    };
    expect(knowledge.products.map((p) => p.key)).toEqual(["knit"]);
    expect(knowledge.qna).toHaveLength(1);
    await answer("GET /api/broadcasts/:id/products", `${base}/products`);
    await answer(
      "POST /api/broadcasts/:id/answers/draft",
      `${base}/answers/draft`,
      json("POST", { question: "배송 언제 출발해요?" }),
    );

    const published = (await answer(
      "POST /api/broadcasts/:id/answers",
      `${base}/answers`,
      json("POST", { question: "배송은요?", answer: "내일 출고돼요" }),
    )) as { answer: { id: string } };
    const answerPath = `${base}/answers/${published.answer.id}`;
    await answer(
      "PATCH /api/broadcasts/:id/answers/:answerId",
      answerPath,
      json("PATCH", { answer: "내일 오전에 출고돼요" }),
    );
    await answer("GET /api/broadcasts/:id/answers", `${base}/answers?status=published`);
    await answer("DELETE /api/broadcasts/:id/answers/:answerId", answerPath, { method: "DELETE" });
    await answer("GET /api/broadcasts/:id/report", `${base}/report`);
  });

  it("finds a drifted answer (the check itself works)", async () => {
    const drifted = Response.json({ crawl: { status: "done" } });
    await expect(expectAnswer("GET /api/broadcasts/:id/setup", drifted)).rejects.toThrow(/crawl\.nextPage/);
    await expect(expectAnswer("DELETE /api/members/:id", Response.json({ ok: true }))).rejects.toThrow(
      /does not match/,
    );
  });

  afterAll(() => {
    const json = Object.entries(API_ANSWERS)
      .filter(([, a]) => typeof a !== "string")
      .map(([route]) => route);
    const missed = json.filter((route) => !checked.has(route) && !(route in CHECKED_ELSEWHERE));
    if (missed.length > 0) throw new Error(`JSON routes whose answers no test parsed: ${missed.join(", ")}`);
  });
});
