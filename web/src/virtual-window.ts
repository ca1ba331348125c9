/** Rows rendered at least, so short columns are fully in the DOM (and findable by text). */
export const MIN_RENDERED_ROWS = 60;

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Extra rows above and below the viewport, so fast scrolling does not show blanks. */
  overscan?: number;
}

/** The rows a fixed-height virtual list renders: `[start, end)`, plus the spacer heights. */
export interface RowWindow {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

/**
 * Which rows to render for the scroll position. Rendering cost stays bounded by the
 * viewport, not the column length, so a column of hundreds costs as much as one of sixty.
 */
export function visibleWindow({ scrollTop, viewportHeight, rowHeight, count, overscan = 10 }: WindowInput): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  let start = Math.max(0, first - overscan);
  let end = Math.min(count, first + visible + overscan);
  if (end - start < MIN_RENDERED_ROWS) {
    end = Math.min(count, start + MIN_RENDERED_ROWS);
    start = Math.max(0, Math.min(start, end - MIN_RENDERED_ROWS));
  }
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

/** The scrollTop that brings row `index` fully into view (unchanged when it already is). */
export function scrollToRow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}

/** How many chats in a live newest-first column are newer than the frozen view's top one. */
export function newerThan(live: readonly { seq: number }[], topSeq: number): number {
  let lo = 0;
  let hi = live.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (live[mid]!.seq > topSeq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rows from the end of a column at which the next older page is asked for, before the manager reaches it. */
export const OLDER_AHEAD_ROWS = 15;

/** Whether the scroll position is close enough to the column's end to load older chats. */
export function nearEnd(scrollTop: number, viewportHeight: number, rowHeight: number, count: number): boolean {
  return scrollTop + viewportHeight >= (count - OLDER_AHEAD_ROWS) * rowHeight;
}

/**
 * What a column shows while it holds still (the manager reads): the frozen rows, then the live
 * column's chats older than them (older pages that arrived while reading), newest first.
 */
export function withOlder<T extends { seq: number }>(frozen: readonly T[], live: readonly T[]): readonly T[] {
  const last = frozen.at(-1);
  if (!last) return live;
  const from = live.findIndex((c) => c.seq < last.seq);
  return from < 0 ? frozen : frozen.concat(live.slice(from));
}
