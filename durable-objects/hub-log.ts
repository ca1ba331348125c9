import type { BoardChat, HeldChat, IntentCounts, MinuteCounts } from "../core/protocol/board.ts";
import { maskPersonalInfo } from "../core/moderation/pii.ts";
import { OK_VERDICT, type HoldCategory, type Verdict } from "../core/moderation/types.ts";
import type { IngestChat } from "../core/protocol/ingest.ts";
import type { IntentResult } from "../core/intent/types.ts";
import { bucketByMinute } from "../core/hub/stats.ts";
import { catchUpChatters, ensureReportSchema, startChatterCatchUp } from "./hub-report.ts";
import { decorate, ensureSourcesSchema, hasSources, rememberSources, withoutKnownSources } from "./hub-sources.ts";

/** The hub's SQLite schema, one step per version: never edit a step, add one. */
const SCHEMA_STEPS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE chats (seq INTEGER PRIMARY KEY, comment_no INTEGER NOT NULL UNIQUE, nickname TEXT NOT NULL,
      message TEXT NOT NULL, comment_type TEXT NOT NULL, intent TEXT NOT NULL,
      confidence REAL NOT NULL, at INTEGER NOT NULL, source TEXT NOT NULL)`,
    `CREATE TABLE minute_counts (minute INTEGER PRIMARY KEY,
      general INTEGER NOT NULL DEFAULT 0, request INTEGER NOT NULL DEFAULT 0, question INTEGER NOT NULL DEFAULT 0)`,
    "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
  ],
  [
    `CREATE TABLE clusters (id TEXT PRIMARY KEY, key TEXT NOT NULL, count INTEGER NOT NULL, latest TEXT NOT NULL,
      latest_seq INTEGER NOT NULL, first_at INTEGER NOT NULL, last_at INTEGER NOT NULL, status TEXT NOT NULL, draft TEXT)`,
    "CREATE INDEX clusters_last_at ON clusters (last_at)",
  ],
  [
    // Moderation: NULL for chats nobody held (the hot path writes nothing more for them).
    "ALTER TABLE chats ADD COLUMN held TEXT",
    "ALTER TABLE chats ADD COLUMN hold_state TEXT",
    "ALTER TABLE chats ADD COLUMN hold_score REAL",
    "ALTER TABLE chats ADD COLUMN hold_reasons TEXT",
    "CREATE INDEX chats_hold_state ON chats (hold_state) WHERE hold_state IS NOT NULL",
  ],
];

/** Counters kept in the log's own table so they survive eviction with the chats they count. */
export interface HubCounters extends IntentCounts {
  malformed: number;
  duplicates: number;
  late: number;
  /** Chats moderation held, in all and by category (the report reads these), and decisions. */
  held: number;
  held_abuse: number;
  held_spam: number;
  held_personal_info: number;
  allowed: number;
  denied: number;
}

/** A chat older than this when it arrives is counted as late (and logged all the same). */
export const LATE_AFTER_MS = 60_000;

export interface IntentUpdate extends IntentResult {
  seq: number;
  at: number;
}

export interface AppendResult {
  /** Newly logged chats moderation let through, in seq order. */
  chats: BoardChat[];
  /** Newly logged chats moderation held, in seq order. */
  held: HeldChat[];
  duplicates: number;
  /** Highest commentNo of the batch, -1 for an empty batch. */
  upTo: number;
}

type LogRow = BoardChat & { commentType: string; verdict: Verdict };

/**
 * The hub's chat log in its own SQLite: the source of truth for replay, export and
 * counts. Every method is synchronous (DO SQLite is in-process), and `append` writes a
 * whole batch in one transaction so a batch is durable, or not, as a unit.
 */
export class HubLog {
  private readonly sql: SqlStorage;
  private readonly storage: DurableObjectStorage;
  lastSeq = 0;
  /** Highest commentNo logged: batches entirely above it skip the per-row duplicate check. */
  private maxCommentNo = -1;
  /** Whether any chat came with a source id (then reads add badges and drop hidden chats). */
  private sourced = false;
  counters: HubCounters = {
    general: 0,
    request: 0,
    question: 0,
    malformed: 0,
    duplicates: 0,
    late: 0,
    held: 0,
    held_abuse: 0,
    held_spam: 0,
    held_personal_info: 0,
    allowed: 0,
    denied: 0,
  };

  constructor(storage: DurableObjectStorage) {
    this.storage = storage;
    this.sql = storage.sql;
    this.migrate();
    ensureReportSchema(this.sql);
    ensureSourcesSchema(this.sql);
    this.sourced = hasSources(this.sql);
    const last = this.sql
      .exec<{ s: number | null; c: number | null }>("SELECT max(seq) AS s, max(comment_no) AS c FROM chats")
      .one();
    // After retention purged the chats, numbering continues where it was (boards resume by seq).
    this.lastSeq = Math.max(last.s ?? 0, Number(this.getMeta("seq_floor") ?? 0));
    this.maxCommentNo = last.c ?? -1;
    startChatterCatchUp(this, this.lastSeq);
    for (const row of this.sql.exec<{ name: string; value: number }>("SELECT name, value FROM counters")) {
      if (row.name in this.counters) this.counters[row.name as keyof HubCounters] = row.value;
    }
  }

  /** Applies the schema steps this object has not seen yet, in order, once. */
  private migrate(): void {
    this.sql.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    const row = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").toArray()[0];
    const version = Number(row?.value ?? 0);
    SCHEMA_STEPS.slice(version).forEach((statements, i) => {
      for (const statement of statements) this.sql.exec(statement);
      this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", String(version + i + 1));
    });
  }

  getMeta(key: string): string | null {
    return this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, value);
  }

  /**
   * Appends the chats not already logged (by commentNo, or by source id for sources with
   * string ids) in one transaction, with their intents, or as `pending` when `intents` is null
   * (a remote classifier answers later). Chats with a source id are numbered here, after the
   * highest commentNo logged, so they never collide with another source's numbers.
   */
  append(
    input: readonly IngestChat[],
    inputIntents: readonly IntentResult[] | null,
    source: string,
    now: number,
    inputVerdicts?: readonly Verdict[],
  ): AppendResult {
    const logged: LogRow[] = [];
    let late = 0;
    let upTo = -1;
    this.storage.transactionSync(() => {
      const { chats, intents, verdicts } = this.numberSourced(input, inputIntents, inputVerdicts);
      const rows = chats.map((chat, i) => {
        const { intent, confidence } = intents?.[i] ?? { intent: "pending" as const, confidence: 0 };
        const at = chat.at ?? now;
        if (now - at > LATE_AFTER_MS) late++;
        if (chat.commentNo > upTo) upTo = chat.commentNo;
        const verdict = verdicts?.[i] ?? OK_VERDICT;
        return {
          seq: 0,
          commentNo: chat.commentNo,
          nickname: chat.nickname,
          message: chat.message,
          intent,
          confidence,
          at,
          commentType: chat.commentType,
          verdict,
        };
      });
      // Seqs are committed to memory only once the transaction has written them.
      const seq = this.allNew(rows) ? this.insertAll(rows, source, logged) : this.insertEach(rows, source, logged);
      if (chats.some((c) => c.sourceId)) this.rememberSourced(chats, logged);
      this.addCounters({
        ...countIntents(logged),
        ...countHeld(logged),
        duplicates: input.length - logged.length,
        late,
      });
      this.addMinutes(logged);
      this.lastSeq = seq;
      if (upTo > this.maxCommentNo) this.maxCommentNo = upTo;
    });
    const passed: BoardChat[] = [];
    const held: HeldChat[] = [];
    for (const row of logged) {
      // Built field by field: an object rest (`{ verdict, ...chat }`) is a slow runtime call per chat.
      const chat: BoardChat = {
        seq: row.seq,
        commentNo: row.commentNo,
        nickname: row.nickname,
        message: row.message,
        intent: row.intent,
        confidence: row.confidence,
        at: row.at,
      };
      if (row.badge !== undefined) chat.badge = row.badge;
      const verdict = row.verdict;
      if (verdict.hold) held.push(heldView(chat, verdict.category!, verdict.score, verdict.reasons, "held"));
      else passed.push(chat);
    }
    return { chats: passed, held, duplicates: input.length - logged.length, upTo };
  }

  /** Drops chats whose source id is known and numbers the rest (intents stay aligned). */
  private numberSourced(
    input: readonly IngestChat[],
    intents: readonly IntentResult[] | null,
    verdicts?: readonly Verdict[],
  ) {
    if (!input.some((c) => c.sourceId)) return { chats: input, intents, verdicts };
    const fresh = new Set(withoutKnownSources(this.sql, input));
    let next = Math.max(this.maxCommentNo, 0);
    const chats: IngestChat[] = [];
    const kept: IntentResult[] = [];
    const keptVerdicts: Verdict[] = [];
    input.forEach((chat, i) => {
      if (!fresh.has(chat)) return;
      chats.push(chat.sourceId ? { ...chat, commentNo: ++next } : chat);
      if (intents) kept.push(intents[i]!);
      if (verdicts) keptVerdicts.push(verdicts[i]!);
    });
    return { chats, intents: intents ? kept : null, verdicts: verdicts ? keptVerdicts : undefined };
  }

  private rememberSourced(chats: readonly IngestChat[], logged: LogRow[]): void {
    const loggedNos = new Set(logged.map((c) => c.commentNo));
    rememberSources(
      this.sql,
      chats.filter((c) => loggedNos.has(c.commentNo)),
    );
    this.sourced = true;
    const badges = new Map(chats.flatMap((c) => (c.badge ? [[c.commentNo, c.badge] as const] : [])));
    for (const chat of logged) {
      const badge = badges.get(chat.commentNo);
      if (badge) chat.badge = badge;
    }
  }

  /** True when every commentNo is above all logged ones and increasing: none can be a duplicate. */
  private allNew(rows: readonly { commentNo: number }[]): boolean {
    let previous = this.maxCommentNo;
    for (const row of rows) {
      if (row.commentNo <= previous) return false;
      previous = row.commentNo;
    }
    return true;
  }

  /**
   * The fast path (sources like Naver number chats in increasing order): the batch in one
   * statement, passed as one JSON parameter that SQLite unpacks itself (in workerd this costs
   * far less than binding the values: a statement takes at most 100 of them, and bound
   * multi-row inserts measured about three times slower). Rows moderation held carry four
   * more columns and go one statement each (they are few).
   */
  private insertAll(rows: LogRow[], source: string, logged: LogRow[]): number {
    let seq = this.lastSeq;
    const plain: (string | number)[][] = [];
    for (const r of rows) {
      r.seq = ++seq;
      if (r.verdict.hold) this.insertHeld(r, source);
      else plain.push([r.seq, r.commentNo, r.nickname, r.message, r.commentType, r.intent, r.confidence, r.at]);
    }
    if (plain.length) {
      this.sql.exec(
        `INSERT INTO chats (seq, comment_no, nickname, message, comment_type, intent, confidence, at, source)
         SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, ? FROM json_each(?)`,
        source,
        JSON.stringify(plain),
      );
    }
    for (const row of rows) logged.push(row);
    return seq;
  }

  private insertHeld(row: LogRow, source: string): void {
    this.sql.exec(`INSERT INTO chats ${CHAT_COLUMNS} VALUES ${CHAT_VALUES}`, ...chatValues(row, row.seq, source));
  }

  /** The general path: row by row, letting the unique commentNo index drop duplicates. */
  private insertEach(rows: LogRow[], source: string, logged: LogRow[]): number {
    let seq = this.lastSeq;
    for (const row of rows) {
      const cursor = this.sql.exec(
        `INSERT OR IGNORE INTO chats ${CHAT_COLUMNS} VALUES ${CHAT_VALUES}`,
        ...chatValues(row, seq + 1, source),
      );
      if (cursor.rowsWritten === 0) continue;
      row.seq = ++seq;
      logged.push(row);
    }
    return seq;
  }

  /** Sets the intents of chats logged as pending, in one transaction; others are left alone. */
  setIntents(updates: readonly IntentUpdate[]): IntentUpdate[] {
    const applied: IntentUpdate[] = [];
    this.storage.transactionSync(() => {
      for (const u of updates) {
        const cursor = this.sql.exec(
          "UPDATE chats SET intent = ?, confidence = ? WHERE seq = ? AND intent = 'pending'",
          u.intent,
          u.confidence,
          u.seq,
        );
        if (cursor.rowsWritten > 0) applied.push(u);
      }
      this.addCounters(countIntents(applied));
      this.addMinutes(applied);
    });
    return applied;
  }

  /** Adds the nicknames of chats logged since the last call to the report's chatter set (hub-report.ts). */
  catchUpChatters(): void {
    this.storage.transactionSync(() => catchUpChatters(this.sql, this, this.lastSeq));
  }

  /** Seq and text of chats still pending (after a restart lost their classification call). */
  pendingChats(limit: number): { seq: number; at: number; message: string }[] {
    return this.sql
      .exec<{ seq: number; at: number; message: string }>(
        "SELECT seq, at, message FROM chats WHERE intent = 'pending' AND (hold_state IS NULL OR hold_state = 'allowed') ORDER BY seq LIMIT ?",
        limit,
      )
      .toArray();
  }

  /** Retention: drops every chat and question cluster; seq numbering and counts are kept. */
  purgeChats(): void {
    this.storage.transactionSync(() => {
      this.setMeta("seq_floor", String(this.lastSeq));
      this.sql.exec("DELETE FROM chats");
      this.sql.exec("DELETE FROM clusters");
    });
  }

  /** Retention: drops per-minute counts older than `beforeMinute`. The chat log stays with the broadcast. */
  pruneMinutes(beforeMinute: number): void {
    this.sql.exec("DELETE FROM minute_counts WHERE minute < ?", beforeMinute);
  }

  private addMinutes(chats: readonly { at: number; intent: BoardChat["intent"] }[]): void {
    for (const [minute, c] of bucketByMinute(chats)) {
      this.sql.exec(
        `INSERT INTO minute_counts (minute, general, request, question) VALUES (?, ?, ?, ?)
         ON CONFLICT(minute) DO UPDATE SET general = general + excluded.general,
         request = request + excluded.request, question = question + excluded.question`,
        minute,
        c.general,
        c.request,
        c.question,
      );
    }
  }

  /** Adds to the persistent counters (malformed messages are counted here too), in one statement. */
  addCounters(deltas: Partial<HubCounters>): void {
    const values: (string | number)[] = [];
    for (const name in deltas) {
      const delta = deltas[name as keyof HubCounters];
      if (!delta) continue;
      values.push(name, delta);
      this.counters[name as keyof HubCounters] += delta;
    }
    if (values.length) this.sql.exec(upsertCounters(values.length / 2), ...values);
  }

  /**
   * Chats with `from <= seq <= to`, in order, as boards and exports see them: chats held or
   * denied by moderation left out, personal information masked in those allowed.
   */
  range(from: number, to: number): BoardChat[] {
    const chats = this.sql
      .exec<ChatRow>(
        `SELECT seq, comment_no, nickname, message, intent, confidence, at, held FROM chats
         WHERE seq BETWEEN ? AND ? AND (hold_state IS NULL OR hold_state = 'allowed') ORDER BY seq`,
        from,
        to,
      )
      .toArray()
      .map(rowToChat);
    return this.sourced ? decorate(this.sql, chats) : chats;
  }

  minutes(fromMinute: number): MinuteCounts[] {
    return this.sql
      .exec<MinuteCounts>(
        "SELECT minute, general, request, question FROM minute_counts WHERE minute >= ? ORDER BY minute",
        fromMinute,
      )
      .toArray();
  }
}

export type ChatRow = {
  seq: number;
  comment_no: number;
  nickname: string;
  message: string;
  intent: BoardChat["intent"];
  confidence: number;
  at: number;
  held?: string | null;
};

export function rowToChat(r: ChatRow): BoardChat {
  const message = r.held === "personal_info" ? maskPersonalInfo(r.message) : r.message;
  return {
    seq: r.seq,
    commentNo: r.comment_no,
    nickname: r.nickname,
    message,
    intent: r.intent,
    confidence: r.confidence,
    at: r.at,
  };
}

/** A held chat as boards see it: personal information masked. */
export function heldView(
  chat: BoardChat,
  category: HoldCategory,
  score: number,
  reasons: readonly string[],
  state: HeldChat["state"],
): HeldChat {
  const message = category === "personal_info" ? maskPersonalInfo(chat.message) : chat.message;
  return { ...chat, message, category, score, reasons: [...reasons], state };
}

function countHeld(rows: readonly { verdict: Verdict }[]): Partial<HubCounters> {
  const c = { held: 0, held_abuse: 0, held_spam: 0, held_personal_info: 0 };
  for (const { verdict } of rows) {
    if (!verdict.hold) continue;
    c.held++;
    c[`held_${verdict.category!}`]++;
  }
  return c;
}

const counterUpserts: string[] = [];
function upsertCounters(n: number): string {
  return (counterUpserts[n] ??= `INSERT INTO counters (name, value) VALUES ${Array(n).fill("(?, ?)").join(", ")}
     ON CONFLICT(name) DO UPDATE SET value = value + excluded.value`);
}

function countIntents(chats: readonly { intent: BoardChat["intent"] }[]): IntentCounts {
  const c = { general: 0, request: 0, question: 0 };
  for (const chat of chats) if (chat.intent !== "pending") c[chat.intent]++;
  return c;
}

/** The chats table's columns one logged chat fills, with their placeholders and values (chatValues). */
const CHAT_COLUMNS =
  "(seq, comment_no, nickname, message, comment_type, intent, confidence, at, source, held, hold_state, hold_score, hold_reasons)";
const CHAT_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

function chatValues(row: LogRow, seq: number, source: string): SqlStorageValue[] {
  const v = row.verdict;
  return [
    seq,
    row.commentNo,
    row.nickname,
    row.message,
    row.commentType,
    row.intent,
    row.confidence,
    row.at,
    source,
    v.hold ? v.category : null,
    v.hold ? "held" : null,
    v.hold ? v.score : null,
    v.hold ? v.reasons.join(",") : null,
  ];
}
