import { and, asc, eq, isNotNull, isNull, lt, ne } from "drizzle-orm";
import type { Db } from "./queries.ts";
import {
  broadcastBenefits,
  broadcasts,
  knowledgeChunks,
  productQna,
  products,
  publishedAnswers,
  setupCrawls,
  tokens,
} from "./schema.ts";

/** Marks a broadcast ended (once: the first end time is kept); false when there is no such broadcast. */
export async function markEnded(db: Db, id: string, now: number): Promise<boolean> {
  const row = await db.select({ status: broadcasts.status }).from(broadcasts).where(eq(broadcasts.id, id)).get();
  if (!row) return false;
  if (row.status !== "ended") {
    await db
      .update(broadcasts)
      .set({ status: "ended", endedAt: now, updatedAt: now })
      .where(and(eq(broadcasts.id, id), ne(broadcasts.status, "ended")));
  }
  return true;
}

/** A capture started again: the broadcast is live once more and retention waits for its next end. */
export async function reopen(db: Db, id: string, now: number): Promise<void> {
  await db
    .update(broadcasts)
    .set({ status: "live", endedAt: null, updatedAt: now })
    .where(and(eq(broadcasts.id, id), eq(broadcasts.status, "ended")));
}

/** Ingest tokens go first, so a deleted broadcast's ingest clients are refused while its objects clear. */
export async function revokeIngestTokens(db: Db, id: string): Promise<void> {
  await db.delete(tokens).where(eq(tokens.broadcastId, id));
}

/**
 * Every D1 row keyed by the broadcast, in one batch (children first, so it does not depend
 * on foreign-key cascades being enforced).
 */
export async function deleteBroadcastRows(db: Db, id: string): Promise<void> {
  await db.batch([
    db.delete(publishedAnswers).where(eq(publishedAnswers.broadcastId, id)),
    db.delete(knowledgeChunks).where(eq(knowledgeChunks.broadcastId, id)),
    db.delete(productQna).where(eq(productQna.broadcastId, id)),
    db.delete(products).where(eq(products.broadcastId, id)),
    db.delete(broadcastBenefits).where(eq(broadcastBenefits.broadcastId, id)),
    db.delete(setupCrawls).where(eq(setupCrawls.broadcastId, id)),
    db.delete(tokens).where(eq(tokens.broadcastId, id)),
    db.delete(broadcasts).where(eq(broadcasts.id, id)),
  ]);
}

/** Ended broadcasts whose chat log is due for purging (ended before `endedBefore`, not purged yet), oldest first. */
export async function broadcastsDueForPurge(db: Db, endedBefore: number, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: broadcasts.id })
    .from(broadcasts)
    .where(
      and(
        eq(broadcasts.status, "ended"),
        isNotNull(broadcasts.endedAt),
        lt(broadcasts.endedAt, endedBefore),
        isNull(broadcasts.chatsPurgedAt),
      ),
    )
    .orderBy(asc(broadcasts.endedAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function markChatsPurged(db: Db, id: string, now: number): Promise<void> {
  await db.update(broadcasts).set({ chatsPurgedAt: now }).where(eq(broadcasts.id, id));
}
