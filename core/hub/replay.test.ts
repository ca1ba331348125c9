import { describe, expect, it } from "vitest";
import { planReplay } from "./replay.ts";

describe("planReplay", () => {
  it("sends nothing to a board that is up to date", () => {
    expect(planReplay(10, 10, 100)).toEqual({ range: null, resyncFrom: null });
    expect(planReplay(12, 10, 100)).toEqual({ range: null, resyncFrom: null });
  });

  it("replays everything after lastSeq when it fits in one page", () => {
    expect(planReplay(0, 42, 100)).toEqual({ range: { from: 1, to: 42 }, resyncFrom: null });
    expect(planReplay(40, 42, 100)).toEqual({ range: { from: 41, to: 42 }, resyncFrom: null });
  });

  it("pages a large backlog and asks the board to come back for the rest", () => {
    expect(planReplay(0, 250, 100)).toEqual({ range: { from: 1, to: 100 }, resyncFrom: 101 });
    expect(planReplay(100, 250, 100)).toEqual({ range: { from: 101, to: 200 }, resyncFrom: 201 });
    expect(planReplay(200, 250, 100)).toEqual({ range: { from: 201, to: 250 }, resyncFrom: null });
  });

  it("pages cover every seq exactly once", () => {
    const seen: number[] = [];
    let lastSeq = 0;
    for (;;) {
      const plan = planReplay(lastSeq, 1234, 100);
      if (!plan.range) break;
      for (let s = plan.range.from; s <= plan.range.to; s++) seen.push(s);
      lastSeq = plan.range.to;
    }
    expect(seen).toEqual(Array.from({ length: 1234 }, (_, i) => i + 1));
  });
});
