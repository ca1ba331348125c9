import { describe, expect, it } from "vitest";
import { fitChoice, shares } from "./choice.ts";

/** A small deterministic generator, so the sample is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
}

/** Draws one option by its probability. */
function draw(p: readonly number[], u: number): number {
  let acc = 0;
  for (let i = 0; i < p.length; i++) if (u < (acc += p[i]!)) return i;
  return p.length - 1;
}

describe("fitChoice", () => {
  it("recovers the weights that generated the choices, options per case varying", () => {
    const random = lcg(11);
    const truth = [2, -1.5, 0.7];
    const cases = Array.from({ length: 4000 }, () => {
      const n = 2 + Math.floor(random() * 4);
      const options = Array.from({ length: n }, () => [random(), random(), random() < 0.5 ? 1 : 0]);
      const chosen = draw(shares(options, truth), random());
      return { options, right: options.map((_, i) => i === chosen) };
    });
    const w = fitChoice(cases, { l2: 0 });
    w.forEach((wi, j) => expect(wi).toBeCloseTo(truth[j]!, 0));
  });

  it("counts a case with several right options as right when any of them is chosen", () => {
    // Options 0 and 1 are both right; feature 0 marks them. The fit makes them likely.
    const options = [
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    const w = fitChoice(
      Array.from({ length: 20 }, () => ({ options, right: [true, true, false] })),
      { l2: 0.1 },
    );
    const p = shares(options, w);
    expect(p[0]! + p[1]!).toBeGreaterThan(0.9);
  });

  it("leaves the free weights unpenalised and skips cases with nothing to choose", () => {
    const options = [
      [1, 0],
      [0, 1],
    ];
    const cases = [
      ...Array.from({ length: 30 }, (_, i) => ({ options, right: [i % 3 !== 0, i % 3 === 0] })),
      { options: [[1, 0]], right: [true] },
      { options, right: [false, false] },
    ];
    const w = fitChoice(cases, { l2: 1000, free: [0] });
    expect(Math.abs(w[1]!)).toBeLessThan(0.01);
    // Two of three cases choose option 0: log(2) ahead of option 1.
    expect(w[0]! - w[1]!).toBeCloseTo(Math.log(2), 1);
  });
});
