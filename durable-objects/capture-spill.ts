import { IngestChat } from "../core/protocol/ingest.ts";

/** Where a forwarder puts chats beyond its memory cap, oldest first, until the hub takes them. */
export interface SpillStore {
  append(chats: readonly IngestChat[]): void;
  /** Removes and returns the oldest `max` spilled chats (they move back to memory). */
  take(max: number): IngestChat[];
  size(): number;
  clear(): void;
}

/**
 * The capture object's own SQLite as overflow: a hub that is away for minutes at a busy
 * broadcast's rate would otherwise grow the capture's memory until the object dies. Writes are
 * synchronous (DO SQLite is in-process), one statement per pushed batch. A chat taken back to
 * memory and lost with the object is not lost for good: the capture's resume point only moves
 * on the hub's acknowledgement, and a restarted capture repairs the gap from there.
 */
export class SqlSpill implements SpillStore {
  private readonly sql: SqlStorage;
  private count: number;

  constructor(sql: SqlStorage) {
    this.sql = sql;
    sql.exec("CREATE TABLE IF NOT EXISTS forward_spill (id INTEGER PRIMARY KEY AUTOINCREMENT, chat TEXT NOT NULL)");
    this.count = sql.exec<{ n: number }>("SELECT count(*) AS n FROM forward_spill").one().n;
  }

  append(chats: readonly IngestChat[]): void {
    if (chats.length === 0) return;
    this.sql.exec("INSERT INTO forward_spill (chat) SELECT value FROM json_each(?)", JSON.stringify(chats));
    this.count += chats.length;
  }

  take(max: number): IngestChat[] {
    const rows = this.sql
      .exec<{ id: number; chat: string }>("SELECT id, chat FROM forward_spill ORDER BY id LIMIT ?", max)
      .toArray();
    if (rows.length === 0) return [];
    this.sql.exec("DELETE FROM forward_spill WHERE id <= ?", rows[rows.length - 1]!.id);
    this.count = Math.max(0, this.count - rows.length);
    // Rows are written by this class from parsed chats; a row that no longer parses is skipped, never fatal.
    return rows.flatMap((r) => {
      const parsed = IngestChat.safeParse(JSON.parse(r.chat));
      return parsed.success ? [parsed.data] : [];
    });
  }

  size(): number {
    return this.count;
  }

  clear(): void {
    this.sql.exec("DELETE FROM forward_spill");
    this.count = 0;
  }
}
