/**
 * Retention inside the hub, in chunks: dropping a long broadcast's log in one statement could
 * outlast what one call to the object may take, so the RPC marks the log purged (numbering kept),
 * drops the clusters and the first chunk, and the hub's alarm drops the rest, chunk by chunk,
 * until none is left. The mark is in storage, so an eviction mid-purge only delays it.
 */
export const PURGE_CHUNK = 10_000;

const PURGING_KEY = "purge_up_to";

type Meta = { getMeta(key: string): string | null; setMeta(key: string, value: string): void };

/** Starts purging every chat up to `upToSeq` and drops the first chunk; true while chats remain to drop. */
export function startPurge(storage: DurableObjectStorage, meta: Meta, upToSeq: number): boolean {
  storage.transactionSync(() => {
    // Numbering continues where it was (boards resume by seq), whatever is deleted.
    meta.setMeta("seq_floor", String(upToSeq));
    meta.setMeta(PURGING_KEY, String(upToSeq));
    storage.sql.exec("DELETE FROM clusters");
  });
  return continuePurge(storage, meta);
}

/** Drops one more chunk of a purge in progress; true while chats remain to drop. */
export function continuePurge(storage: DurableObjectStorage, meta: Meta): boolean {
  const upTo = Number(meta.getMeta(PURGING_KEY) ?? 0);
  if (!upTo) return false;
  const sql = storage.sql;
  sql.exec(
    "DELETE FROM chats WHERE seq IN (SELECT seq FROM chats WHERE seq <= ? ORDER BY seq LIMIT ?)",
    upTo,
    PURGE_CHUNK,
  );
  const left = sql.exec("SELECT 1 FROM chats WHERE seq <= ? LIMIT 1", upTo).toArray().length > 0;
  if (!left) sql.exec("DELETE FROM meta WHERE key = ?", PURGING_KEY);
  return left;
}

/** Whether a purge is still dropping chats. */
export function purging(meta: Meta): boolean {
  return meta.getMeta(PURGING_KEY) !== null;
}
