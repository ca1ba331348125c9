import { describe, expect, it } from "vitest";
import { ParaphraseSet, scoreClustering, streamOrder } from "./cluster-eval.ts";

describe("scoreClustering", () => {
  it("is perfect when clusters are the groups", () => {
    const s = scoreClustering([
      { group: "a", cluster: "1" },
      { group: "a", cluster: "1" },
      { group: "b", cluster: "2" },
    ]);
    expect(s).toMatchObject({ precision: 1, recall: 1, f1: 1, largestShares: [1, 1] });
  });

  it("counts pairs split apart against recall and pairs merged wrongly against precision", () => {
    const s = scoreClustering([
      { group: "a", cluster: "1" },
      { group: "a", cluster: "1" },
      { group: "a", cluster: "2" },
      { group: "b", cluster: "2" },
    ]);
    // Pairs in one group: 3 (a×a), of which 1 together; pairs in one cluster: 2, of which 1 right.
    expect(s.recall).toBeCloseTo(1 / 3);
    expect(s.precision).toBeCloseTo(1 / 2);
    expect(s.largestShares).toEqual([2 / 3, 1]);
  });
});

describe("streamOrder", () => {
  const set = ParaphraseSet.parse({
    set: "s",
    broadcast: "b",
    extra: 1,
    groups: [
      { id: "g1", questions: ["a", "b"] },
      { id: "g2", meaning: "m", questions: ["c"] },
    ],
  });

  it("keeps every question once, in an order fixed by the seed", () => {
    const order = streamOrder(set, 7);
    expect(order.map((o) => o.question).sort()).toEqual(["a", "b", "c"]);
    expect(streamOrder(set, 7)).toEqual(order);
  });
});
