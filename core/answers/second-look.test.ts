import { describe, expect, it } from "vitest";
import { contentGrams } from "./candidates.ts";
import { draftExtractive, examineDraft } from "./extractive-drafter.ts";
import {
  answerProbability,
  FEATURES,
  gramRarity,
  NONE_FEATURES,
  noneEvidence,
  type SecondLookModel,
} from "./second-look.ts";
import { sourceProbabilities } from "./second-look-choice.ts";
import { SECOND_LOOK_MODEL, SECOND_LOOK_VERSION } from "./second-look-model.ts";
import type { KnowledgeSet } from "./types.ts";

const knowledge: KnowledgeSet = {
  broadcastId: "b1",
  title: "댕냥이 간식 라이브",
  description: "수제 간식 라이브 한정가",
  notes: ["오후 2시 이전 주문 당일 출고"],
  products: [
    {
      key: "p1",
      name: "닭가슴살 져키 300g",
      price: 19900,
      salePrice: 14900,
      discountRate: 25,
      status: "SALE",
      details: [
        "원재료: 닭가슴살 100% (국내산)",
        "유통기한 제조일로부터 12개월, 개봉 후에는 냉장 보관하고 2주 안에 급여해 주세요",
        "중량: 300g (100g x 3팩)",
      ],
    },
  ],
  qna: [],
  benefits: [],
  answers: [],
};
const context = { knowledge, passages: [], productKey: "p1" };

describe("the drafter's second look", () => {
  it("answers a question worded unlike its source when the rules abstain", () => {
    const question = "뜯고나서 얼마나 두고 먹여요";
    expect(examineDraft(question, context).rules.abstained).toBe(true);
    const d = draftExtractive(question, context);
    expect(d.abstained).toBe(false);
    expect(d.answer).toContain("2주");
    expect(d.confidence).toBeGreaterThanOrEqual(SECOND_LOOK_MODEL.answerAt);
  });

  it("asks for a clear lead, absolute (margin) or relative (leadRatio)", () => {
    const question = "뜯고나서 얼마나 두고 먹여요";
    const strict: SecondLookModel = { ...SECOND_LOOK_MODEL, answerAt: 0, lineAt: 0, margin: 1 };
    const { leadRatio: _, ...noRatio } = strict;
    expect(draftExtractive(question, context, noRatio).abstained).toBe(true);
    const relative = draftExtractive(question, context, { ...noRatio, leadRatio: 1 });
    expect(relative.abstained).toBe(false);
    expect(relative.answer).toContain("2주");
  });

  it("never answers from a source missing a number the question names", () => {
    const d = examineDraft("500g짜리도 있어요?", context);
    expect(d.looks.map((l) => l.score.candidate.text)).not.toContain("중량: 300g (100g x 3팩)");
    expect(draftExtractive("500g짜리도 있어요?", context).abstained).toBe(true);
  });

  it("ranks every source it may answer from, most probable first, with one feature each", () => {
    const { looks } = examineDraft("닭고기 어디서 온 거예요", context);
    expect(looks.length).toBeGreaterThan(1);
    for (const look of looks) expect(look.features).toHaveLength(FEATURES.length);
    const probabilities = looks.map((l) => l.probability);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    expect(looks[0]!.draft.answer).toContain("국내산");
  });

  it("weighs a word no source states most, and one every source states least", () => {
    const grams = contentGrams(["유선", "중량"]);
    const rarity = gramRarity(grams, ["중량: 300g", "중량 표시", "무선 연결"]);
    expect(rarity.get("유선")!).toBeGreaterThan(rarity.get("중량")!);
    expect(rarity.get("중량")!).toBeLessThan(0.5);
  });

  it("reads a model's weights by feature name, a missing one as 0", () => {
    const x = FEATURES.map((f) => (f === "bias" || f === "textCoverage" ? 1 : 0));
    const model: SecondLookModel = {
      weights: { bias: -1, textCoverage: 3 },
      answerAt: 0.5,
      vetoBelow: 0,
      associations: {},
    };
    expect(answerProbability(x, model)).toBeCloseTo(1 / (1 + Math.exp(-2)), 10);
    expect(answerProbability(x, { ...model, weights: { bias: -1 } })).toBeCloseTo(1 / (1 + Math.exp(1)), 10);
  });

  it("as a choice, shares one probability among the sources it may answer from and none of them", () => {
    const x = (coverage: number) => FEATURES.map((f) => (f === "bias" ? 1 : f === "textCoverage" ? coverage : 0));
    const model: SecondLookModel = {
      weights: { textCoverage: 2 },
      noneWeights: { bias: 1 },
      answerAt: 0.5,
      vetoBelow: 0,
      associations: {},
    };
    const none = noneEvidence(true, 2);
    const [a, b] = sourceProbabilities([x(1), x(0)], [true, true], none, model);
    const e = Math.E;
    expect(a).toBeCloseTo(e ** 2 / (e ** 2 + 1 + e), 10);
    expect(b).toBeCloseTo(1 / (e ** 2 + 1 + e), 10);
    // A rival as good as the best halves its lead: alike sources are as likely each other's answer.
    const [alone] = sourceProbabilities([x(1)], [true], none, model);
    const [shared] = sourceProbabilities([x(1), x(1)], [true, true], none, model);
    expect(shared!).toBeLessThan(alone!);
    // A source it may not answer from takes no share from the others; its own is what it would have had.
    const [kept, barred] = sourceProbabilities([x(1), x(1)], [true, false], none, model);
    expect(kept).toBeCloseTo(alone!, 10);
    expect(barred).toBeCloseTo(shared!, 10);
    // Without "none" weights each source is judged on its own.
    const { noneWeights: _, ...each } = model;
    expect(sourceProbabilities([x(1)], [true], none, each)[0]).toBeCloseTo(answerProbability(x(1), each), 10);
  });

  it("ships a trained model with a weight for every feature", () => {
    expect(Object.keys(SECOND_LOOK_MODEL.weights).sort()).toEqual([...FEATURES].sort());
    expect(Object.keys(SECOND_LOOK_MODEL.noneWeights ?? {}).sort()).toEqual([...NONE_FEATURES].sort());
    expect(SECOND_LOOK_MODEL.answerAt).toBeGreaterThanOrEqual(0.5);
    expect(SECOND_LOOK_MODEL.answerAt).toBeLessThanOrEqual(1);
    expect(SECOND_LOOK_MODEL.vetoBelow).toBeGreaterThanOrEqual(0);
    expect(SECOND_LOOK_MODEL.vetoBelow).toBeLessThan(1);
    expect(SECOND_LOOK_MODEL.margin ?? 0).toBeGreaterThanOrEqual(0);
    expect(SECOND_LOOK_VERSION).toMatch(/^second-look-/);
  });

  it("ships no association with a digit string: numbers are the training broadcasts', not how viewers ask", () => {
    const keys = Object.keys(SECOND_LOOK_MODEL.associations);
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter((k) => /\d/.test(k))).toEqual([]);
  });
});
