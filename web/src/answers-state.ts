import type { PublishedAnswer, QaPair } from "../../core/protocol/index.ts";

/** The published answers a board lists, newest first (by first publication). */
export type PublishedList = readonly QaPair[];

/** The list from the API (published ones only, newest first). */
export function fromApi(answers: readonly PublishedAnswer[]): PublishedList {
  return answers
    .filter((a) => a.status === "published")
    .map((a) => ({ id: a.id, question: a.question, answer: a.answer, at: a.updatedAt }));
}

/**
 * A pair published or edited (same id) by any manager: an edit replaces it in place unless
 * this board already holds a newer version; a new one goes on top.
 */
export function applyPublished(list: PublishedList, pair: QaPair): PublishedList {
  const index = list.findIndex((p) => p.id === pair.id);
  if (index < 0) return [pair, ...list];
  if (list[index]!.at > pair.at) return list;
  const next = [...list];
  next[index] = pair;
  return next;
}

/** A pair taken down by any manager. */
export function applyUnpublished(list: PublishedList, id: string): PublishedList {
  return list.some((p) => p.id === id) ? list.filter((p) => p.id !== id) : list;
}

/**
 * Merges the API's list (loaded once when the board opens) with frames that may have
 * arrived meanwhile: frames are newer, so their pairs win; the API's fill the rest.
 */
export function mergeLoaded(
  current: PublishedList,
  loaded: PublishedList,
  unpublished: ReadonlySet<string>,
): PublishedList {
  const known = new Set(current.map((p) => p.id));
  const extra = loaded.filter((p) => !known.has(p.id) && !unpublished.has(p.id));
  return extra.length ? [...current, ...extra].sort((a, b) => b.at - a.at) : current;
}
