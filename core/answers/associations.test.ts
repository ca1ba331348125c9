import { describe, expect, it } from "vitest";
import { AssociationCounts, associationKeys, associationScore } from "./associations.ts";

describe("word associations", () => {
  it("pairs each question gram with the source's bigrams the question does not contain", () => {
    const keys = associationKeys(["뜯고"], "뜯고 나서", "개봉 후 2주");
    expect(keys).toEqual(["뜯고|개봉", "뜯고|봉후"]);
    expect(associationKeys(["개봉"], "개봉하면", "개봉 후")).toEqual(["개봉|봉후"]);
  });

  it("leaves out digit strings: a training broadcast's prices say nothing of a new one's", () => {
    expect(associationKeys(["가격", "77"], "가격 77", "판매가 39,000원 (12% 할인)")).toEqual([
      "가격|판매",
      "가격|매가",
      "가격|%할",
      "가격|할인",
    ]);
  });

  it("scores each question gram by its best positive association, capped at 1", () => {
    const weights: Record<string, number> = { "뜯고|개봉": 3, "뜯고|2주": 1, "먹여|급여": 2, "먹여|보관": -4 };
    const score = (keys: string[]) => associationScore(keys, (k) => weights[k]);
    expect(score(["뜯고|개봉", "뜯고|2주", "먹여|급여", "먹여|보관"])).toBeCloseTo(0.5);
    expect(score(["먹여|보관", "없는|쌍"])).toBe(0);
    expect(associationScore(["a|b", "c|d", "e|f"], () => 6)).toBe(1);
  });

  it("learns a pair that keeps answering, and forgets a case taken back", () => {
    const counts = new AssociationCounts();
    for (let i = 0; i < 3; i++) counts.add(["뜯고|개봉"], true, 1);
    for (let i = 0; i < 20; i++) counts.add(["뜯고|색상"], false, 1);
    expect(counts.weightOf("뜯고|개봉", 3)).toBeGreaterThan(0);
    expect(counts.weightOf("뜯고|색상", 3)).toBeUndefined();
    const before = counts.weightOf("뜯고|개봉", 3);
    counts.add(["뜯고|개봉"], true, -1);
    expect(counts.weightOf("뜯고|개봉", 3)).toBeUndefined();
    counts.add(["뜯고|개봉"], true, 1);
    expect(counts.weightOf("뜯고|개봉", 3)).toBe(before);
    expect(Object.keys(counts.table(3))).toEqual(["뜯고|개봉"]);
  });
});
