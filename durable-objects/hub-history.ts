import { columnOfIntent, intentsOf, nextBefore, olderSpan, SCAN_SPAN, WINDOW_PER_COLUMN } from "../core/hub/window.ts";
import type { BoardChat, BoardServerMessage } from "../core/protocol/board.ts";
import type { Intent } from "../core/protocol/intent.ts";
import { type ChatRow, rowToChat } from "./hub-log.ts";

const COLUMNS = "seq, comment_no, nickname, message, intent, confidence, at, held";
/** Chats moderation holds or denied never reach a column (allowed ones do, personal information masked). */
const SHOWN = "(hold_state IS NULL OR hold_state = 'allowed')";

/**
 * Reads of the hub's log for boards that join late or scroll back: the newest chats of each
 * column up to a seq, and older pages of one column. Each examines at most SCAN_SPAN seqs (the
 * primary key, read backwards), so neither costs more as the broadcast grows.
 */
export function recentWindow(sql: SqlStorage, upToSeq: number): BoardChat[] {
  const want: Record<Intent, number> = {
    question: WINDOW_PER_COLUMN,
    request: WINDOW_PER_COLUMN,
    general: WINDOW_PER_COLUMN,
  };
  let left = 3 * WINDOW_PER_COLUMN;
  const picked: BoardChat[] = [];
  const rows = sql.exec<ChatRow>(
    `SELECT ${COLUMNS} FROM chats WHERE seq BETWEEN ? AND ? AND ${SHOWN} ORDER BY seq DESC`,
    Math.max(1, upToSeq - SCAN_SPAN + 1),
    upToSeq,
  );
  // The cursor reads rows as it goes: stopping once every column is full leaves the rest unread.
  for (const row of rows) {
    const column = columnOfIntent(row.intent);
    if (want[column] === 0) continue;
    want[column]--;
    picked.push(rowToChat(row));
    if (--left === 0) break;
  }
  return picked.reverse();
}

/** One page of a column's chats older than `beforeSeq`, newest first, and where the next page starts. */
export function olderPage(
  sql: SqlStorage,
  column: Intent,
  beforeSeq: number,
  limit: number,
): Extract<BoardServerMessage, { type: "older-chats" }> {
  const firstSeq = sql.exec<{ s: number | null }>("SELECT min(seq) AS s FROM chats").one().s;
  const span = firstSeq === null ? null : olderSpan(beforeSeq, firstSeq);
  if (firstSeq === null || span === null) return { type: "older-chats", column, items: [], next: 0 };
  const intents = intentsOf(column);
  const items = sql
    .exec<ChatRow>(
      `SELECT ${COLUMNS} FROM chats WHERE seq BETWEEN ? AND ? AND ${SHOWN} AND intent IN (${intents.map(() => "?").join(", ")}) ORDER BY seq DESC LIMIT ?`,
      span.from,
      span.to,
      ...intents,
      limit,
    )
    .toArray()
    .map(rowToChat);
  return { type: "older-chats", column, items, next: nextBefore(items, limit, span.from, firstSeq) };
}
