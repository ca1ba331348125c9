import type { BoardIntent, Intent } from "../protocol/intent.ts";

/**
 * A late board's start and its scrolling back, as pure rules. A board that joins far behind
 * gets a recent window (the newest chats of each column) instead of the whole log, then asks
 * for older pages of one column at a time; every read examines a bounded span of seqs.
 */

/** Chats of each column in a late board's first window (the board keeps this many a column). */
export const WINDOW_PER_COLUMN = 300;
/** Seqs examined at most by one window or one page: a rare column never makes a read scan the whole log. */
export const SCAN_SPAN = 20_000;
/** Chats in one older page unless the board asks for fewer. */
export const OLDER_PAGE = 100;

/** The intents a board column shows: pending chats wait with general ones. */
export function intentsOf(column: Intent): BoardIntent[] {
  return column === "general" ? ["general", "pending"] : [column];
}

/** The column a logged intent belongs to. */
export function columnOfIntent(intent: BoardIntent): Intent {
  return intent === "pending" ? "general" : intent;
}

/** The seq span one older page of a column reads: `[from, beforeSeq)`, never below the log's first seq. */
export function olderSpan(beforeSeq: number, firstSeq: number): { from: number; to: number } | null {
  const to = beforeSeq - 1;
  const from = Math.max(firstSeq, beforeSeq - SCAN_SPAN, 1);
  return to >= from ? { from, to } : null;
}

/**
 * Where the page after this one starts (the next `beforeSeq`), 0 when nothing older is left:
 * a full page continues below its oldest chat; a short one below the span it read.
 */
export function nextBefore(
  items: readonly { seq: number }[],
  limit: number,
  spanFrom: number,
  firstSeq: number,
): number {
  if (items.length >= limit) return items[items.length - 1]!.seq;
  return spanFrom > firstSeq ? spanFrom : 0;
}

/** Whether a board saying `hello {lastSeq, recent}` should get a window rather than a replay of the gap. */
export function wantsWindow(recent: boolean, lastSeq: number, flushedSeq: number, maxReplay: number): boolean {
  return recent && flushedSeq - lastSeq > maxReplay;
}
