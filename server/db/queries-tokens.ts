import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "./queries.ts";
import { tokens } from "./schema.ts";

/** Stores a new ingest token's hash for a broadcast. */
export async function insertIngestToken(
  db: Db,
  t: { id: string; hash: string; broadcastId: string; createdBy: string },
  now: number,
): Promise<void> {
  await db.insert(tokens).values({ ...t, role: "ingest", createdAt: now });
}

/** Revokes one of the broadcast's ingest tokens; false when there was no live one with that id. */
export async function revokeIngestToken(db: Db, broadcastId: string, id: string, now: number): Promise<boolean> {
  const live = and(eq(tokens.id, id), eq(tokens.broadcastId, broadcastId), isNull(tokens.revokedAt));
  const row = await db.select({ id: tokens.id }).from(tokens).where(live).get();
  if (!row) return false;
  await db.update(tokens).set({ revokedAt: now }).where(live);
  return true;
}
