import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { describePrice, formatWon, resolvePrice } from "./facts.ts";
import { lineTopics, questionTopics, splitLabel } from "./topics.ts";
import { structuredAnswer } from "./structured.ts";
import { normalizeText } from "./tokenize.ts";

describe("resolvePrice", () => {
  it("takes the lower price as current when the discount rate agrees", () => {
    expect(resolvePrice({ price: 89000, salePrice: 59000, discountRate: 34 })).toEqual({
      kind: "discounted",
      current: 59000,
      original: 89000,
      rate: 34,
    });
  });
  it("undoes Naver's swapped price and salePrice when the rate agrees", () => {
    expect(resolvePrice({ price: 59000, salePrice: 89000, discountRate: 34 })).toEqual({
      kind: "discounted",
      current: 59000,
      original: 89000,
      rate: 34,
    });
  });
  it("reports both figures when the rate disagrees or is missing", () => {
    expect(resolvePrice({ price: 30000, salePrice: 25000, discountRate: 50 })).toEqual({
      kind: "ambiguous",
      price: 30000,
      salePrice: 25000,
      rate: 50,
    });
    expect(resolvePrice({ price: 30000, salePrice: 25000, discountRate: null })).toMatchObject({ kind: "ambiguous" });
  });
  it("has one price when both are equal or one is missing, none when neither", () => {
    expect(resolvePrice({ price: 49000, salePrice: 49000, discountRate: 0 })).toEqual({
      kind: "single",
      current: 49000,
    });
    expect(resolvePrice({ price: null, salePrice: 12000 })).toEqual({ kind: "single", current: 12000 });
    expect(resolvePrice({ price: 0, salePrice: null })).toEqual({ kind: "none" });
  });
  it("never calls the higher figure current, whatever the order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 10_000_000 }),
        fc.integer({ min: 1, max: 90 }),
        fc.boolean(),
        (high, rate, swap) => {
          const low = Math.round(high * (1 - rate / 100));
          fc.pre(low > 0 && low < high);
          const facts = resolvePrice(
            swap
              ? { price: low, salePrice: high, discountRate: rate }
              : { price: high, salePrice: low, discountRate: rate },
          );
          expect(facts.kind).toBe("discounted");
          if (facts.kind === "discounted") expect(facts.current).toBe(low);
        },
      ),
    );
  });
});

describe("price text", () => {
  it("formats won with separators", () => {
    expect(formatWon(59000)).toBe("59,000원");
    expect(formatWon(1234567)).toBe("1,234,567원");
    expect(formatWon(900)).toBe("900원");
  });
  it("describes the resolved price", () => {
    expect(describePrice({ key: "k", name: "n", details: [], price: 59000, salePrice: 89000, discountRate: 34 })).toBe(
      "판매가 59,000원 (정가 89,000원, 34% 할인)",
    );
  });
  it("answers price, discount and stock from Naver fields", () => {
    const p = {
      key: "k",
      name: "니트",
      details: [],
      price: 89000,
      salePrice: 59000,
      discountRate: 34,
      status: "OUTOFSTOCK",
    };
    expect(structuredAnswer(p, ["price"], "니트")).toBe("니트는 정가 89,000원에서 34% 할인된 59,000원입니다.");
    expect(structuredAnswer(p, ["stock"], "니트")).toBe("니트는 현재 품절입니다.");
    expect(structuredAnswer({ ...p, discountRate: 0, salePrice: 89000 }, ["discount"], "니트")).toBe(
      "니트는 현재 별도 할인 없이 89,000원입니다.",
    );
    expect(structuredAnswer({ ...p, price: null, salePrice: null }, ["price"], "니트")).toBeNull();
  });
});

describe("topics", () => {
  const ask = (q: string) => questionTopics(normalizeText(q));
  it.each([
    ["사이즈 몇이에요?", "size"],
    ["소재 뭐에요", "material"],
    ["세탁 어떻게 해요", "care"],
    ["배송 언제 출발해요?", "shipping"],
    ["반품 되나요", "returns"],
    ["색상 뭐 있어요", "options"],
    ["쿠폰 어디서 받아요", "benefit"],
    ["할인 몇프로에요", "discount"],
    ["가격 얼마", "price"],
    ["재고 있어요?", "stock"],
    ["유통기한 어떻게 돼요", "expiry"],
    ["원산지 어디에요", "origin"],
    ["방수 돼요?", "waterproof"],
    ["몇살부터 타요", "age"],
    ["AS 기간은요?", "warranty"],
  ])("%s asks about %s", (q, topic) => {
    expect(ask(q)).toContain(topic);
  });
  it("finds no topic in chatter", () => {
    expect(ask("와 너무 예쁘다")).toEqual([]);
    expect(ask("겨울에 좋겠다")).toEqual([]);
  });
  it("reads a line by its label and its content", () => {
    expect(lineTopics("소재: 면 100%")).toContain("material");
    expect(lineTopics("구성: 5g 앰플 8개입")).toEqual(expect.arrayContaining(["options", "capacity"]));
    expect(lineTopics("사용 연령: 12개월 이상")).not.toContain("capacity");
  });
  it("splits short labels only", () => {
    expect(splitLabel("소재: 면 100%")).toEqual({ label: "소재", value: "면 100%" });
    expect(splitLabel("[세탁] 손세탁")).toEqual({ label: "세탁", value: "손세탁" });
    expect(splitLabel("오늘 주문은 내일 출고됩니다")).toBeNull();
    expect(splitLabel("백미와 1:2 비율로 섞어 취사를 권장")).toBeNull();
  });
});
