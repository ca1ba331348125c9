import type {
  BoardChat,
  BoardIntent,
  BoardServerMessage,
  Intent,
  IntentCounts,
  MinuteCounts,
} from "../../core/protocol/index.ts";

/**
 * The live board as pure, immutable data: what each column shows (newest first, bounded),
 * the highest `seq` applied (the resume point), and the counts. No DOM, no sockets:
 * `board-store.ts` feeds frames in, components read the result.
 */
export interface BoardState {
  /** Highest seq applied (or skipped by a resync); chats at or below it are duplicates. */
  readonly lastSeq: number;
  /** Each column newest first (descending seq), at most `limit` items. Pending chats wait in `general`. */
  readonly columns: Readonly<Record<Intent, readonly BoardChat[]>>;
  /** Counts of every chat this board has received, including ones that scrolled out of view. */
  readonly local: Readonly<IntentCounts & { pending: number }>;
  /** The hub's authoritative totals, once a `stats` frame has arrived. */
  readonly totals: IntentCounts | null;
  readonly perMinute: readonly MinuteCounts[];
  readonly serverMalformed: number;
  readonly serverDuplicates: number;
  /** Chats the hub logged more than a minute after they were written. */
  readonly serverLate: number;
  /** Chats the hub could no longer replay (a `resync` jumped past them). */
  readonly skipped: number;
  /**
   * Per column, items kept beyond `limit` because the manager scrolled back and loaded older
   * pages (bounded by `MAX_OLDER`); 0 again once they return to the live top.
   */
  readonly extra: Readonly<Record<Intent, number>>;
  /** Per column, where the next older page starts: null = below the oldest shown, 0 = nothing older. */
  readonly olderFrom: Readonly<Record<Intent, number | null>>;
}

/** Frames that change the board; the socket layer handles the rest. */
export type BoardFrame = Extract<
  BoardServerMessage,
  { type: "chats" | "intents" | "stats" | "resync" | "chats-hidden" | "window" | "older-chats" }
>;
type IntentUpdate = Extract<BoardServerMessage, { type: "intents" }>["updates"][number];
type StatsFrame = Extract<BoardServerMessage, { type: "stats" }>;

/** Items kept per column: enough to read back a few minutes, bounded for memory and render cost. */
export const COLUMN_LIMIT = 300;
/** Older chats a column keeps at most while the manager scrolls back (memory and render bound). */
export const MAX_OLDER = 3000;
/** Below this confidence a chat is marked uncertain. */
export const UNCERTAIN_BELOW = 0.6;

const COLUMNS: readonly Intent[] = ["question", "request", "general"];

export function emptyBoard(): BoardState {
  return {
    lastSeq: 0,
    columns: { question: [], request: [], general: [] },
    local: { question: 0, request: 0, general: 0, pending: 0 },
    totals: null,
    perMinute: [],
    serverMalformed: 0,
    serverDuplicates: 0,
    serverLate: 0,
    skipped: 0,
    extra: { question: 0, request: 0, general: 0 },
    olderFrom: { question: null, request: null, general: null },
  };
}

/** The column a chat appears in: pending chats sit with general ones until classified. */
export function columnOf(intent: BoardIntent): Intent {
  return intent === "pending" ? "general" : intent;
}

/** Whether the board should flag the chat's classification as unsure. */
export function isUncertain(chat: BoardChat): boolean {
  return chat.intent !== "pending" && chat.confidence < UNCERTAIN_BELOW;
}

/** Column counts to display: the hub's totals when known, else what this board has seen. */
export function displayCounts(state: BoardState): IntentCounts {
  if (state.totals) return state.totals;
  const { question, request, general } = state.local;
  return { question, request, general };
}

/** Adds new chats (increasing seq); anything at or below `lastSeq` is a duplicate and ignored. */
export function applyChats(state: BoardState, items: readonly BoardChat[], limit = COLUMN_LIMIT): BoardState {
  const fresh: Record<Intent, BoardChat[]> = { question: [], request: [], general: [] };
  const local = { ...state.local };
  let lastSeq = state.lastSeq;
  for (const item of items) {
    if (item.seq <= lastSeq) continue;
    lastSeq = item.seq;
    local[item.intent]++;
    fresh[columnOf(item.intent)].push(item);
  }
  if (lastSeq === state.lastSeq) return state;
  const columns = { ...state.columns };
  const extra = { ...state.extra };
  const olderFrom = { ...state.olderFrom };
  for (const column of COLUMNS) {
    const added = fresh[column];
    if (added.length === 0) continue;
    // While the manager reads older pages the column grows (to its bound) rather than dropping what they read.
    if (extra[column] > 0) extra[column] = Math.min(MAX_OLDER, extra[column] + added.length);
    const keep = limit + extra[column];
    const newestFirst = added.slice(-keep).reverse();
    // Chats dropped off the end: the next older page starts below what is shown again, leaving no gap.
    if (state.columns[column].length + newestFirst.length > keep) olderFrom[column] = null;
    columns[column] = newestFirst.concat(state.columns[column].slice(0, keep - newestFirst.length));
  }
  return { ...state, lastSeq, local, columns, extra, olderFrom };
}

/**
 * A late board's start: the hub's recent window (the newest chats of each column, in seq order)
 * replaces what the board showed; everything older is reached by scrolling back.
 */
export function applyWindow(
  state: BoardState,
  items: readonly BoardChat[],
  windowLastSeq: number,
  limit = COLUMN_LIMIT,
): BoardState {
  const base: BoardState = {
    ...state,
    columns: { question: [], request: [], general: [] },
    extra: emptyBoard().extra,
    olderFrom: emptyBoard().olderFrom,
    lastSeq: 0,
  };
  const next = applyChats(base, items, limit);
  return { ...next, lastSeq: Math.max(state.lastSeq, windowLastSeq, next.lastSeq) };
}

/** An older page of one column (newest first): appended below what it shows, each chat once, within MAX_OLDER. */
export function applyOlder(
  state: BoardState,
  column: Intent,
  items: readonly BoardChat[],
  next: number,
  limit = COLUMN_LIMIT,
): BoardState {
  const shown = state.columns[column];
  const oldest = shown.at(-1)?.seq ?? Infinity;
  const fresh = items.filter((c) => c.seq < oldest && columnOf(c.intent) === column);
  const kept = fresh.slice(0, Math.max(0, limit + MAX_OLDER - shown.length));
  const olderFrom = { ...state.olderFrom, [column]: kept.length < fresh.length ? (kept.at(-1)?.seq ?? oldest) : next };
  if (kept.length === 0) return { ...state, olderFrom };
  const extra = { ...state.extra, [column]: Math.max(state.extra[column], shown.length + kept.length - limit) };
  return { ...state, columns: { ...state.columns, [column]: shown.concat(kept) }, extra, olderFrom };
}

/** A column (every one by default) is back at its live top: older pages are let go, it returns to its bound. */
export function dropOlder(state: BoardState, only?: Intent, limit = COLUMN_LIMIT): BoardState {
  const which = only ? [only] : COLUMNS;
  if (which.every((c) => state.extra[c] === 0 && state.olderFrom[c] === null)) return state;
  const columns = { ...state.columns };
  const extra = { ...state.extra };
  const olderFrom = { ...state.olderFrom };
  for (const c of which) {
    columns[c] = columns[c].slice(0, limit);
    extra[c] = 0;
    olderFrom[c] = null;
  }
  return { ...state, columns, extra, olderFrom };
}

/** Where the next older page of a column starts, or null when nothing older is left. */
export function olderCursor(state: BoardState, column: Intent): number | null {
  const from = state.olderFrom[column];
  if (from === 0 || state.extra[column] >= MAX_OLDER) return null;
  if (from !== null) return from;
  const oldest = state.columns[column].at(-1)?.seq ?? state.lastSeq + 1;
  return oldest > 1 ? oldest : null;
}

/** Index of `seq` in a newest-first column, or -1. */
function indexOfSeq(column: readonly BoardChat[], seq: number): number {
  let lo = 0;
  let hi = column.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = column[mid]!.seq;
    if (at === seq) return mid;
    if (at > seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Where `seq` belongs in a newest-first column. */
function insertionIndex(column: readonly BoardChat[], seq: number): number {
  let lo = 0;
  let hi = column.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (column[mid]!.seq > seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Applies late classifications: the chat changes intent and moves to its column (keeping
 * seq order). A chat no longer in view still moves its count from pending to its intent.
 */
export function applyIntents(state: BoardState, updates: readonly IntentUpdate[], limit = COLUMN_LIMIT): BoardState {
  let copies: Record<Intent, BoardChat[]> | null = null;
  const local = { ...state.local };
  let changed = false;
  for (const update of updates) {
    if (update.seq > state.lastSeq) continue;
    const current = copies ?? state.columns;
    const found = findChat(current, update.seq);
    if (found && found.chat.intent === update.intent && found.chat.confidence === update.confidence) continue;
    copies ??= {
      question: [...state.columns.question],
      request: [...state.columns.request],
      general: [...state.columns.general],
    };
    changed = true;
    if (found) {
      copies[found.column].splice(found.index, 1);
      local[found.chat.intent] = Math.max(0, local[found.chat.intent] - 1);
      const moved: BoardChat = { ...found.chat, intent: update.intent, confidence: update.confidence };
      const target = copies[columnOf(update.intent)];
      target.splice(insertionIndex(target, moved.seq), 0, moved);
      const keep = limit + state.extra[columnOf(update.intent)];
      if (target.length > keep) target.length = keep;
    } else {
      local.pending = Math.max(0, local.pending - 1);
    }
    local[update.intent]++;
  }
  if (!changed) return state;
  return { ...state, local, columns: copies ?? state.columns };
}

function findChat(
  columns: Readonly<Record<Intent, readonly BoardChat[]>>,
  seq: number,
): { column: Intent; index: number; chat: BoardChat } | null {
  for (const column of COLUMNS) {
    const index = indexOfSeq(columns[column], seq);
    if (index >= 0) return { column, index, chat: columns[column][index]! };
  }
  return null;
}

/** Takes the hub's counts as the truth for the column headers. */
export function applyStats(state: BoardState, stats: StatsFrame): BoardState {
  return {
    ...state,
    totals: stats.totals,
    perMinute: stats.perMinute,
    serverMalformed: stats.malformed,
    serverDuplicates: stats.duplicates,
    serverLate: stats.late,
  };
}

/**
 * The hub can only replay from `fromSeq`: keep what is shown, move the resume point so
 * the next `hello` asks for `fromSeq - 1`, and count the chats jumped over.
 */
export function applyResync(state: BoardState, fromSeq: number): BoardState {
  const lastSeq = fromSeq - 1;
  if (lastSeq <= state.lastSeq) return state;
  return { ...state, lastSeq, skipped: state.skipped + (lastSeq - state.lastSeq) };
}

/** Applies a run of frames in arrival order; returns the same object when nothing changed. */
export function applyFrames(state: BoardState, frames: readonly BoardFrame[], limit = COLUMN_LIMIT): BoardState {
  let next = state;
  for (const frame of frames) {
    switch (frame.type) {
      case "chats":
        next = applyChats(next, frame.items, limit);
        break;
      case "intents":
        next = applyIntents(next, frame.updates, limit);
        break;
      case "stats":
        next = applyStats(next, frame);
        break;
      case "resync":
        next = applyResync(next, frame.fromSeq);
        break;
      case "chats-hidden":
        next = applyHidden(next, frame.commentNos);
        break;
      case "window":
        next = applyWindow(next, frame.items, frame.lastSeq, limit);
        break;
      case "older-chats":
        next = applyOlder(next, frame.column, frame.items, frame.next, limit);
        break;
    }
  }
  return next;
}

/** Takes chats the source deleted (a YouTube moderator or author) off every column. */
export function applyHidden(state: BoardState, commentNos: readonly number[]): BoardState {
  const hidden = new Set(commentNos);
  let changed = false;
  const columns = { ...state.columns };
  for (const column of COLUMNS) {
    const kept = state.columns[column].filter((c) => !hidden.has(c.commentNo));
    if (kept.length !== state.columns[column].length) {
      columns[column] = kept;
      changed = true;
    }
  }
  return changed ? { ...state, columns } : state;
}

/**
 * Chats in the last complete minute (the hub's window is oldest first and ends with the
 * current, still-filling minute), or null before any stats arrived.
 */
export function lastMinuteRate(perMinute: readonly MinuteCounts[]): number | null {
  const entry = perMinute.length >= 2 ? perMinute[perMinute.length - 2] : perMinute[0];
  return entry ? entry.general + entry.request + entry.question : null;
}
