import type { ClusterView } from "../../core/protocol/index.ts";
import { orderedClusters, type ClusterMap } from "./clusters-state.ts";

/** The board's "unanswered, most asked" figures: the top open clusters and the open totals. */
export function unansweredSummary(
  map: ClusterMap,
  top: number,
): { items: ClusterView[]; clusters: number; questions: number } {
  const open = orderedClusters(map, false);
  return { items: open.slice(0, top), clusters: open.length, questions: open.reduce((n, c) => n + c.count, 0) };
}
