import { describe, expect, it } from "vitest";
import type { ClusterView } from "../../core/protocol/index.ts";
import { applyClusters, closedCount, orderedClusters, otherClaimants, withStatus } from "./clusters-state.ts";

function cluster(id: string, count: number, lastAt: number, status: ClusterView["status"] = "open"): ClusterView {
  return { id, count, latest: `q ${id}`, latestSeq: count, firstAt: 0, lastAt, status, draft: null };
}

describe("question clusters on a board", () => {
  it("merges changed clusters by id and keeps the map when a frame is empty", () => {
    const a = applyClusters(new Map(), [cluster("c1", 1, 1), cluster("c2", 2, 2)]);
    const b = applyClusters(a, [cluster("c1", 5, 3)]);
    expect(b.get("c1")?.count).toBe(5);
    expect(b.get("c2")?.count).toBe(2);
    expect(applyClusters(b, [])).toBe(b);
  });

  it("orders open clusters by count then recency, closed ones after when asked", () => {
    const map = applyClusters(new Map(), [
      cluster("a", 3, 1),
      cluster("b", 3, 9),
      cluster("c", 7, 0),
      cluster("d", 50, 5, "dismissed"),
    ]);
    expect(orderedClusters(map, false).map((c) => c.id)).toEqual(["c", "b", "a"]);
    expect(orderedClusters(map, true).map((c) => c.id)).toEqual(["c", "b", "a", "d"]);
    expect(closedCount(map)).toBe(1);
  });

  it("applies a local status change without touching other clusters", () => {
    const map = applyClusters(new Map(), [cluster("a", 1, 1)]);
    const next = withStatus(map, "a", "dismissed");
    expect(next.get("a")?.status).toBe("dismissed");
    expect(map.get("a")?.status).toBe("open");
    expect(withStatus(next, "a", "dismissed")).toBe(next);
    expect(withStatus(next, "zzz", "open")).toBe(next);
  });

  it("finds other managers answering the same cluster, not this one", () => {
    const claims = [
      { clusterId: "c1", manager: "민지" },
      { clusterId: "c1", manager: "Alex" },
      { clusterId: "c2", manager: "Sam" },
    ];
    expect(otherClaimants(claims, "c1", { name: "민지", claimed: "c1" })).toEqual(["Alex"]);
    expect(otherClaimants(claims, "c1", { name: "민지", claimed: null })).toEqual(["민지", "Alex"]);
    expect(otherClaimants(claims, "c3", { name: "민지", claimed: "c3" })).toEqual([]);
    // Two managers with the same name: only one entry is this board's own.
    const twins = [
      { clusterId: "c1", manager: "민지" },
      { clusterId: "c1", manager: "민지" },
    ];
    expect(otherClaimants(twins, "c1", { name: "민지", claimed: "c1" })).toEqual(["민지"]);
  });
});
