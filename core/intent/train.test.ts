import { describe, expect, it } from "vitest";
import { INTENTS } from "../protocol/intent.ts";
import { FEATURE_VERSION } from "./features.ts";
import { createEmbeddedClassifier } from "./model.ts";
import { type Example, buildFeatureSet, fitTemperature, modelFrom, nll, prng, trainSoftmax } from "./train.ts";

const BITS = 14;
const items = ["블랙", "화이트", "55사이즈", "니트", "가방", "신발", "쿠션", "립스틱", "이어폰", "냄비"];

/** Synthetic shop chats whose intent is decided by the sentence ending. */
function synthetic(rand: () => number, n: number): Example[] {
  const endings = [
    ["general", ["예쁘네요", "대박", "좋아요 ㅋㅋ", "샀어요"]],
    ["request", ["보여주세요", "입어봐 주세요", "다시 보여줘"]],
    ["question", ["있나요", "얼마예요", "재입고 되나요?"]],
  ] as const;
  return Array.from({ length: n }, () => {
    const label = Math.floor(rand() * 3);
    const options = endings[label]![1];
    const item = items[Math.floor(rand() * items.length)]!;
    return { text: `${item} ${options[Math.floor(rand() * options.length)]}`, label };
  });
}

describe("trainSoftmax", () => {
  it("learns a small synthetic task and generalises to unseen item/ending pairs", () => {
    const rand = prng(3);
    const train = synthetic(rand, 600);
    const set = buildFeatureSet(train, BITS);
    const full = trainSoftmax(set, { bits: BITS, numClasses: 3, epochs: 4, learningRate: 0.2, l2: 1e-5 });
    const classifier = createEmbeddedClassifier(modelFrom(full, INTENTS, BITS, FEATURE_VERSION));
    const test = [
      ["트렌치코트 예쁘네요", "general"],
      ["트렌치코트 보여주세요", "request"],
      ["트렌치코트 있나요", "question"],
    ] as const;
    const results = classifier.classifyBatch(test.map(([t]) => t)) as { intent: string; confidence: number }[];
    expect(results.map((r) => r.intent)).toEqual(test.map(([, l]) => l));
    for (const r of results) expect(r.confidence).toBeGreaterThan(0.8);
  });

  it("is reproducible for a given seed", () => {
    const set = buildFeatureSet(synthetic(prng(5), 100), BITS);
    const opts = { bits: BITS, numClasses: 3, epochs: 2, learningRate: 0.2, l2: 1e-5, seed: 9 };
    expect(trainSoftmax(set, opts)).toEqual(trainSoftmax(set, opts));
  });
});

describe("fitTemperature", () => {
  it("raises the temperature of an overconfident model and lowers its NLL", () => {
    // Confident (logit margin 6) but right only 70% of the time.
    const n = 1000;
    const logits = new Float64Array(n * 3);
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      logits[i * 3 + 1] = 6;
      labels[i] = i % 10 < 7 ? 1 : 0;
    }
    const t = fitTemperature(logits, labels, 3);
    expect(t).toBeGreaterThan(2);
    expect(nll(logits, labels, 3, t)).toBeLessThan(nll(logits, labels, 3, 1));
    // At the optimum the predicted probability of class 1 matches its 70% frequency.
    const p1 = Math.exp(6 / t) / (Math.exp(6 / t) + 2);
    expect(p1).toBeCloseTo(0.7, 2);
  });
});
