import { describe, expect, it } from "vitest";
import { chartBars } from "./intent-chart-geometry.ts";

const minute = (minute: number, question: number, request: number, general: number) => ({
  minute,
  question,
  request,
  general,
});

describe("per-minute intent chart", () => {
  it("stacks questions on the baseline and scales to the busiest minute", () => {
    const { bars, max } = chartBars([minute(1, 10, 0, 10), minute(2, 20, 10, 10)], 100, 40, 0);
    expect(max).toBe(40);
    const second = bars.filter((b) => b.minute === 2);
    expect(second.map((b) => b.intent)).toEqual(["question", "request", "general"]);
    expect(second[0]).toMatchObject({ y: 20, height: 20, x: 50, width: 50 });
    expect(second[2]!.y).toBeCloseTo(0);
    const first = bars.filter((b) => b.minute === 1);
    expect(first.reduce((h, b) => h + b.height, 0)).toBe(20);
  });

  it("draws nothing for no data and skips empty segments", () => {
    expect(chartBars([], 100, 40)).toEqual({ bars: [], max: 0 });
    expect(chartBars([minute(1, 0, 0, 0)], 100, 40).bars).toEqual([]);
  });
});
