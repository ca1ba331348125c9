/**
 * Suggestions through the Worker (workerd, real D1): every draft of the draft API carries
 * ranked knowledge snippets, also when it abstains, and nothing internal leaks.
 */
import { drizzle } from "drizzle-orm/d1";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DraftResponse } from "../../core/answers/api.ts";
import { products } from "../../server/db/schema.ts";
import { api, createBroadcast } from "./helpers.ts";

async function draft(id: string, question: string) {
  const res = await api(`/api/broadcasts/${id}/answers/draft`, { method: "POST", body: JSON.stringify({ question }) });
  expect(res.status).toBe(200);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).not.toHaveProperty("ranked");
  return DraftResponse.parse(body);
}

describe("draft suggestions", () => {
  it("suggests the line the viewer's wording means, also when the draft abstains", async () => {
    const { id } = await createBroadcast();
    await drizzle(env.DB).insert(products).values({
      broadcastId: id,
      key: "fan",
      name: "저소음 서큘레이터",
      price: 59000,
      salePrice: 59000,
      discountRate: 0,
      status: "SALE",
      updatedAt: 1,
    });
    const put = await api(`/api/broadcasts/${id}/products/fan/details`, {
      method: "PUT",
      body: JSON.stringify({ details: ["소비전력: 25W", "소음: 최저 22dB", "색상: 화이트"] }),
    });
    expect(put.status).toBe(200);

    const power = await draft(id, "전기세 많이 나와요?");
    expect(power.suggestions.slice(0, 3).map((s) => s.text)).toContain("소비전력: 25W");
    expect(power.suggestions.find((s) => s.text === "소비전력: 25W")?.matched).toContain("소비전력");

    const unknown = await draft(id, "해외에서 써도 돼요? 일본 가요");
    expect(unknown.suggestions.length).toBeGreaterThan(0);
    expect(unknown.suggestions.length).toBeLessThanOrEqual(5);
  });

  it("keeps one broadcast's snippets out of another's suggestions", async () => {
    const a = await createBroadcast();
    const b = await createBroadcast();
    await api(`/api/broadcasts/${a.id}/knowledge`, {
      method: "PATCH",
      body: JSON.stringify({ notes: ["배송은 내일 출발합니다"] }),
    });
    await api(`/api/broadcasts/${b.id}/knowledge`, {
      method: "PATCH",
      body: JSON.stringify({ notes: ["배송은 다음 주 월요일 출발합니다"] }),
    });
    const d = await draft(b.id, "배송 언제 와요?");
    expect(d.suggestions.map((s) => s.text)).toContain("배송은 다음 주 월요일 출발합니다");
    expect(d.suggestions.map((s) => s.text)).not.toContain("배송은 내일 출발합니다");
  });
});
