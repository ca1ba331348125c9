/**
 * What a board that says `hello {lastSeq}` is sent. Boards are replayed from the log
 * up to `flushedSeq` (what live frames have already covered); chats after it reach the
 * board through the next coalesced frame, so nothing is sent twice. A backlog larger
 * than `maxChats` is paged: one page now, then `resync` so the board asks for the next.
 */
export interface ReplayPlan {
  /** Inclusive seq range to read from the log, or null when the board is up to date. */
  range: { from: number; to: number } | null;
  /** Set when more remains after this page: the board should say hello again. */
  resyncFrom: number | null;
}

export function planReplay(lastSeq: number, flushedSeq: number, maxChats: number): ReplayPlan {
  const from = Math.max(0, lastSeq) + 1;
  if (from > flushedSeq) return { range: null, resyncFrom: null };
  const to = Math.min(flushedSeq, from + maxChats - 1);
  return { range: { from, to }, resyncFrom: to < flushedSeq ? to + 1 : null };
}
