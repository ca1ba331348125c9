import { describe, expect, it } from "vitest";
import { FEATURE_VERSION } from "./features.ts";
import {
  type IntentModel,
  UNCERTAIN_BELOW,
  createEmbeddedClassifier,
  isUncertain,
  probabilities,
  softmaxInPlace,
} from "./model.ts";

/** A random model: enough to check the arithmetic without training. */
function randomModel(bits = 10, temperature = 1.5): IntentModel {
  const weights = new Float32Array((1 << bits) * 2);
  let s = 1;
  for (let i = 0; i < weights.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    weights[i] = ((s >>> 8) / (1 << 24) - 0.5) * 0.4;
  }
  return { featureVersion: FEATURE_VERSION, bits, classes: ["general", "request", "question"], temperature, weights };
}

describe("softmax", () => {
  it("returns probabilities that sum to 1 and the index of the largest", () => {
    const z = Float64Array.from([0, 2.5, -1]);
    expect(softmaxInPlace(z)).toBe(1);
    expect(z.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(z[1]).toBeCloseTo(Math.exp(2.5) / (1 + Math.exp(2.5) + Math.exp(-1)), 12);
  });

  it("flattens probabilities as the temperature rises", () => {
    const sharp = Float64Array.from([0, 2, 0]);
    const flat = Float64Array.from([0, 2, 0]);
    softmaxInPlace(sharp, 1);
    softmaxInPlace(flat, 4);
    expect(flat[1]!).toBeLessThan(sharp[1]!);
    expect(flat[1]!).toBeGreaterThan(1 / 3);
  });

  it("stays finite for huge logits", () => {
    const z = Float64Array.from([0, 1000, 999]);
    softmaxInPlace(z);
    expect(z[1]).toBeCloseTo(1 / (1 + Math.exp(-1)), 9);
  });
});

describe("createEmbeddedClassifier", () => {
  const model = randomModel();
  const classifier = createEmbeddedClassifier(model);
  const texts = ["사이즈 몇이에요", "뒷모습 보여주세요", "", "ㅋㅋㅋㅋ 대박", "블랙은요", "   "];

  it("answers one result per chat, in order, matching per-chat probabilities", () => {
    const results = classifier.classifyBatch(texts) as { intent: string; confidence: number }[];
    expect(results).toHaveLength(texts.length);
    texts.forEach((text, i) => {
      if (text.trim() === "") return;
      const p = probabilities(model, text);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      const best = p.indexOf(Math.max(...p));
      expect(results[i]).toEqual({ intent: model.classes[best], confidence: p[best] });
    });
  });

  it("classifies blank chats as general", () => {
    const results = classifier.classifyBatch(["", "  \t "]) as { intent: string }[];
    expect(results.map((r) => r.intent)).toEqual(["general", "general"]);
  });

  it("loads a lazy model once, on first use", () => {
    let loads = 0;
    const lazy = createEmbeddedClassifier(() => {
      loads++;
      return model;
    });
    expect(loads).toBe(0);
    lazy.classifyBatch(["a"]);
    lazy.classifyBatch(["b"]);
    expect(loads).toBe(1);
  });

  it("refuses weights from another feature version", () => {
    const stale = createEmbeddedClassifier({ ...model, featureVersion: FEATURE_VERSION + 1 });
    expect(() => stale.classifyBatch(["a"])).toThrow(/features v/);
  });

  it("flags low confidence as uncertain", () => {
    expect(isUncertain({ intent: "question", confidence: UNCERTAIN_BELOW - 0.01 })).toBe(true);
    expect(isUncertain({ intent: "question", confidence: 0.95 })).toBe(false);
  });
});
