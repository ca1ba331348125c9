import { describe, expect, it } from "vitest";
import { addMember } from "./auth-helpers.ts";
import { api, createBroadcast } from "./helpers.ts";

const put = (path: string, body: unknown, token?: string) =>
  api(path, { method: "PUT", body: JSON.stringify(body), ...(token ? { token } : {}) });

describe("products and benefits listed by hand", () => {
  it("adds a product and benefits that drafts then answer from", async () => {
    const { id } = await createBroadcast({ source: "replay" });
    const product = {
      name: "구스다운 롱패딩",
      price: 289000,
      salePrice: 199000,
      discountRate: 31,
      status: "SALE",
      details: ["색상: 블랙, 아이보리, 카키"],
    };
    expect((await put(`/api/broadcasts/${id}/products/padding`, product)).status).toBe(200);
    expect(
      (
        await put(`/api/broadcasts/${id}/benefits`, {
          coupons: ["라이브 전용 10% 할인쿠폰"],
          benefits: ["네이버페이 결제 시 5% 적립"],
        })
      ).status,
    ).toBe(200);

    const knowledge = (await (await api(`/api/broadcasts/${id}/knowledge`)).json()) as {
      products: { key: string; salePrice: number; details: string[] }[];
      benefits: string[];
    };
    expect(knowledge.products).toMatchObject([
      { key: "padding", salePrice: 199000, details: ["색상: 블랙, 아이보리, 카키"] },
    ]);
    expect([...knowledge.benefits].sort()).toEqual(["네이버페이 결제 시 5% 적립", "라이브 전용 10% 할인쿠폰"]);

    const draft = (await (
      await api(`/api/broadcasts/${id}/answers/draft`, {
        method: "POST",
        body: JSON.stringify({ question: "패딩 색상 뭐 있어요?" }),
      })
    ).json()) as { answer: string; abstained: boolean };
    expect(draft.abstained).toBe(false);
    expect(draft.answer).toContain("아이보리");

    // A second put replaces the product's fields and keeps its details when none are given; benefits are replaced.
    expect(
      (await put(`/api/broadcasts/${id}/products/padding`, { name: "구스다운 롱패딩", salePrice: 189000 })).status,
    ).toBe(200);
    expect((await put(`/api/broadcasts/${id}/benefits`, { benefits: [] })).status).toBe(200);
    const after = (await (await api(`/api/broadcasts/${id}/knowledge`)).json()) as {
      products: { salePrice: number; details: string[] }[];
      benefits: string[];
    };
    expect(after.products[0]).toMatchObject({ salePrice: 189000, details: ["색상: 블랙, 아이보리, 카키"] });
    expect(after.benefits).toEqual([]);
  });

  it("refuses viewers of the broadcast's knowledge, bad bodies and unknown broadcasts", async () => {
    const { id } = await createBroadcast({ source: "replay" });
    const analyst = await addMember("analyst");
    expect((await put(`/api/broadcasts/${id}/products/p1`, { name: "x" }, analyst.token)).status).toBe(403);
    expect((await put(`/api/broadcasts/${id}/products/p1`, { name: "" })).status).toBe(400);
    expect((await put(`/api/broadcasts/${id}/products/p1`, { name: "x", price: -1 })).status).toBe(400);
    expect((await put(`/api/broadcasts/${id}/products/bad key!`, { name: "x" })).status).toBe(400);
    expect((await put(`/api/broadcasts/${id}/benefits`, { coupons: "10%" })).status).toBe(400);
    expect((await put(`/api/broadcasts/no-such-broadcast/products/p1`, { name: "x" })).status).toBe(404);
  });

  it("starts the demo show's rehearsal corpus on request", async () => {
    const { id } = await createBroadcast({ source: "replay" });
    const res = await api(`/api/broadcasts/${id}/capture`, {
      method: "POST",
      body: JSON.stringify({ kind: "replay", ratePerMin: 60, corpus: "demo" }),
    });
    expect(res.status).toBe(202);
    const bad = await api(`/api/broadcasts/${id}/capture`, {
      method: "POST",
      body: JSON.stringify({ kind: "replay", corpus: "nope" }),
    });
    expect(bad.status).toBe(400);
    expect((await api(`/api/broadcasts/${id}/capture`, { method: "DELETE" })).status).toBeLessThan(300);
  });
});
