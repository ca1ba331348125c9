import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Bm25 } from "./bm25.ts";
import { questionKey, questionSimilarity } from "./question-key.ts";
import { charGrams, hasFinalConsonant, lexicalTerms, normalizeText, stemWord, words } from "./tokenize.ts";
import { cosine, hashedVector, toDense, toSparse } from "./vectors.ts";

describe("Korean tokenization", () => {
  it("normalizes width, case and punctuation but keeps decimals and percents", () => {
    expect(normalizeText("  ＡＢＣ 사이즈?!  2.5kg, 30% ")).toBe("abc 사이즈 2.5kg 30%");
  });
  it("strips particles and question endings from Hangul words only", () => {
    expect(stemWord("사이즈는")).toBe("사이즈");
    expect(stemWord("면이에요")).toBe("면");
    expect(stemWord("배송비가")).toBe("배송비");
    expect(stemWord("되나요")).toBe("되");
    expect(stemWord("xl")).toBe("xl");
  });
  it("splits mixed script runs", () => {
    expect(words("m사이즈 100%면")).toEqual(["m", "사이즈", "100%", "면"]);
  });
  it("marks word boundaries in character grams", () => {
    expect(charGrams("면", 2)).toEqual(["\u0002면", "면\u0003"]);
    expect(charGrams("사이즈", 3)).toHaveLength(3);
  });
  it("adds inner bigrams of long stems so compounds meet their parts", () => {
    expect(lexicalTerms("사이즈표")).toEqual(expect.arrayContaining(["사이즈표", "~사이", "~이즈"]));
  });
  it("knows final consonants for particles", () => {
    expect(hasFinalConsonant("소재")).toBe(false);
    expect(hasFinalConsonant("색상")).toBe(true);
    expect(hasFinalConsonant("2")).toBe(false);
    expect(hasFinalConsonant("10")).toBe(true);
  });
});

describe("question key and similarity", () => {
  it("groups near-duplicate questions", () => {
    expect(questionKey("사이즈 몇이에요")).toBe(questionKey("사이즈 몇 나와요?"));
    expect(questionKey("배송 언제 와요?")).toBe(questionKey("혹시 배송은 언제 와요??"));
    expect(questionSimilarity("사이즈 몇이에요", "사이즈 몇 나와요?")).toBe(1);
  });
  it("keeps different questions apart", () => {
    expect(questionKey("사이즈 몇이에요")).not.toBe(questionKey("색상 몇 개 있어요"));
    expect(questionSimilarity("배송 언제 와요", "반품 어떻게 해요")).toBeLessThan(0.3);
  });
  it("is symmetric and bounded", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = questionSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(questionSimilarity(b, a)).toBeCloseTo(s);
      }),
    );
  });
  it("has no key for chatter without content", () => {
    expect(questionKey("혹시 이거 뭐예요?")).toBe("");
  });
});

describe("scoring", () => {
  it("hashed vectors are unit length and round-trip through dense form", () => {
    const v = hashedVector("세탁기 사용 가능해요");
    expect(cosine(v, v)).toBeCloseTo(1);
    expect(cosine(toSparse(toDense(v)), v)).toBeCloseTo(1);
    expect(cosine(v, hashedVector("배송 언제"))).toBeLessThan(0.3);
  });
  it("BM25 prefers the document with the rarer term and forgets removed ones", () => {
    const bm = new Bm25();
    bm.set("a", ["배송", "내일", "출고"]);
    bm.set("b", ["배송", "반품", "7일"]);
    bm.set("c", ["소재", "면"]);
    expect(bm.score("a", ["배송", "내일"])).toBeGreaterThan(bm.score("b", ["배송", "내일"]));
    bm.delete("a");
    expect(bm.score("a", ["배송"])).toBe(0);
    expect(bm.size).toBe(2);
  });
});
