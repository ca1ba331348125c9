import * as z from "zod";
import { CaptureStatus } from "../core/protocol/board.ts";
import { CaptureStart } from "../server/capture/capture-request.ts";

export type CaptureState = CaptureStatus["state"];

/** States in which the object has work and keeps its alarm armed. */
export const ACTIVE_STATES: readonly CaptureState[] = ["starting", "capturing", "reconnecting"];

/**
 * What a ChatCapture object is doing, in its own storage so an evicted object resumes it.
 * Cursors are per source and survive stop/start: a rehearsal continues its commentNos, and a
 * browser capture of the same Naver broadcast repairs the gap since it stopped.
 */
export const CaptureRecord = z.object({
  broadcastId: z.string(),
  source: CaptureStart.nullable(),
  state: CaptureStatus.shape.state,
  /** Chats the hub acknowledged for this capture run. */
  chats: z.number().int().nonnegative(),
  lastChatAt: z.number().int().nullable(),
  message: z.string().max(300).optional(),
  /** Highest commentNo the hub acknowledged from the rehearsal (its next one is this + 1). */
  replayCursor: z.number().int().nonnegative(),
  /** Highest commentNo the hub acknowledged from the browser capture, per Naver broadcast. */
  browserCursor: z.object({ naverId: z.string(), commentNo: z.number().int() }).nullable(),
  /** The Browser Rendering session to reconnect to after an eviction. */
  sessionId: z.string().nullable(),
  restarts: z.number().int().nonnegative(),
  startedAt: z.number().int().nullable(),
});
export type CaptureRecord = z.infer<typeof CaptureRecord>;

const KEY = "capture";

/** A fresh record for a broadcast nothing has captured yet. */
export function emptyRecord(broadcastId: string): CaptureRecord {
  return {
    broadcastId,
    source: null,
    state: "idle",
    chats: 0,
    lastChatAt: null,
    replayCursor: 0,
    browserCursor: null,
    sessionId: null,
    restarts: 0,
    startedAt: null,
  };
}

/** The record in the object's synchronous KV storage (SQLite-backed), read once per wake. */
export class CaptureStore {
  private readonly kv: SyncKvStorage;
  private cached: CaptureRecord | null = null;

  constructor(kv: SyncKvStorage) {
    this.kv = kv;
  }

  /** The stored record, or null before the first `start`. */
  load(): CaptureRecord | null {
    if (this.cached) return this.cached;
    const parsed = CaptureRecord.safeParse(this.kv.get(KEY));
    this.cached = parsed.success ? parsed.data : null;
    return this.cached;
  }

  /** Forgets the cached record (storage was cleared). */
  forget(): void {
    this.cached = null;
  }

  /** Applies `patch` and writes the record through. */
  update(record: CaptureRecord, patch: Partial<CaptureRecord>): CaptureRecord {
    const next = { ...record, ...patch };
    this.kv.put(KEY, next);
    this.cached = next;
    return next;
  }
}

/** The status frame boards receive for a record. */
export function statusOf(record: CaptureRecord, runner: string, now: number): CaptureStatus {
  const status: CaptureStatus = {
    state: record.state,
    chats: record.chats,
    lastChatAt: record.lastChatAt,
    runner,
    at: now,
  };
  if (record.message) status.message = record.message.slice(0, 300);
  return status;
}
