import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { BroadcastSummary, CreateBroadcast } from "../../core/protocol/api.ts";
import { broadcasts, tokens } from "./schema.ts";

export type Db = DrizzleD1Database;

type BroadcastRow = typeof broadcasts.$inferSelect;

function toSummary(row: BroadcastRow): BroadcastSummary {
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    naverUrl: row.naverUrl,
    naverId: row.naverId,
    youtubeVideoId: row.youtubeVideoId ?? null,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    chatCount: row.chatCount,
    endedAt: row.endedAt,
  };
}

/** Where a page of the broadcast list starts: after this (createdAt, id), newest first. */
export interface ListCursor {
  createdAt: number;
  id: string;
}

/** One page of broadcasts, newest first, and where the next page starts (null: none). */
export async function listBroadcasts(
  db: Db,
  limit = 200,
  after?: ListCursor,
): Promise<{ items: BroadcastSummary[]; next: ListCursor | null }> {
  const rows = await db
    .select()
    .from(broadcasts)
    .where(
      after
        ? or(
            lt(broadcasts.createdAt, after.createdAt),
            and(eq(broadcasts.createdAt, after.createdAt), lt(broadcasts.id, after.id)),
          )
        : undefined,
    )
    .orderBy(desc(broadcasts.createdAt), desc(broadcasts.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toSummary),
    next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

export async function getBroadcast(db: Db, id: string): Promise<BroadcastSummary | null> {
  const row = await db.select().from(broadcasts).where(eq(broadcasts.id, id)).get();
  return row ? toSummary(row) : null;
}

/** Inserts the broadcast and its ingest token hash in one batch; false if the id is taken. */
export async function insertBroadcast(
  db: Db,
  b: Omit<CreateBroadcast, "youtubeVideoId"> & { id: string; naverId: string | null; youtubeVideoId?: string | null },
  tokenHash: string,
  now: number,
  tokenId: string = ingestTokenId(),
): Promise<boolean> {
  const existing = await db.select({ id: broadcasts.id }).from(broadcasts).where(eq(broadcasts.id, b.id)).get();
  if (existing) return false;
  await db.batch([
    db.insert(broadcasts).values({
      id: b.id,
      title: b.title,
      source: b.source,
      naverUrl: b.naverUrl ?? null,
      naverId: b.naverId,
      youtubeVideoId: b.youtubeVideoId ?? null,
      createdAt: now,
      updatedAt: now,
    }),
    db.insert(tokens).values({ hash: tokenHash, id: tokenId, broadcastId: b.id, role: "ingest", createdAt: now }),
  ]);
  return true;
}

/** Public ids of ingest tokens (what a revoke names; the token itself is never stored). */
export function ingestTokenId(): string {
  return `it-${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
}

/** The id of a live ingest token of the broadcast with this hash, or null. */
export async function findIngestToken(db: Db, hash: string, broadcastId: string): Promise<string | null> {
  const row = await db
    .select({ id: tokens.id, hash: tokens.hash })
    .from(tokens)
    .where(and(eq(tokens.hash, hash), eq(tokens.broadcastId, broadcastId), isNull(tokens.revokedAt)))
    .get();
  return row ? (row.id ?? row.hash) : null;
}

/**
 * Written by the hub's alarm: what D1 needs to list broadcasts without waking every hub.
 * An ended broadcast stays ended (its capture's last chats arrive just after it stops).
 */
export async function updateBroadcastActivity(db: Db, id: string, chatCount: number, now: number): Promise<void> {
  await db
    .update(broadcasts)
    .set({
      chatCount,
      status: sql`CASE WHEN ${broadcasts.status} = 'ended' THEN 'ended' ELSE 'live' END`,
      updatedAt: now,
    })
    .where(eq(broadcasts.id, id));
}
