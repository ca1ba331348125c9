import type { CaptureStatus, Claim, ClusterStatus } from "../core/protocol/board.ts";
import { HUB_REPORT_CLUSTERS, type HubReportData } from "../core/report/types.ts";

/**
 * The report's own tables in the hub's SQLite, versioned apart from the log's schema
 * (meta `report_schema_version`) so other features can add log steps without renumbering.
 * The chatter set is filled from the existing log once, when the table is made.
 */
const REPORT_STEPS: readonly (readonly string[])[] = [
  [
    "CREATE TABLE report_chatters (nickname TEXT PRIMARY KEY) WITHOUT ROWID",
    "INSERT OR IGNORE INTO report_chatters (nickname) SELECT DISTINCT nickname FROM chats WHERE nickname <> ''",
    "CREATE TABLE report_answers (answer_id TEXT PRIMARY KEY, cluster_id TEXT, published_at INTEGER NOT NULL, by TEXT)",
    `CREATE TABLE report_status_marks (cluster_id TEXT NOT NULL, status TEXT NOT NULL, at INTEGER NOT NULL, by TEXT,
      PRIMARY KEY (cluster_id, status)) WITHOUT ROWID`,
    "CREATE TABLE report_capture (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, state TEXT NOT NULL, message TEXT)",
  ],
];

/** Capture state changes the report reads (the most recent ones). */
const MAX_CAPTURE_EVENTS = 1000;

/** Applies the report's schema steps this hub has not seen yet. Runs after the log's own migration. */
export function ensureReportSchema(sql: SqlStorage): void {
  const row = sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'report_schema_version'").toArray()[0];
  const version = Number(row?.value ?? 0);
  REPORT_STEPS.slice(version).forEach((statements, i) => {
    for (const statement of statements) sql.exec(statement);
    sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('report_schema_version', ?)", String(version + i + 1));
  });
}

const CHATTERS_KEY = "chatters_seq";

type Meta = { getMeta(key: string): string | null; setMeta(key: string, value: string): void };

/**
 * The exact set of chatters, kept off the chat path: the nicknames of chats logged since the
 * last call (meta `chatters_seq`) are added from the log in one sorted statement, so a second's
 * new chatters touch each page of the set once instead of each batch scattering writes over it
 * (in workerd that scatter cost as much as logging the chats). The log is the source of truth,
 * so nothing is lost to an eviction between calls. The hub calls this every second while chats
 * flow, before it purges chats, and before the report counts.
 */
export function catchUpChatters(sql: SqlStorage, meta: Meta, lastSeq: number): void {
  const from = Number(meta.getMeta(CHATTERS_KEY) ?? 0);
  if (lastSeq <= from) return;
  sql.exec(
    `INSERT OR IGNORE INTO report_chatters (nickname)
     SELECT DISTINCT nickname FROM chats WHERE seq > ? AND seq <= ? AND nickname <> '' ORDER BY nickname`,
    from,
    lastSeq,
  );
  meta.setMeta(CHATTERS_KEY, String(lastSeq));
}

/** A hub made before catch-up wrote every chatter as it logged: its set is complete up to its last seq. */
export function startChatterCatchUp(meta: Meta, lastSeq: number): void {
  if (meta.getMeta(CHATTERS_KEY) === null) meta.setMeta(CHATTERS_KEY, String(lastSeq));
}

/**
 * A published answer as the hub relays it first (edits keep the first time): the cluster it
 * answered and the manager who held that cluster's claim, who is the one answering it.
 */
export function recordPublished(
  sql: SqlStorage,
  claims: readonly Claim[],
  answerId: string,
  at: number,
  clusterId?: string,
): void {
  const by = clusterId === undefined ? null : (claims.find((c) => c.clusterId === clusterId)?.manager ?? null);
  sql.exec(
    "INSERT OR IGNORE INTO report_answers (answer_id, cluster_id, published_at, by) VALUES (?, ?, ?, ?)",
    answerId,
    clusterId ?? null,
    at,
    by,
  );
}

/** The first time a board marked a cluster answered or dismissed, and the marking manager if known. */
export function recordClusterStatus(
  sql: SqlStorage,
  clusterId: string,
  status: ClusterStatus,
  at: number,
  by: string | null,
): void {
  if (status === "open") return;
  sql.exec(
    "INSERT OR IGNORE INTO report_status_marks (cluster_id, status, at, by) VALUES (?, ?, ?, ?)",
    clusterId,
    status,
    at,
    by,
  );
}

/** Keeps a capture state only when it differs from the last one kept (progress reports repeat it). */
export function recordCaptureState(sql: SqlStorage, status: CaptureStatus): void {
  const last = sql.exec<{ state: string }>("SELECT state FROM report_capture ORDER BY id DESC LIMIT 1").toArray()[0];
  if (last?.state === status.state) return;
  sql.exec(
    "INSERT INTO report_capture (at, state, message) VALUES (?, ?, ?)",
    status.at,
    status.state,
    status.message ?? null,
  );
}

const STATUSES = new Set<string>(["open", "answered", "dismissed"]);

/**
 * Everything the report needs from the hub, from aggregates and indexed rows only: counters,
 * the minute table, the chatter set's size, the most asked clusters, and the report's rows.
 * Its cost does not grow with the number of chats.
 */
export function readReportData(sql: SqlStorage, chats: number): HubReportData {
  const counters: Record<string, number> = {};
  for (const r of sql.exec<{ name: string; value: number }>("SELECT name, value FROM counters"))
    counters[r.name] = r.value;
  const count = (query: string) => sql.exec<{ n: number }>(query).one().n;
  const chatAt = (order: "ASC" | "DESC") =>
    sql.exec<{ at: number }>(`SELECT at FROM chats ORDER BY seq ${order} LIMIT 1`).toArray()[0]?.at ?? null;
  const clusters = sql
    .exec<{ id: string; latest: string; count: number; first_at: number; last_at: number; status: string }>(
      "SELECT id, latest, count, first_at, last_at, status FROM clusters ORDER BY count DESC, last_at DESC LIMIT ?",
      HUB_REPORT_CLUSTERS,
    )
    .toArray()
    .map((r) => ({
      id: r.id,
      text: r.latest,
      count: r.count,
      firstAt: r.first_at,
      lastAt: r.last_at,
      status: (STATUSES.has(r.status) ? r.status : "open") as ClusterStatus,
    }));
  return {
    chats,
    counters,
    uniqueChatters: count("SELECT count(*) AS n FROM report_chatters"),
    minutes: sql
      .exec<{ minute: number; general: number; request: number; question: number }>(
        "SELECT minute, general, request, question FROM minute_counts ORDER BY minute",
      )
      .toArray(),
    clusters,
    clustersTotal: count("SELECT count(*) AS n FROM clusters"),
    answerLinks: sql
      .exec<{ answer_id: string; cluster_id: string | null; published_at: number; by: string | null }>(
        "SELECT * FROM report_answers",
      )
      .toArray()
      .map((r) => ({ answerId: r.answer_id, clusterId: r.cluster_id, publishedAt: r.published_at, by: r.by })),
    statusMarks: sql
      .exec<{ cluster_id: string; status: string; at: number; by: string | null }>("SELECT * FROM report_status_marks")
      .toArray()
      .map((r) => ({ clusterId: r.cluster_id, status: r.status, at: r.at, by: r.by })),
    firstChatAt: chatAt("ASC"),
    lastChatAt: chatAt("DESC"),
    captureEvents: sql
      .exec<{ at: number; state: string; message: string | null }>(
        "SELECT at, state, message FROM (SELECT * FROM report_capture ORDER BY id DESC LIMIT ?) ORDER BY id",
        MAX_CAPTURE_EVENTS,
      )
      .toArray(),
  };
}
