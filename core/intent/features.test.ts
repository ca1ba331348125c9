import { describe, expect, it } from "vitest";
import { MAX_FEATURES, endingClassFeature, extractFeatures, jamoAbbreviationFeature } from "./features.ts";
import { normalize } from "./normalize.ts";

const BITS = 18;

function features(text: string): number[] {
  const out = new Int32Array(MAX_FEATURES);
  return Array.from(out.subarray(0, extractFeatures(text, out, BITS)));
}

describe("normalize", () => {
  it("collapses runs of one character to two", () => {
    expect(normalize("ㅋㅋㅋㅋㅋ 대박!!!!")).toBe("ㅋㅋ 대박!!");
    expect(normalize("언니ㅠㅠㅠㅠㅠ")).toBe("언니ㅠㅠ");
  });

  it("folds case, full width, digits and whitespace", () => {
    expect(normalize("  ＢＩＧ　Size？ ")).toBe("big size?");
    expect(normalize("55 사이즈\t\t있나요")).toBe("00 사이즈 있나요");
  });

  it("composes decomposed Hangul (NFC) and drops emoji variation selectors", () => {
    expect(normalize("사이즈".normalize("NFD"))).toBe("사이즈");
    expect(normalize("예뻐요❤️")).toBe("예뻐요❤");
  });

  it("keeps the tail of an overlong chat", () => {
    const long = `${"가".repeat(2000)} 보여주세요`;
    expect(normalize(long).endsWith("보여주세요")).toBe(true);
  });
});

describe("extractFeatures", () => {
  it("is deterministic and independent of the previous chat", () => {
    const first = features("사이즈 몇이에요?");
    features("완전 긴 다른 채팅 ".repeat(40));
    expect(features("사이즈 몇이에요?")).toEqual(first);
  });

  it("keeps every index inside the hash space", () => {
    const all = features("ㅇㄷ 블랙 55 사이즈 있나요?? 😍 ＯＫ");
    expect(all.length).toBeGreaterThan(30);
    for (const i of all) expect(i >= 0 && i < 1 << BITS).toBe(true);
  });

  it("marks polite questions, including slang spellings and trailing laughter", () => {
    const askPolite = endingClassFeature("askPolite", BITS);
    for (const text of ["배송 언제 오나요", "배송 언제 오나여ㅠㅠ", "이거 괜찮을까요?", "재입고 되나용 ㅋㅋ"]) {
      expect(features(text), text).toContain(askPolite);
    }
    expect(features("너무 예쁘네요")).not.toContain(askPolite);
  });

  it("marks polite requests, including -줄 수 있나요 with or without spaces", () => {
    const request = endingClassFeature("requestPolite", BITS);
    for (const text of ["뒷모습 보여주세요", "뒷모습 보여주세여!!", "한번 더 입어 줄 수 있나요", "클로즈업 해주셈"]) {
      expect(features(text), text).toContain(request);
    }
    expect(features("사이즈 몇이에요")).not.toContain(request);
  });

  it("marks plain questions and wh-word endings", () => {
    expect(features("이거 얼마냐")).toContain(endingClassFeature("askPlain", BITS));
    expect(features("그거 무슨 색이니")).toContain(endingClassFeature("askPlain", BITS));
    expect(features("사이즈 몇")).toContain(endingClassFeature("whWord", BITS));
  });

  it("finds jamo abbreviations alone or attached, but not laughter", () => {
    expect(features("ㅇㄷ")).toContain(jamoAbbreviationFeature("ㅇㄷ", BITS));
    expect(features("블랙ㅂㅇㅈ")).toContain(jamoAbbreviationFeature("ㅂㅇㅈ", BITS));
    const laugh = features("ㅋㅋㅋㅋ");
    expect(laugh).not.toContain(jamoAbbreviationFeature("ㅋㅋ", BITS));
  });

  it("shares the sentence-ending features between spaced and unspaced chats", () => {
    const request = endingClassFeature("requestPolite", BITS);
    expect(features("보여 주세요")).toContain(request);
    expect(features("보여주세요")).toContain(request);
  });

  it("distinguishes a trailing question mark", () => {
    const a = new Set(features("블랙"));
    const b = features("블랙?");
    expect(b.filter((i) => !a.has(i)).length).toBeGreaterThan(0);
  });
});
