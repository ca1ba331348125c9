import { describe, expect, it } from "vitest";
import { nounLike, sameNumber, stripCopula, takeNumbers, wordsAlike } from "./word-match.ts";

describe("takeNumbers", () => {
  it("writes a number and its unit one way however it was typed", () => {
    expect(takeNumbers("3키로 몇과예요?").numbers).toEqual(["3kg"]);
    expect(takeNumbers("3kg 박스 몇 개").numbers).toEqual(["3kg"]);
    expect(takeNumbers("삼키로 몇개에요").numbers).toEqual(["3kg"]);
    expect(takeNumbers("오 키로 가격").numbers).toEqual(["5kg"]);
    expect(takeNumbers("면 100프로 맞아요?").numbers).toEqual(["100%"]);
    expect(takeNumbers("면 100%인가요?").numbers).toEqual(["100%"]);
    expect(takeNumbers("20평대 써도 돼요").numbers).toEqual(["20평"]);
    expect(takeNumbers("30평 거실").numbers).toEqual(["30평"]);
  });

  it("drops units that only say the number is a size or a shade, and takes the number out of the text", () => {
    expect(takeNumbers("245mm 있나요").numbers).toEqual(["245"]);
    expect(takeNumbers("23호 있어요?")).toEqual({ numbers: ["23"], rest: expect.not.stringContaining("23") });
    expect(takeNumbers("1,000원 할인").numbers).toEqual(["1000"]);
  });
});

describe("sameNumber", () => {
  it("matches a bare number with the same number in a unit, but not two units", () => {
    expect(sameNumber("5kg", "5")).toBe(true);
    expect(sameNumber("5kg", "5kg")).toBe(true);
    expect(sameNumber("6kg", "6개월")).toBe(false);
    expect(sameNumber("245", "250")).toBe(false);
  });
});

describe("wordsAlike", () => {
  it("meets a one-letter typo at the jamo level", () => {
    expect(wordsAlike("겔럭시", "갤럭시")).toBeGreaterThanOrEqual(0.6);
    expect(wordsAlike("베게커버", "베개커버")).toBeGreaterThanOrEqual(0.6);
    expect(wordsAlike("남여공용", "남녀공용")).toBeGreaterThanOrEqual(0.6);
  });

  it("keeps different short words, numbers and letters apart", () => {
    expect(wordsAlike("킹", "퀸")).toBe(0);
    expect(wordsAlike("지성", "건성")).toBe(0);
    expect(wordsAlike("245", "250")).toBe(0);
    expect(wordsAlike("s", "ss")).toBe(0);
  });
});

describe("nounLike and stripCopula", () => {
  it("reads nouns, numbers and letters as things and verb forms as not", () => {
    expect(["노견", "닭", "l", "245", "베개커버"].every(nounLike)).toBe(true);
    expect(["먹어", "있나여", "들어갔", "보내주시", "잘", "오"].some(nounLike)).toBe(false);
  });

  it("finds the noun under a copula ending", () => {
    expect(stripCopula("노견인데")).toBe("노견");
    expect(stripCopula("노견이라서")).toBe("노견");
    expect(stripCopula("노견용")).toBe("노견");
    expect(stripCopula("개쯤")).toBe("개");
    expect(stripCopula("인데")).toBe("인데");
  });
});
