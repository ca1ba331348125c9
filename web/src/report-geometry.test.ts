import { describe, expect, it } from "vitest";
import { answerMarks, chartMinutes, durationParts } from "./report-geometry.ts";

const M = 60_000;
const minute = (i: number, question = 1, request = 0, general = 0) => ({ minute: i * M, question, request, general });

describe("chartMinutes", () => {
  it("keeps a short broadcast minute by minute", () => {
    const perMinute = [minute(10), minute(11)];
    expect(chartMinutes(perMinute, 4)).toEqual({ bars: perMinute, stepMs: M });
  });

  it("sums consecutive minutes of a long broadcast into at most maxBars", () => {
    const perMinute = Array.from({ length: 7 }, (_, i) => minute(i, 1, i, 2));
    const { bars, stepMs } = chartMinutes(perMinute, 3);
    expect(stepMs).toBe(3 * M);
    expect(bars).toEqual([
      { minute: 0, question: 3, request: 3, general: 6 },
      { minute: 3 * M, question: 3, request: 12, general: 6 },
      { minute: 6 * M, question: 1, request: 6, general: 2 },
    ]);
  });
});

describe("answerMarks", () => {
  it("centres a marker on the bar of each answer minute and merges answers in one bar", () => {
    const bars = [minute(0), minute(2), minute(4)];
    expect(answerMarks(bars, 2 * M, [0, 3 * M, 2 * M, 9 * M, -M], 300)).toEqual([
      { x: 50, at: 0, answers: 1 },
      { x: 150, at: 2 * M, answers: 2 },
    ]);
  });

  it("has none without bars", () => {
    expect(answerMarks([], M, [0], 100)).toEqual([]);
  });
});

describe("durationParts", () => {
  it("splits rounded seconds into hours, minutes and seconds", () => {
    expect(durationParts(3_723_400)).toEqual({ h: 1, m: 2, s: 3 });
    expect(durationParts(-5)).toEqual({ h: 0, m: 0, s: 0 });
  });
});
