import { describe, expect, it } from "vitest";
import { confusionMatrix, evaluate, evaluateConfusion, formatEvaluation } from "./metrics.ts";

const LABELS = ["general", "request", "question"];

describe("metrics", () => {
  it("counts (gold, predicted) pairs into a confusion matrix", () => {
    const gold = ["general", "general", "request", "question", "question"];
    const pred = ["general", "question", "request", "question", "general"];
    expect(confusionMatrix(gold, pred, LABELS)).toEqual([
      [1, 0, 1],
      [0, 1, 0],
      [1, 0, 1],
    ]);
  });

  it("computes per-class P/R/F1 and macro-F1 from a hand-checked matrix", () => {
    // general: tp 8, predicted 8+1+2=11, support 10 → P 8/11, R 0.8
    // request: tp 5, predicted 1+5+1=7,  support 6  → P 5/7,  R 5/6
    // question: tp 6, predicted 1+0+6=7, support 9  → P 6/7,  R 6/9
    const ev = evaluateConfusion(
      [
        [8, 1, 1],
        [1, 5, 0],
        [2, 1, 6],
      ],
      LABELS,
    );
    const f1 = (p: number, r: number) => (2 * p * r) / (p + r);
    const expected = [f1(8 / 11, 0.8), f1(5 / 7, 5 / 6), f1(6 / 7, 6 / 9)];
    ev.perClass.forEach((m, i) => expect(m.f1).toBeCloseTo(expected[i]!, 12));
    expect(ev.perClass.map((m) => m.support)).toEqual([10, 6, 9]);
    expect(ev.perClass[0]!.precision).toBeCloseTo(8 / 11, 12);
    expect(ev.macroF1).toBeCloseTo((expected[0]! + expected[1]! + expected[2]!) / 3, 12);
    expect(ev.accuracy).toBeCloseTo(19 / 25, 12);
  });

  it("leaves out of macro-F1 a class that never occurs", () => {
    const ev = evaluate(["request", "question"], ["request", "question"], LABELS);
    expect(ev.macroF1).toBe(1);
  });

  it("rejects unknown labels and mismatched lengths", () => {
    expect(() => confusionMatrix(["general"], ["other"], LABELS)).toThrow(/unknown label/);
    expect(() => confusionMatrix(["general"], [], LABELS)).toThrow();
  });

  it("formats a report with the macro-F1 and the matrix", () => {
    const text = formatEvaluation("t", evaluate(["general", "request"], ["general", "general"], LABELS));
    expect(text).toContain("macro-F1");
    expect(text).toMatch(/general\s+1\s+0\s+0/);
  });
});
