/**
 * The knowledge and draft API inside workerd with real D1: edits re-index incrementally and
 * drafts answer from notes, product details, manual Q&A and published answers, or abstain.
 */
import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { broadcastBenefits, knowledgeChunks, products, publishedAnswers } from "../../server/db/schema.ts";
import { api, createBroadcast } from "./helpers.ts";

const db = () => drizzle(env.DB);

async function seedProduct(broadcastId: string, key: string, fields: Partial<typeof products.$inferInsert> = {}) {
  await db()
    .insert(products)
    .values({
      broadcastId,
      key,
      name: "[소이] 라운드 울 니트",
      price: 59000,
      salePrice: 39000,
      discountRate: 34,
      status: "SALE",
      updatedAt: 1,
      ...fields,
    });
}

async function draft(id: string, body: Record<string, unknown>) {
  const res = await api(`/api/broadcasts/${id}/answers/draft`, { method: "POST", body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    answer: string;
    abstained: boolean;
    sources: { id: string; kind: string }[];
    confidence: number;
  };
}

describe("knowledge and drafts API", () => {
  it("answers from notes the manager writes, and abstains before they exist", async () => {
    const { id } = await createBroadcast();
    expect((await draft(id, { question: "배송 언제 출발해요?" })).abstained).toBe(true);
    const res = await api(`/api/broadcasts/${id}/knowledge`, {
      method: "PATCH",
      body: JSON.stringify({ notes: ["오늘 주문은 내일 오전에 출고됩니다"] }),
    });
    expect(res.status).toBe(200);
    const d = await draft(id, { question: "배송 언제 출발해요?" });
    expect(d).toMatchObject({ abstained: false });
    expect(d.answer).toContain("내일 오전에 출고");
    expect(d.sources[0]?.kind).toBe("note");
  });

  it("answers price from Naver fields with the swapped price/salePrice resolved", async () => {
    const { id } = await createBroadcast();
    await seedProduct(id, "p1", { price: 39000, salePrice: 59000 });
    const d = await draft(id, { question: "니트 가격 얼마예요?" });
    expect(d.answer).toContain("39,000원");
    expect(d.answer).toContain("34%");
  });

  it("re-indexes only the product whose detail lines changed", async () => {
    const { id } = await createBroadcast();
    await seedProduct(id, "p1");
    await seedProduct(id, "p2", { name: "와이드 데님 팬츠" });
    await draft(id, { question: "아무 질문" });
    const before = await db().select().from(knowledgeChunks).where(eq(knowledgeChunks.broadcastId, id));
    const res = await api(`/api/broadcasts/${id}/products/p1/details`, {
      method: "PUT",
      body: JSON.stringify({ details: ["소재: 울 30%, 아크릴 70%"] }),
    });
    expect(res.status).toBe(200);
    const after = await db().select().from(knowledgeChunks).where(eq(knowledgeChunks.broadcastId, id));
    expect(after.length).toBe(before.length + 1);
    const p2Before = before.filter((c) => c.productKey === "p2");
    expect(after.filter((c) => c.productKey === "p2")).toEqual(p2Before);
    const d = await draft(id, { question: "니트 소재 뭐에요?" });
    expect(d.answer).toContain("울 30%");
    expect(d.sources[0]?.id).toMatch(new RegExp(`^${id}:product:p1:detail:`));
  });

  it("lists products and rejects details for an unknown product", async () => {
    const { id } = await createBroadcast();
    await seedProduct(id, "p1");
    const list = (await (await api(`/api/broadcasts/${id}/products`)).json()) as { products: { key: string }[] };
    expect(list.products.map((p) => p.key)).toEqual(["p1"]);
    const res = await api(`/api/broadcasts/${id}/products/nope/details`, {
      method: "PUT",
      body: JSON.stringify({ details: [] }),
    });
    expect(res.status).toBe(404);
  });

  it("answers from a manual Q&A pair, and from its edit", async () => {
    const { id } = await createBroadcast();
    await seedProduct(id, "p1");
    const created = await api(`/api/broadcasts/${id}/qna`, {
      method: "POST",
      body: JSON.stringify({
        productKey: "p1",
        question: "보풀 많이 생기나요?",
        answer: "안녕하세요 고객님! 마찰이 많은 부분은 보풀이 생길 수 있어 세탁망을 권장드립니다.",
      }),
    });
    expect(created.status).toBe(201);
    const { id: qnaId } = (await created.json()) as { id: string };
    const d = await draft(id, { question: "보풀 생겨요?", productKey: "p1" });
    expect(d.answer).toBe("마찰이 많은 부분은 보풀이 생길 수 있어 세탁망을 권장드립니다.");
    const edit = await api(`/api/broadcasts/${id}/qna/${qnaId}`, {
      method: "PUT",
      body: JSON.stringify({ answer: "보풀이 거의 없는 원사입니다." }),
    });
    expect(edit.status).toBe(200);
    expect((await draft(id, { question: "보풀 생겨요?", productKey: "p1" })).answer).toBe(
      "보풀이 거의 없는 원사입니다.",
    );
  });

  it("treats published answers as knowledge and forgets unpublished ones", async () => {
    const { id } = await createBroadcast();
    await db().insert(publishedAnswers).values({
      id: "a1",
      broadcastId: id,
      question: "라이브 끝나고도 이 가격인가요?",
      answer: "방송 종료 후 3시간까지 같은 가격입니다.",
      createdAt: 1,
      updatedAt: 1,
    });
    const d = await draft(id, { question: "라이브 끝나도 이 가격이에요?" });
    expect(d.answer).toContain("3시간");
    expect(d.sources[0]).toMatchObject({ kind: "answer", id: `${id}:answer:a1` });
    await db().update(publishedAnswers).set({ status: "unpublished" }).where(eq(publishedAnswers.id, "a1"));
    expect((await draft(id, { question: "라이브 끝나도 이 가격이에요?" })).abstained).toBe(true);
  });

  it("answers coupon questions from the crawled coupons", async () => {
    const { id } = await createBroadcast();
    await db()
      .insert(broadcastBenefits)
      .values({
        id: `${id}-c1`,
        broadcastId: id,
        kind: "coupon",
        text: "라이브 전용 10% 할인 쿠폰 (3만원 이상 구매 시)",
        updatedAt: 1,
      });
    const d = await draft(id, { question: "쿠폰 있어요?" });
    expect(d.answer).toContain("10% 할인 쿠폰");
    expect(d.sources[0]?.kind).toBe("coupon");
  });

  it("validates requests and requires the admin token", async () => {
    const { id } = await createBroadcast();
    const bad = await api(`/api/broadcasts/${id}/answers/draft`, {
      method: "POST",
      body: JSON.stringify({ question: "" }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
    const anon = await api(`/api/broadcasts/${id}/answers/draft`, {
      method: "POST",
      body: JSON.stringify({ question: "가격?" }),
      token: null,
    });
    expect(anon.status).toBe(401);
    const knowledgeAnon = await api(`/api/broadcasts/${id}/knowledge`, { token: null });
    expect(knowledgeAnon.status).toBe(401);
    const missing = await api(`/api/broadcasts/no-such/answers/draft`, {
      method: "POST",
      body: JSON.stringify({ question: "가격?" }),
    });
    expect(missing.status).toBe(404);
    const empty = await api(`/api/broadcasts/${id}/knowledge`, { method: "PATCH", body: JSON.stringify({}) });
    expect(empty.status).toBe(400);
  });

  it("reports the embedded backends when no AI bindings are configured", async () => {
    const health = (await (await api("/api/health")).json()) as { backends: Record<string, string> };
    expect(health.backends).toMatchObject({ retrieval: "embedded", drafting: "extractive" });
  });
});
