import { describe, expect, it } from "vitest";
import { fitLogistic, sigmoid } from "./logistic.ts";

/** A small deterministic generator, so the sample is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
}

describe("fitLogistic", () => {
  it("recovers the weights that generated the labels", () => {
    const random = lcg(7);
    const truth = [-1, 2.5, -1.5];
    const x: number[][] = [];
    const y: number[] = [];
    for (let n = 0; n < 20000; n++) {
      const row = [1, random(), random()];
      x.push(row);
      y.push(random() < sigmoid(row.reduce((z, v, j) => z + v * truth[j]!, 0)) ? 1 : 0);
    }
    const w = fitLogistic(x, y, { l2: 0 });
    w.forEach((wi, j) => expect(wi).toBeCloseTo(truth[j]!, 0));
  });

  it("shrinks weights with L2 but leaves the bias free", () => {
    const x = [
      [1, 1],
      [1, 1],
      [1, 0],
      [1, 0],
    ];
    const y = [1, 1, 0, 1];
    const loose = fitLogistic(x, y, { l2: 0.001 });
    const tight = fitLogistic(x, y, { l2: 10 });
    expect(Math.abs(tight[1]!)).toBeLessThan(Math.abs(loose[1]!));
    expect(tight[0]!).toBeGreaterThan(0);
  });

  it("survives a feature that never varies", () => {
    const w = fitLogistic(
      [
        [1, 0, 1],
        [1, 0, 0],
        [1, 0, 1],
        [1, 0, 0],
      ],
      [1, 0, 1, 0],
      { l2: 0.1 },
    );
    expect(w.every(Number.isFinite)).toBe(true);
    expect(w[2]!).toBeGreaterThan(0);
  });
});
