import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { api, chat, createBroadcast, openSocket } from "./helpers.ts";
import { bodyFor, expectSafeAnswer, mutated, nasty, pathParam, RUNS } from "./fuzz-helpers.ts";

type Route = { method: string; path: (id: string, p: string) => string; example: Record<string, unknown> | null };

/** Every HTTP route with a body or a parameter, and a valid example body to mutate. */
const ROUTES: Route[] = [
  { method: "POST", path: () => "/api/broadcasts", example: { title: "퍼징 방송", source: "ingest", id: "fz-x" } },
  { method: "GET", path: (id) => `/api/broadcasts/${id}`, example: null },
  // Only random ids: deleting the broadcast under test is checked in lifecycle.test.ts.
  { method: "DELETE", path: (_id, p) => `/api/broadcasts/${p}`, example: null },
  { method: "GET", path: () => "/api/broadcasts", example: null },
  { method: "GET", path: () => "/api/health", example: null },
  {
    method: "POST",
    path: (id) => `/api/broadcasts/${id}/chats`,
    example: { type: "chats", source: "fuzz", batchId: "b", chats: [chat(1), chat(2)] },
  },
  { method: "GET", path: (id) => `/api/broadcasts/${id}/chats.csv`, example: null },
  { method: "GET", path: (id) => `/api/broadcasts/${id}/chats.jsonl`, example: null },
  { method: "GET", path: (id) => `/api/broadcasts/${id}/board`, example: null },
  { method: "GET", path: (id) => `/api/broadcasts/${id}/ingest`, example: null },
  {
    method: "POST",
    path: (id) => `/api/broadcasts/${id}/answers`,
    example: { question: "배송 언제 와요?", answer: "내일 출발해요.", sourceCommentNo: 1, clusterId: "c1" },
  },
  { method: "GET", path: (id) => `/api/broadcasts/${id}/answers`, example: null },
  {
    method: "PATCH",
    path: (id, p) => `/api/broadcasts/${id}/answers/${p}`,
    example: { question: "배송?", answer: "내일." },
  },
  { method: "DELETE", path: (id, p) => `/api/broadcasts/${id}/answers/${p}`, example: null },
  {
    method: "POST",
    path: (id) => `/api/broadcasts/${id}/answers/draft`,
    example: { question: "사이즈 어때요?", productKey: "p1" },
  },
  { method: "GET", path: (id) => `/api/broadcasts/${id}/knowledge`, example: null },
  {
    method: "PATCH",
    path: (id) => `/api/broadcasts/${id}/knowledge`,
    example: { title: "t", description: "d", notes: ["무료 배송"] },
  },
  { method: "GET", path: (id) => `/api/broadcasts/${id}/products`, example: null },
  { method: "PUT", path: (id, p) => `/api/broadcasts/${id}/products/${p}/details`, example: { details: ["면 100%"] } },
  { method: "GET", path: (id) => `/api/broadcasts/${id}/qna`, example: null },
  {
    method: "POST",
    path: (id) => `/api/broadcasts/${id}/qna`,
    example: { productKey: "p1", question: "세탁기 돼요?", answer: "네." },
  },
  { method: "PUT", path: (id, p) => `/api/broadcasts/${id}/qna/${p}`, example: { question: "q", answer: "a" } },
  { method: "POST", path: (id) => `/api/broadcasts/${id}/setup`, example: {} },
  { method: "POST", path: (id) => `/api/broadcasts/${id}/setup/crawl`, example: null },
  { method: "GET", path: (id) => `/api/broadcasts/${id}/setup`, example: null },
  { method: "POST", path: (id) => `/api/broadcasts/${id}/capture`, example: { kind: "replay", ratePerMin: 60 } },
  { method: "GET", path: (id) => `/api/broadcasts/${id}/capture`, example: null },
  { method: "DELETE", path: (id) => `/api/broadcasts/${id}/capture`, example: null },
  { method: "POST", path: (id) => `/api/broadcasts/${id}/end`, example: null },
  { method: "GET", path: (_id, p) => `/api/viewer/naver/${p}`, example: null },
  { method: "GET", path: (_id, p) => `/api/viewer/broadcasts/${p}`, example: null },
];

// Query values as JSON text, not String(v): a generated {"toString": 1} has no primitive value.
const queryValue = nasty.map((v) => (typeof v === "string" ? v : (JSON.stringify(v) ?? "null")));
const QUERY = fc.oneof(
  fc.constant(""),
  fc
    .dictionary(fc.constantFrom("limit", "cursor", "status", "client", "token", "x"), queryValue, { maxKeys: 3 })
    .map((q) => `?${new URLSearchParams(q)}`),
);

/** Mostly a manager, so bodies get past authentication; sometimes an ingest token, none or a wrong one. */
const credentials = fc.constantFrom<"admin" | "ingest" | "none" | "bogus">(
  "admin",
  "admin",
  "admin",
  "admin",
  "admin",
  "admin",
  "ingest",
  "none",
  "bogus",
);

/** After the fuzzing: the broadcast still takes chats and a board shows them. */
async function stillWorks(id: string): Promise<void> {
  const base = 900_000_000 + Math.floor(Math.random() * 1_000_000);
  const res = await api(`/api/broadcasts/${id}/chats`, {
    method: "POST",
    body: JSON.stringify({ type: "chats", chats: [chat(base, "아직 되나요?"), chat(base + 1, "네 잘 돼요")] }),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ accepted: 2 });
  const board = await openSocket(`/api/broadcasts/${id}/board`);
  board.send({ type: "hello", lastSeq: 0 });
  await board.until(() => board.chats().some((c) => c.commentNo === base + 1), 10_000);
  board.close();
}

describe("HTTP fuzzing", { timeout: 60_000 }, () => {
  let target: { id: string; ingestToken: string };
  beforeAll(async () => {
    target = await createBroadcast({ title: "퍼징 대상" });
  });

  for (const route of ROUTES) {
    it(`never answers a 5xx to random or mutated bodies, parameters and queries: ${route.method} ${route.path(":id", ":p")}`, async () => {
      const { id, ingestToken } = target;
      const tokens = { admin: undefined, ingest: ingestToken, none: null, bogus: "not-a-token" } as const;
      await fc.assert(
        fc.asyncProperty(
          bodyFor(route.example),
          pathParam,
          fc.boolean(),
          QUERY,
          credentials,
          async (body, param, ownId, query, who) => {
            const path = route.path(ownId ? id : param, param) + query;
            const init: RequestInit & { token?: string | null } = {
              method: route.method,
              ...(tokens[who] === undefined ? {} : { token: tokens[who] }),
            };
            if (route.method !== "GET" && route.method !== "DELETE") init.body = body;
            await expectSafeAnswer(await api(path, init), `${route.method} ${path} ${body.slice(0, 80)}`);
          },
        ),
        { numRuns: route.path("", "").endsWith("/chats") ? RUNS * 3 : RUNS },
      );
    });
  }

  it("leaves the fuzzed broadcast taking chats and showing them on a board", async () => {
    await stillWorks(target.id);
  });

  it("never answers a 5xx to random methods and paths", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"),
        fc.array(pathParam, { maxLength: 5 }),
        bodyFor(null),
        async (method, segments, body) => {
          const path = `/api/${segments.join("/")}`;
          // DELETE /api/broadcasts/<id> of a random id: 404 at most, never an existing broadcast here.
          const res = await api(path, { method, ...(method === "GET" || method === "HEAD" ? {} : { body }) });
          if (method === "HEAD") expect(res.status).toBeLessThan(500);
          else await expectSafeAnswer(res, `${method} ${path}`);
        },
      ),
      { numRuns: RUNS * 4 },
    );
  });

  it("answers creating broadcasts from mutated bodies with 201, 400 or 409 only", async () => {
    await fc.assert(
      fc.asyncProperty(
        mutated({
          title: "방송",
          source: "naver",
          naverUrl: "https://view.shoppinglive.naver.com/lives/1234567",
          id: "fz-create",
        }),
        async (body) => {
          const res = await api("/api/broadcasts", { method: "POST", body: JSON.stringify(body) });
          expect([201, 400, 409], `${res.status} ${JSON.stringify(body).slice(0, 120)}`).toContain(res.status);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});
