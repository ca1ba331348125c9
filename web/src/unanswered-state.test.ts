import { describe, expect, it } from "vitest";
import type { ClusterView } from "../../core/protocol/index.ts";
import { unansweredSummary } from "./unanswered-state.ts";

const cluster = (id: string, count: number, status: ClusterView["status"], lastAt = 0): ClusterView => ({
  id,
  count,
  latest: id,
  latestSeq: 1,
  firstAt: 0,
  lastAt,
  status,
  draft: null,
});

describe("unansweredSummary", () => {
  it("lists the most asked open clusters and totals only the open ones", () => {
    const map = new Map(
      [
        cluster("a", 3, "open"),
        cluster("b", 9, "answered"),
        cluster("c", 5, "open"),
        cluster("d", 1, "open", 9),
        cluster("e", 4, "dismissed"),
      ].map((c) => [c.id, c]),
    );
    const summary = unansweredSummary(map, 2);
    expect(summary.items.map((c) => c.id)).toEqual(["c", "a"]);
    expect([summary.clusters, summary.questions]).toEqual([3, 9]);
  });
});
