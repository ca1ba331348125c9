import { describe, expect, it } from "vitest";
import { draftExtractive } from "./extractive-drafter.ts";
import { namedOptions, statesOptions } from "./options.ts";
import type { KnowledgeSet } from "./types.ts";

describe("the near-miss option check", () => {
  it("reads letter sizes as whole tokens, not A/S, model names or litres", () => {
    expect(namedOptions("XL 있어요?")).toEqual(["size:XL"]);
    expect(namedOptions("2xl도 나와요")).toEqual(["size:XXL"]);
    expect(namedOptions("A/S 기간 얼마에요")).toEqual([]);
    expect(namedOptions("갤럭시 S24 호환돼요?")).toEqual([]);
    expect(namedOptions("5L 용량이에요?")).toEqual([]);
  });

  it("asks a colour only when the question asks whether it is sold", () => {
    expect(namedOptions("블랙 색상도 있어요?")).toEqual(["term:블랙"]);
    expect(namedOptions("핑크색도 나와요?")).toEqual(["term:핑크"]);
    expect(namedOptions("베이지 그거 세탁기 돌려도 되나요")).toEqual([]);
    expect(namedOptions("크림 리필 제품도 있어요?")).toEqual([]);
    expect(namedOptions("버건디 가방 크로스로 멜수있나요")).toEqual([]);
  });

  it("reads bed sizes asked as sold, not inside other words", () => {
    expect(namedOptions("킹 사이즈도 있나요?")).toEqual(["bed:킹"]);
    expect(namedOptions("슈퍼싱글 있어요?")).toEqual(["bed:슈퍼싱글"]);
    expect(namedOptions("킹으로 하면 얼마에요?")).toEqual([]);
    expect(namedOptions("킹크랩 있어요?")).toEqual([]);
    expect(statesOptions("사이즈: 퀸 200x230cm", ["bed:킹"])).toBe(false);
    expect(statesOptions("슈퍼싱글 / 퀸", ["bed:싱글"])).toBe(false);
    expect(statesOptions("싱글, 퀸", ["bed:싱글"])).toBe(true);
  });

  it("leaves a colour that is in a product's name to name the product", () => {
    expect(namedOptions("카멜 머플러 있어요?", ["카멜 울 머플러"])).toEqual([]);
    expect(namedOptions("카멜 머플러 있어요?", ["울 머플러"])).toEqual(["term:브라운"]);
  });

  it("finds an option in lists, synonyms and letter-size ranges", () => {
    expect(statesOptions("사이즈: S / M / L", ["size:L"])).toBe(true);
    expect(statesOptions("사이즈: S / M / L", ["size:XL"])).toBe(false);
    expect(statesOptions("사이즈 S~XL", ["size:XL"])).toBe(true);
    expect(statesOptions("사이즈 S~XL", ["size:XXL"])).toBe(false);
    expect(statesOptions("색상: 검정, 아이보리", ["term:블랙"])).toBe(true);
    expect(statesOptions("색상: 네이비, 아이보리", ["term:블랙"])).toBe(false);
  });

  const knowledge: KnowledgeSet = {
    broadcastId: "b-options",
    title: "겨울 니트 라이브",
    description: "",
    notes: [],
    products: [
      {
        key: "k1",
        name: "캐시미어 니트",
        price: 59000,
        salePrice: 49000,
        discountRate: 17,
        status: "SALE",
        details: ["사이즈: S / M / L", "색상: 아이보리, 네이비", "소재: 캐시미어 10%, 울 90%"],
      },
    ],
    qna: [],
    benefits: [],
    answers: [],
  };
  const draft = (question: string) => draftExtractive(question, { knowledge, passages: [], productKey: "k1" });

  it("abstains on a size or colour that is not sold, and answers one that is", () => {
    expect(draft("니트 XL 사이즈 있어요?").abstained).toBe(true);
    expect(draft("블랙 색상도 있나요?").abstained).toBe(true);
    const sold = draft("네이비 색상 있어요?");
    expect(sold.abstained).toBe(false);
    expect(sold.answer).toContain("네이비");
  });

  it("does not answer about one product from a note about another", () => {
    const two: KnowledgeSet = {
      ...knowledge,
      broadcastId: "b-two",
      notes: ["주방놀이는 부피가 커서 도서산간 배송 불가"],
      products: [
        {
          key: "t1",
          name: "소프트 블록 60pcs",
          price: 39000,
          salePrice: null,
          discountRate: null,
          status: "SALE",
          details: ["소재: EVA 무독성"],
        },
        {
          key: "t2",
          name: "원목 주방놀이 세트",
          price: 129000,
          salePrice: null,
          discountRate: null,
          status: "SALE",
          details: ["크기: 80x30x90cm"],
        },
      ],
    };
    const asked = (question: string) => draftExtractive(question, { knowledge: two, passages: [] });
    expect(asked("제주도인데 블록은 배송 되나요?").abstained).toBe(true);
    expect(asked("제주도인데 주방놀이 배송 되나요?").answer).toContain("도서산간");
  });

  it("answers a measurement only from a source with a number", () => {
    const cardigan = (details: string[]): KnowledgeSet => ({
      ...knowledge,
      broadcastId: `b-cardigan-${details.length}`,
      products: [
        {
          key: "c1",
          name: "케이블 가디건",
          price: 49000,
          salePrice: null,
          discountRate: null,
          status: "SALE",
          details,
        },
      ],
    });
    const asked = (k: KnowledgeSet) => draftExtractive("가디건 L 길이 얼마나 돼요", { knowledge: k, passages: [] });
    expect(asked(cardigan(["사이즈: M / L", "소재: 아크릴 100%"])).abstained).toBe(true);
    const stated = asked(cardigan(["사이즈: M / L", "총장: M 59cm / L 61cm", "소재: 아크릴 100%"]));
    expect(stated.abstained).toBe(false);
    expect(stated.answer).toContain("61cm");
  });
});
