import { describe, expect, it } from "vitest";
import { describeVerdict, memoryVerdict, type MemorySample } from "./memory-verdict.ts";

const MIN = 60_000;

/** Samples every 15 s from `start` for `minutes`, RSS from `rss(minutesIntoLife)` in MiB. */
function life(n: number, start: number, minutes: number, rss: (m: number) => number): MemorySample[] {
  return Array.from({ length: (minutes * MIN) / 15_000 }, (_, i) => ({
    t: start + i * 15_000,
    life: n,
    rssKiB: rss((i * 15_000) / MIN) * 1024,
  }));
}

describe("memoryVerdict", () => {
  it("judges a life that climbs during warm-up and then holds as flat", () => {
    const samples = life(1, 0, 10, (m) => (m < 2 ? 250 + 60 * m : 370 + (m % 1 < 0.5 ? 10 : -10)));
    const v = memoryVerdict(samples, [0]);
    expect(v.flat).toBe(true);
    expect(v.lives[0]).toMatchObject({ life: 1, flat: true });
    expect(Math.abs(v.lives[0]!.slopeMiBPerMin)).toBeLessThan(3);
    expect(describeVerdict(v).at(-1)).toMatch(/FLAT within ±15 %/);
  });

  it("finds growth after warm-up: 30 MiB a minute is not flat, and its slope says so", () => {
    const samples = life(1, 0, 10, (m) => 280 + 30 * m);
    const v = memoryVerdict(samples, [0]);
    expect(v.flat).toBe(false);
    expect(v.lives[0]!.maxPct).toBeGreaterThan(15);
    expect(v.lives[0]!.slopeMiBPerMin).toBeCloseTo(30, 0);
    expect(describeVerdict(v).at(-1)).toMatch(/NOT flat/);
  });

  it("judges every life against its own baseline, leaves short lives out and compares baselines across lives", () => {
    const samples = [
      ...life(1, 0, 5, (m) => (m < 2 ? 200 + 50 * m : 300)),
      ...life(2, 5 * MIN, 5, (m) => (m < 2 ? 200 + 50 * m : 310)),
      ...life(3, 10 * MIN, 2.5, () => 900), // killed before its baseline minute ended
    ];
    const v = memoryVerdict(samples, [0, 5 * MIN, 10 * MIN]);
    expect(v.lives.map((l) => l.life)).toEqual([1, 2]);
    expect(v.unjudged).toEqual([3]);
    expect(v.baselineDriftPct[1]).toBeCloseTo(3.33, 1);
    expect(v.flat).toBe(true);
  });

  it("is not flat when a later life starts from a much higher baseline", () => {
    const samples = [...life(1, 0, 5, () => 300), ...life(2, 5 * MIN, 5, () => 400)];
    const v = memoryVerdict(samples, [0, 5 * MIN]);
    expect(v.lives.every((l) => l.flat)).toBe(true);
    expect(v.flat).toBe(false);
  });

  it("gives no flat verdict without a judged life", () => {
    expect(memoryVerdict([], [0]).flat).toBe(false);
  });
});
