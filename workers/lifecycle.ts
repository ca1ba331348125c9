import { drizzle } from "drizzle-orm/d1";
import { viewerShardName } from "../core/protocol/viewer.ts";
import { viewerConfig } from "../server/viewer-limits.ts";
import { answerBackends } from "../server/answers/service.ts";
import { diffChunks } from "../server/answers/knowledge-db.ts";
import { getBroadcast } from "../server/db/queries.ts";
import {
  broadcastsDueForPurge,
  deleteBroadcastRows,
  markChatsPurged,
  revokeIngestTokens,
} from "../server/db/queries-lifecycle.ts";
import { forgetViewerLookups } from "./viewer-lookup.ts";

/** `RETENTION_DAYS`: days after a broadcast ends before its chat log is purged (default 90). */
interface RetentionVars {
  RETENTION_DAYS?: string;
}

export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Broadcasts purged per sweep; the next sweep takes the rest. */
const PURGE_BATCH = 50;

export function retentionDays(env: RetentionVars): number {
  const n = Number(env.RETENTION_DAYS);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_RETENTION_DAYS;
}

/** Broadcast ids this isolate knows exist (saves a D1 read per socket and chat batch); forgotten on delete. */
const known = new Map<string, number>();
const KNOWN_TTL_MS = 60_000;

export function isKnownBroadcast(id: string, now = Date.now()): boolean {
  return (known.get(id) ?? 0) > now;
}

/** Broadcast ids remembered at most per isolate (oldest forgotten first). */
export const MAX_KNOWN = 10_000;

export function rememberBroadcast(id: string, now = Date.now()): void {
  if (known.size >= MAX_KNOWN && !known.has(id)) known.delete(known.keys().next().value!);
  known.set(id, now + KNOWN_TTL_MS);
}

/** How many broadcast ids this isolate remembers (bounded by MAX_KNOWN). */
export function knownBroadcastCount(): number {
  return known.size;
}

/**
 * Deletes a broadcast and everything it holds: ingest tokens first (its clients are refused at
 * once), then its capture, hub and every viewer shard clear their storage and close their
 * sockets, the vector index drops its chunks, and last the D1 rows. D1 goes last so that a
 * failure part-way leaves the broadcast listed and the delete can be retried.
 * False when there is no such broadcast.
 */
export async function deleteBroadcast(env: Env, id: string): Promise<boolean> {
  const db = drizzle(env.DB);
  const broadcast = await getBroadcast(db, id);
  if (!broadcast) return false;
  known.delete(id);
  forgetViewerLookups(id, broadcast.naverId);
  await revokeIngestTokens(db, id);
  await env.CHAT_CAPTURE.getByName(id).purge();
  await env.BROADCAST_HUB.getByName(id).purge();
  const { shards } = viewerConfig(env);
  await Promise.all(
    Array.from({ length: shards }, (_, shard) => env.VIEWER_FANOUT.getByName(viewerShardName(id, shard)).purge()),
  );
  await dropIndexedChunks(env, id);
  await deleteBroadcastRows(db, id);
  known.delete(id);
  forgetViewerLookups(id, broadcast.naverId);
  return true;
}

/** Removes the broadcast's chunks from the vector index (Vectorize, or this isolate's embedded one). */
async function dropIndexedChunks(env: Env, id: string): Promise<void> {
  const retrieval = answerBackends(env).retrieval;
  const diff = await diffChunks(drizzle(env.DB), id, [], retrieval.indexTag);
  await retrieval.sync(id, [], diff);
}

/** A sweep starts no new batch after this long; the next day's sweep continues where it stopped. */
const SWEEP_BUDGET_MS = 60_000;

/**
 * Retention sweep (the scheduled handler): broadcasts ended more than `RETENTION_DAYS` ago
 * lose their chat log and question clusters; the broadcast, its knowledge and published
 * answers stay. Batch after batch until none is due (or the time budget is spent), so a backlog
 * does not wait a day per batch; a hub drops a long log in chunks from its own alarm.
 * Returns the ids purged.
 */
export async function purgeExpiredChats(env: Env & RetentionVars, now = Date.now()): Promise<string[]> {
  const db = drizzle(env.DB);
  const purged: string[] = [];
  const failed = new Set<string>();
  const started = Date.now();
  for (;;) {
    // Ones that failed this sweep are still due: ask for enough to get past them.
    const due = (await broadcastsDueForPurge(db, now - retentionDays(env) * DAY_MS, PURGE_BATCH + failed.size)).filter(
      (id) => !failed.has(id),
    );
    for (const id of due) {
      try {
        await env.BROADCAST_HUB.getByName(id).purgeChats();
        await markChatsPurged(db, id, now);
        purged.push(id);
      } catch (err) {
        failed.add(id);
        console.error(
          JSON.stringify({ level: "error", what: "retention purge failed", broadcastId: id, message: String(err) }),
        );
      }
    }
    if (due.length < PURGE_BATCH || Date.now() - started > SWEEP_BUDGET_MS) return purged;
  }
}
