import type { Claim, ClusterView } from "../../core/protocol/index.ts";

/** Clusters by id: `clusters` frames carry only what changed, so they are merged in. */
export type ClusterMap = ReadonlyMap<string, ClusterView>;

/** Merges changed clusters into the map; returns the same map when nothing changed. */
export function applyClusters(map: ClusterMap, items: readonly ClusterView[]): ClusterMap {
  if (items.length === 0) return map;
  const next = new Map(map);
  for (const item of items) next.set(item.id, item);
  return next;
}

/** Marks a cluster locally before the hub echoes it, so the manager's click shows at once. */
export function withStatus(map: ClusterMap, id: string, status: ClusterView["status"]): ClusterMap {
  const current = map.get(id);
  if (!current || current.status === status) return map;
  return new Map(map).set(id, { ...current, status });
}

/**
 * Clusters to show: open ones first, the most asked on top (ties: the most recent), then
 * (when asked for) the answered and dismissed ones the same way.
 */
export function orderedClusters(map: ClusterMap, includeClosed: boolean): ClusterView[] {
  const byCount = (a: ClusterView, b: ClusterView) => b.count - a.count || b.lastAt - a.lastAt;
  const all = [...map.values()];
  const open = all.filter((c) => c.status === "open").sort(byCount);
  if (!includeClosed) return open;
  return open.concat(all.filter((c) => c.status !== "open").sort(byCount));
}

/** How many clusters are answered or dismissed. */
export function closedCount(map: ClusterMap): number {
  let n = 0;
  for (const c of map.values()) if (c.status !== "open") n++;
  return n;
}

/**
 * Other managers answering `clusterId`. The hub lists every board's claim, this one's too:
 * when this board claims the cluster, one entry under its own name is its own.
 */
export function otherClaimants(
  claims: readonly Claim[],
  clusterId: string,
  me: { name: string; claimed: string | null },
): string[] {
  const names = claims.filter((c) => c.clusterId === clusterId).map((c) => c.manager);
  if (me.claimed === clusterId) {
    const own = names.indexOf(me.name);
    if (own >= 0) names.splice(own, 1);
  }
  return names;
}
