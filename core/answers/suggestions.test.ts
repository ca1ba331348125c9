import { describe, expect, it } from "vitest";
import { OfflineAnswerer } from "./offline.ts";
import { ABSTENTION, type KnowledgeSet } from "./types.ts";

const knowledge: KnowledgeSet = {
  broadcastId: "s1",
  title: "주방 가전 라이브",
  description: "",
  notes: ["오후 3시 이전 주문 시 당일 발송"],
  products: [
    {
      key: "fan",
      name: "저소음 서큘레이터",
      price: 89000,
      salePrice: 59000,
      discountRate: 34,
      status: "SALE",
      details: ["소비전력: 25W", "소음: 최저 22dB", "색상: 화이트"],
    },
    {
      key: "pot",
      name: "내열 유리 주전자",
      price: 29000,
      salePrice: 29000,
      discountRate: 0,
      status: "SALE",
      details: ["내열 온도: 120℃", "용량: 1.5L"],
    },
  ],
  qna: [{ id: "q1", productKey: "fan", question: "리모컨 있어요?", answer: "네, 리모컨이 기본 구성입니다." }],
  benefits: [],
  answers: [],
};

describe("suggestions", () => {
  const answerer = new OfflineAnswerer();

  it.each([
    ["서큘레이터 전기세 많이 나와요?", "25W"],
    ["서큘레이터 소리 커요?", "22dB"],
    ["주전자에 끓는 물 부어도 돼요?", "120℃"],
    ["서큘레이터 가격?", "59,000원"],
  ])("%s: the snippet stating %s is among the first 3", async (question, fact) => {
    const d = await answerer.draft(knowledge, question);
    expect(d.suggestions.slice(0, 3).some((s) => s.text.includes(fact))).toBe(true);
  });

  it("suggests also when the draft abstains, at most 5, best first, only the named product's snippets", async () => {
    const d = await answerer.draft(knowledge, "서큘레이터 해외에서 써도 돼요? 일본 여행 가요");
    expect(d.suggestions.length).toBeGreaterThan(0);
    expect(d.suggestions.length).toBeLessThanOrEqual(5);
    if (d.abstained) expect(d.answer).toBe(ABSTENTION);
    const scores = d.suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(d.suggestions.every((s) => s.productKey === "fan" || s.productKey === "")).toBe(true);
  });

  it("marks the words that matched, from the question or the lexicon's wording of it", async () => {
    const d = await answerer.draft(knowledge, "서큘레이터 전기세 많이 나와요?");
    const power = d.suggestions.find((s) => s.text.includes("25W"));
    expect(power?.matched).toContain("소비전력");
  });

  it("pastes a Q&A's answer, not its question", async () => {
    const d = await answerer.draft(knowledge, "서큘레이터 리모컨 있나요?");
    expect(d.suggestions.map((s) => s.text)).toContain("네, 리모컨이 기본 구성입니다.");
  });
});
