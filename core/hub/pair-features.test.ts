import { describe, expect, it } from "vitest";
import { ClusterIndex } from "./clusters.ts";
import { differentQuestions, PAIR_FEATURES, pairFeatures, questionProfile, valueConflict } from "./pair-features.ts";
import { checkedModel, pairScore, shippedPairModel } from "./pair-model.ts";

const PAIR_MODEL = shippedPairModel();

const score = (a: string, b: string) => pairScore(PAIR_MODEL, pairFeatures(questionProfile(a), questionProfile(b)));
const q = (message: string, seq = 1) => ({ seq, message, at: seq });

describe("the learned 'same question' scorer", () => {
  it("computes one feature per weight of the shipped model, each 0..1", () => {
    const f = pairFeatures(questionProfile("배송 언제 와요?"), questionProfile("택배 언제 도착해요"));
    expect(f).toHaveLength(PAIR_FEATURES.length);
    expect(PAIR_MODEL.weights).toHaveLength(PAIR_FEATURES.length);
    for (const x of f) expect(x >= 0 && x <= 1).toBe(true);
  });

  it("reads spacing, particles and endings away: the letters of the content are compared", () => {
    const spaced = pairFeatures(questionProfile("리필포함인가요"), questionProfile("리필 포함이에요?"));
    expect(spaced[PAIR_FEATURES.indexOf("contentBigrams")]).toBe(1);
    expect(spaced[PAIR_FEATURES.indexOf("contentJamo")]).toBe(1);
  });

  it("scores spacing, ending and particle variants above the join threshold", () => {
    for (const [a, b] of [
      ["리필포함인가요", "리필 포함이에요?"],
      ["커버력좋아요", "커버력 어때요?"],
      ["배송 언제와요", "배송은 언제 와요?"],
      ["오븐사용가능해요", "오븐 사용 가능한가요?"],
    ]) {
      expect(score(a!, b!), `${a} / ${b}`).toBeGreaterThanOrEqual(PAIR_MODEL.joinAt);
    }
  });

  it("scores different questions about one thing below it", () => {
    for (const [a, b] of [
      ["배송비 얼마예요?", "배송 언제 와요?"],
      ["제주도 배송 되나요?", "배송 언제 와요?"],
      ["교환 되나요?", "사이즈 어떻게 돼요?"],
      ["인덕션 되나요?", "오븐 돼요?"],
    ]) {
      expect(score(a!, b!), `${a} / ${b}`).toBeLessThan(PAIR_MODEL.joinAt);
    }
  });

  it("calls two named values a conflict, whatever their letters share", () => {
    const m = (text: string) => questionProfile(text).meaning;
    expect(valueConflict(m("245 있어요?"), m("250 있어요?"))).toBe(true);
    expect(valueConflict(m("세탁기 돌려도 돼요?"), m("건조기 돌려도 돼요?"))).toBe(true);
    expect(valueConflict(m("L 사이즈 있어요?"), m("라지 있어요?"))).toBe(false);
  });

  it("keeps look-alike questions of plain rewordings apart before any score", () => {
    const m = (text: string) => questionProfile(text).meaning;
    // A wording that starts with a value names it; a value the stemmer cuts to filler ("하의" → "하") is still read.
    expect(differentQuestions(m("세탁기에 넣어도 되나요"), m("건조기 넣어도 되나요"))).toBe(true);
    expect(differentQuestions(m("상의 사이즈 어떻게 돼요?"), m("하의 사이즈 어떻게 돼요?"))).toBe(true);
    // Contrasting aspects: the item's weight and the weight it holds; run time and charging time.
    expect(differentQuestions(m("의자 무게 몇 키로예요?"), m("몇 키로까지 버텨요?"))).toBe(true);
    expect(differentQuestions(m("사용시간 얼마나 돼요?"), m("충전시간 얼마나 걸려요?"))).toBe(true);
    expect(differentQuestions(m("배송 얼마나 걸려요?"), m("배송비 얼마예요?"))).toBe(true);
    expect(differentQuestions(m("하의 사이즈 어떻게 돼요?"), m("바지 사이즈 뭐 있어요?"))).toBe(false);
    expect(differentQuestions(m("사용시간 얼마나 돼요?"), m("배터리 얼마나 가요?"))).toBe(false);
  });

  it("reads a value as naming its aspect, asking it only when nothing else is asked", () => {
    const m = (text: string) => questionProfile(text).meaning;
    expect(m("아이보리 있어요?").aspects).toEqual(["color"]);
    expect(m("아이보리 때 잘 타요?").aspects).not.toContain("color");
    expect(m("L 품절이에요?").aspects).toEqual(["stock"]);
  });

  it("refuses a model file written for other features", () => {
    const file = { version: "old", features: ["bias", "x"], weights: [0, 1], joinAt: 0.5 };
    expect(() => checkedModel(file)).toThrow(/features/);
    const good = { version: "ok", features: [...PAIR_FEATURES], weights: PAIR_FEATURES.map(() => 0), joinAt: 0 };
    expect(() => checkedModel(good)).toThrow(/joinAt/);
  });
});

describe("ClusterIndex with the learned scorer", () => {
  it("puts spacing and ending variants in one cluster and different named values apart", () => {
    const index = new ClusterIndex();
    const refill = ["리필 포함이에요?", "리필포함인가요", "리필 포함 돼요??"].map((m, i) => index.add(q(m, i + 1)).id);
    expect(new Set(refill).size).toBe(1);
    const sizes = ["245 있어요?", "250 있어요?", "245 사이즈 있나요"].map((m, i) => index.add(q(m, i + 10)).id);
    expect(sizes[0]).not.toBe(sizes[1]);
    expect(sizes[2]).toBe(sizes[0]);
    expect(sizes).not.toContain(refill[0]);
  });
});
