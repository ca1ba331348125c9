import { allShards, remainingShards, retryDelay, type DeliveryStatus, type RoundResult } from "../core/hub/outbox.ts";
import { ViewerEvent } from "../core/protocol/viewer.ts";

/** One answer's newest intention and the shards that have not confirmed it. */
export interface OutboxEntry {
  answerId: string;
  event: ViewerEvent;
  version: number;
  shards: number;
  pending: number[];
  attempts: number;
  nextAt: number;
}

type OutboxRow = {
  answer_id: string;
  event: string;
  version: number;
  shards: number;
  pending: string;
  attempts: number;
  next_at: number;
};

/**
 * The hub's viewer outbox in its own SQLite table: publish, edit and unpublish are written here
 * before any shard is called, so an eviction or a failing shard loses nothing; the hub's alarm
 * retries until every shard confirms. Rows go once delivered everywhere, so the table holds only
 * what is still on its way (bounded by the answers a broadcast publishes).
 */
export class HubOutbox {
  private readonly sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.sql = sql;
    // Its own table, created here rather than in the log's schema steps: it is independent of the log.
    sql.exec(`CREATE TABLE IF NOT EXISTS viewer_outbox (answer_id TEXT PRIMARY KEY, event TEXT NOT NULL,
      version INTEGER NOT NULL, shards INTEGER NOT NULL, pending TEXT NOT NULL, attempts INTEGER NOT NULL, next_at INTEGER NOT NULL)`);
    // Versions only grow, even once the table is empty: a round of a finished intention that
    // reports back late must never match (and clear) a newer intention for the same answer.
    sql.exec(
      "CREATE TABLE IF NOT EXISTS viewer_outbox_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)",
    );
  }

  /** Records the newest intention for an answer (superseding an older one): pending on every shard, due now. */
  enqueue(event: ViewerEvent, shards: number, now: number): OutboxEntry {
    const version = this.sql
      .exec<{ version: number }>(
        "INSERT INTO viewer_outbox_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = version + 1 RETURNING version",
      )
      .one().version;
    const entry: OutboxEntry = {
      answerId: event.id,
      event,
      version,
      shards,
      pending: allShards(shards),
      attempts: 0,
      nextAt: now,
    };
    this.sql.exec(
      "INSERT OR REPLACE INTO viewer_outbox (answer_id, event, version, shards, pending, attempts, next_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
      entry.answerId,
      JSON.stringify(event),
      version,
      shards,
      JSON.stringify(entry.pending),
      now,
    );
    return entry;
  }

  /** Entries whose retry is due, oldest due first. */
  due(now: number, limit: number): OutboxEntry[] {
    return this.rows("SELECT * FROM viewer_outbox WHERE next_at <= ? ORDER BY next_at LIMIT ?", now, limit);
  }

  /**
   * Applies a round's outcome to the entry, if it is still the newest intention for its answer
   * (a confirmation of a superseded one must not clear the new one). Returns the status to show,
   * or null when the entry was superseded meanwhile.
   */
  record(entry: OutboxEntry, round: RoundResult, now: number): DeliveryStatus | null {
    const current = this.rows("SELECT * FROM viewer_outbox WHERE answer_id = ?", entry.answerId)[0];
    if (!current || current.version !== entry.version) return null;
    const pending = remainingShards(current.pending, round);
    if (pending.length === 0) {
      this.sql.exec("DELETE FROM viewer_outbox WHERE answer_id = ? AND version = ?", entry.answerId, entry.version);
    } else {
      const attempts = current.attempts + (round.failed.length ? 1 : 0);
      this.sql.exec(
        "UPDATE viewer_outbox SET pending = ?, attempts = ?, next_at = ? WHERE answer_id = ? AND version = ?",
        JSON.stringify(pending),
        attempts,
        now + retryDelay(Math.max(1, attempts)),
        entry.answerId,
        entry.version,
      );
    }
    return { id: entry.answerId, kind: entry.event.type, shards: current.shards, pending: pending.length };
  }

  /** Every answer still on its way, for a board that just went live. */
  statuses(): DeliveryStatus[] {
    return this.rows("SELECT * FROM viewer_outbox ORDER BY version").map((e) => ({
      id: e.answerId,
      kind: e.event.type,
      shards: e.shards,
      pending: e.pending.length,
    }));
  }

  /** When the earliest retry is due; null when everything is delivered. */
  nextDueAt(): number | null {
    return this.sql.exec<{ at: number | null }>("SELECT min(next_at) AS at FROM viewer_outbox").one().at ?? null;
  }

  private rows(query: string, ...params: unknown[]): OutboxEntry[] {
    return this.sql
      .exec<OutboxRow>(query, ...params)
      .toArray()
      .flatMap((r) => {
        const event = ViewerEvent.safeParse(JSON.parse(r.event));
        // A row this code cannot read is dropped rather than retried forever.
        if (!event.success) {
          this.sql.exec("DELETE FROM viewer_outbox WHERE answer_id = ?", r.answer_id);
          return [];
        }
        const pending = (JSON.parse(r.pending) as unknown[]).filter((s): s is number => typeof s === "number");
        return [
          {
            answerId: r.answer_id,
            event: event.data,
            version: r.version,
            shards: r.shards,
            pending,
            attempts: r.attempts,
            nextAt: r.next_at,
          },
        ];
      });
  }
}
