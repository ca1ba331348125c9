import type { BoardChat } from "../core/protocol/board.ts";
import type { IngestChat } from "../core/protocol/ingest.ts";

/**
 * Sources whose chats carry string ids (YouTube's message ids): the hub dedupes them by that
 * id, keeps their badge (a Super Chat's amount), and hides chats the source deleted. Its own
 * table in the hub's SQLite, versioned apart from the log (meta `sources_schema_version`) so
 * other features can add log steps without renumbering. Naver and rehearsal chats never touch it.
 */
const SOURCE_STEPS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE chat_sources (source_id TEXT PRIMARY KEY, comment_no INTEGER, badge TEXT, author_id TEXT,
      hidden INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID`,
    "CREATE INDEX chat_sources_comment_no ON chat_sources (comment_no)",
  ],
];

export function ensureSourcesSchema(sql: SqlStorage): void {
  const row = sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'sources_schema_version'").toArray()[0];
  const version = Number(row?.value ?? 0);
  SOURCE_STEPS.slice(version).forEach((statements, i) => {
    for (const statement of statements) sql.exec(statement);
    sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('sources_schema_version', ?)", String(version + i + 1));
  });
}

/** True when any chat of this hub came with a source id (boards' reads then look the table up). */
export function hasSources(sql: SqlStorage): boolean {
  return sql.exec("SELECT 1 FROM chat_sources LIMIT 1").toArray().length > 0;
}

/**
 * The chats whose source id this hub has not seen (nor seen deleted), first of each within the
 * batch: one statement per batch. Chats without a source id pass unchanged.
 */
export function withoutKnownSources(sql: SqlStorage, chats: readonly IngestChat[]): IngestChat[] {
  const ids = chats.flatMap((c) => (c.sourceId ? [c.sourceId] : []));
  if (ids.length === 0) return [...chats];
  const known = new Set(
    sql
      .exec<{ source_id: string }>(
        "SELECT source_id FROM chat_sources WHERE source_id IN (SELECT value FROM json_each(?))",
        JSON.stringify(ids),
      )
      .toArray()
      .map((r) => r.source_id),
  );
  return chats.filter((c) => {
    if (!c.sourceId) return true;
    if (known.has(c.sourceId)) return false;
    known.add(c.sourceId);
    return true;
  });
}

/** Remembers the source ids (and badges) of newly logged chats: one statement per batch. */
export function rememberSources(sql: SqlStorage, chats: readonly IngestChat[]): void {
  const rows = chats.flatMap((c) =>
    c.sourceId ? [[c.sourceId, c.commentNo, c.badge ?? null, c.authorId ?? null]] : [],
  );
  if (rows.length === 0) return;
  sql.exec(
    "INSERT OR IGNORE INTO chat_sources (source_id, comment_no, badge, author_id) SELECT value->>0, value->>1, value->>2, value->>3 FROM json_each(?)",
    JSON.stringify(rows),
  );
}

/**
 * Marks chats the source deleted as hidden; a deletion that arrives before its chat leaves a
 * tombstone so the chat is never shown. Answers the commentNos of logged chats now hidden.
 */
export function hideSources(sql: SqlStorage, sourceIds: readonly string[]): number[] {
  if (sourceIds.length === 0) return [];
  const json = JSON.stringify(sourceIds);
  const hidden = sql
    .exec<{ comment_no: number }>(
      "SELECT comment_no FROM chat_sources WHERE source_id IN (SELECT value FROM json_each(?)) AND hidden = 0 AND comment_no IS NOT NULL",
      json,
    )
    .toArray()
    .map((r) => r.comment_no);
  sql.exec(
    "INSERT INTO chat_sources (source_id, hidden) SELECT value, 1 FROM json_each(?) WHERE true ON CONFLICT(source_id) DO UPDATE SET hidden = 1",
    json,
  );
  return hidden;
}

/** A logged chat's id and author at its source (what YouTube's delete and ban calls name), or null. */
export function sourceOf(sql: SqlStorage, commentNo: number): { sourceId: string; authorId: string | null } | null {
  const row = sql
    .exec<{ source_id: string; author_id: string | null }>(
      "SELECT source_id, author_id FROM chat_sources WHERE comment_no = ?",
      commentNo,
    )
    .toArray()[0];
  return row ? { sourceId: row.source_id, authorId: row.author_id } : null;
}

/** Drops hidden chats from a page read for boards and adds badges. */
export function decorate(sql: SqlStorage, chats: BoardChat[]): BoardChat[] {
  if (chats.length === 0) return chats;
  const rows = sql
    .exec<{ comment_no: number; badge: string | null; hidden: number }>(
      "SELECT comment_no, badge, hidden FROM chat_sources WHERE comment_no BETWEEN ? AND ?",
      Math.min(...chats.map((c) => c.commentNo)),
      Math.max(...chats.map((c) => c.commentNo)),
    )
    .toArray();
  if (rows.length === 0) return chats;
  const byNo = new Map(rows.map((r) => [r.comment_no, r]));
  return chats.flatMap((chat) => {
    const row = byNo.get(chat.commentNo);
    if (row?.hidden) return [];
    return row?.badge ? [{ ...chat, badge: row.badge }] : [chat];
  });
}
