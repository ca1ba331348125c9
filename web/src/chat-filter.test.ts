import { describe, expect, it } from "vitest";
import type { BoardChat } from "../../core/protocol/index.ts";
import { chatMatcher, filterColumn, NO_FILTER, productTerms } from "./chat-filter.ts";

const chat = (message: string, nickname = "shop****"): BoardChat => ({
  seq: 1,
  commentNo: 1,
  nickname,
  message,
  intent: "question",
  confidence: 0.9,
  at: 0,
});

describe("board filters", () => {
  it("derives product words from a Naver product name, without brand tags or quantities", () => {
    expect(productTerms("[퓨어메르] 리셋 비타씨 앰플 (5g x 8ea)")).toEqual(["리셋", "비타씨", "앰플"]);
    expect(productTerms("캐시미어 블렌드 라운드 니트")).toEqual(["캐시미어", "블렌드", "라운드", "니트"]);
    expect(productTerms("국내산 한우 불고기 1kg")).toEqual(["국내산", "한우", "불고기"]);
  });

  it("matches a product when any of its words appears", () => {
    const match = chatMatcher({ query: "", productTerms: productTerms("캐시미어 블렌드 라운드 니트") });
    expect(match(chat("니트 사이즈 몇까지 나와요?"))).toBe(true);
    expect(match(chat("청소기 흡입력 어때요?"))).toBe(false);
  });

  it("needs every search word, in the message or the nickname, ignoring case and width", () => {
    const match = chatMatcher({ query: "사이즈 XL", productTerms: [] });
    expect(match(chat("사이즈 xl 있나요"))).toBe(true);
    expect(match(chat("사이즈 있나요"))).toBe(false);
    expect(chatMatcher({ query: "minji", productTerms: [] })(chat("hi", "MinJi**"))).toBe(true);
    expect(chatMatcher({ query: "ＸＬ", productTerms: [] })(chat("xl 있어요?"))).toBe(true);
  });

  it("returns the column itself when nothing filters, and the same result for the same input", () => {
    const column = [chat("니트 예뻐요"), chat("청소기")];
    expect(filterColumn(column, NO_FILTER)).toBe(column);
    const once = filterColumn(column, { query: "니트", productTerms: [] });
    expect(once.map((c) => c.message)).toEqual(["니트 예뻐요"]);
    expect(filterColumn(column, { query: "니트", productTerms: [] })).toBe(once);
  });
});
