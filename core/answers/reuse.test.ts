import { describe, expect, it } from "vitest";
import { matchPublished, reusePublished } from "./reuse.ts";
import { ABSTENTION, type AnsweredDraft } from "./types.ts";

const published = [
  { id: "a1", productKey: null, question: "배송 언제 와요?", answer: "오늘 주문하시면 내일 출발해요." },
  { id: "a2", productKey: null, question: "제주도 배송비 있어요?", answer: "제주는 3,000원 추가예요." },
];
const abstained: AnsweredDraft = {
  answer: ABSTENTION,
  abstained: true,
  sources: [],
  confidence: 0.1,
  suggestions: [{ id: "b:note:0", kind: "note", productKey: "", text: "주문 후 1~2일 출고", score: 1, matched: [] }],
};
const knowledge = { broadcastId: "b", answers: published };

describe("reusePublished", () => {
  it("drafts a reworded repeat from the published answer, citing it", () => {
    const out = reusePublished("택배 언제 오나요", knowledge, abstained);
    expect(out).toMatchObject({
      answer: "오늘 주문하시면 내일 출발해요.",
      abstained: false,
      sources: [{ id: "b:answer:a1", kind: "answer" }],
    });
    expect(out.suggestions[0]).toMatchObject({ id: "b:answer:a1", text: "오늘 주문하시면 내일 출발해요.", score: 1 });
    expect(out.suggestions[1]?.id).toBe("b:note:0");
  });

  it("puts a probably-same answer first without drafting from it", () => {
    const out = reusePublished("배송비 얼마예요?", knowledge, abstained);
    expect(out.abstained).toBe(true);
    expect(out.suggestions[0]?.id).toBe("b:answer:a2");
  });

  it("does not draft from an answer about no product for a question naming one", () => {
    const out = reusePublished("부츠 배송 언제 와요?", knowledge, abstained);
    expect(out.abstained).toBe(true);
    expect(out.suggestions[0]?.id).toBe("b:answer:a1");
  });

  it("leaves a different question alone", () => {
    expect(reusePublished("색상 뭐 있어요?", knowledge, abstained)).toBe(abstained);
    expect(matchPublished("ㅋㅋ?", published)).toBeNull();
  });
});
