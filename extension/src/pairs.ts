import { VIEWER_LIMITS, type QaPair, type ViewerServerMessage } from "../../core/protocol/viewer.ts";

/**
 * The pairs after one viewer message, newest first: `recent` replaces everything (it is the
 * server's whole current set), `qa` adds or updates by id (an older edit never wins),
 * `unpublish` removes.
 */
export function applyViewerMessage(pairs: readonly QaPair[], message: ViewerServerMessage): QaPair[] {
  switch (message.type) {
    case "recent":
      return sortNewestFirst(message.items);
    case "qa": {
      const { id, question, answer, at } = message;
      const existing = pairs.find((p) => p.id === id);
      if (existing && existing.at > at) return [...pairs];
      return sortNewestFirst([...pairs.filter((p) => p.id !== id), { id, question, answer, at }]);
    }
    case "unpublish":
      return pairs.filter((p) => p.id !== message.id);
    default:
      return [...pairs];
  }
}

function sortNewestFirst(pairs: readonly QaPair[]): QaPair[] {
  return [...pairs].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).slice(0, VIEWER_LIMITS.maxRecentPairs);
}
