import type { IngestChat } from "../core/protocol/ingest.ts";
import { LIMITS } from "../core/protocol/limits.ts";
import type { IngestOutcome } from "./broadcast-hub.ts";
import type { SpillStore } from "./capture-spill.ts";

export interface ForwarderOptions {
  /** One hub RPC with one batch (in commentNo order). */
  send: (chats: IngestChat[]) => Promise<IngestOutcome>;
  /** A batch is durable in the hub's log: `lastCommentNo` is the new resume point. */
  onAcked: (batch: { count: number; lastCommentNo: number; lastChatAt: number | null }) => void;
  log?: (line: string) => void;
  /** How long chats gather before a send, so a burst of frames becomes one RPC. */
  coalesceMs?: number;
  maxBatch?: number;
  /** Chats held in memory at most; the rest wait in `spill` (in order) until the hub takes them. */
  maxBuffered?: number;
  /** Overflow storage; without one, the memory cap is not enforced (tests of other behaviour). */
  spill?: SpillStore;
}

/** A few batches: enough to keep one RPC in flight and the next ready, bounded whatever the hub does. */
export const MAX_BUFFERED = 5 * LIMITS.maxBatchChats;

const MAX_RETRY_MS = 10_000;

/**
 * Forwards captured chats to the hub without an await per chat: `push` only appends to a
 * buffer; a short timer turns what gathered into one batch; one RPC is in flight at a time so
 * batches land in order. A failed send keeps the batch and retries with backoff, so nothing is
 * skipped; the hub dedupes by commentNo, so a resend after a lost ack repeats nothing. Memory
 * is bounded: past `maxBuffered`, newer chats spill to storage and come back in order as the
 * hub catches up, so a hub that is away costs storage, not the object's life.
 */
export class HubForwarder {
  private buffer: IngestChat[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private failures = 0;
  private closed = false;
  private readonly opts: ForwarderOptions;

  constructor(options: ForwarderOptions) {
    this.opts = options;
  }

  /** Chats waiting for the hub's acknowledgement, in memory and spilled. */
  get backlog(): number {
    return this.buffer.length + (this.opts.spill?.size() ?? 0);
  }

  /** Chats held in memory (at most `maxBuffered` when a spill store is given). */
  get buffered(): number {
    return this.buffer.length;
  }

  push(chats: readonly IngestChat[]): void {
    if (chats.length === 0 || this.closed) return;
    const spill = this.opts.spill;
    if (!spill) this.buffer.push(...chats);
    else {
      // Once anything is spilled, newer chats go behind it so the order holds.
      const room = spill.size() > 0 ? 0 : Math.max(0, this.maxBuffered - this.buffer.length);
      this.buffer.push(...chats.slice(0, room));
      spill.append(chats.slice(room));
    }
    this.schedule(this.opts.coalesceMs ?? 25);
  }

  private get maxBuffered(): number {
    return this.opts.maxBuffered ?? MAX_BUFFERED;
  }

  /** Brings spilled chats back into memory as room frees up, oldest first. */
  private refill(): void {
    const spill = this.opts.spill;
    const room = this.maxBuffered - this.buffer.length;
    if (!spill || room <= 0 || spill.size() === 0) return;
    this.buffer.push(...spill.take(room));
  }

  /** Sends everything buffered now and waits until the hub has it (or `timeoutMs` passes). */
  async drain(timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.backlog > 0 && Date.now() < deadline) {
      if (!this.inflight) this.flushNow();
      await Promise.race([this.inflight, new Promise((r) => setTimeout(r, 100))]);
    }
    return this.backlog === 0;
  }

  /** Stops sending; what is still buffered or spilled is dropped (the resume point never passed it). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.buffer = [];
    this.opts.spill?.clear();
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.inflight || this.closed) return;
    this.timer = setTimeout(() => this.flushNow(), delayMs);
  }

  private flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.refill();
    if (this.inflight || this.buffer.length === 0 || this.closed) return;
    const batch = this.buffer.slice(0, this.opts.maxBatch ?? LIMITS.maxBatchChats);
    this.inflight = this.sendBatch(batch).finally(() => {
      this.inflight = null;
      this.refill();
      if (this.buffer.length > 0) this.schedule(this.failures ? Math.min(250 * 2 ** this.failures, MAX_RETRY_MS) : 0);
    });
  }

  private async sendBatch(batch: IngestChat[]): Promise<void> {
    try {
      const outcome = await this.opts.send(batch);
      if (this.closed) return;
      this.failures = 0;
      // The batch is consumed either way: acked, or refused as a whole (it would be refused again).
      this.buffer.splice(0, batch.length);
      if (outcome.type === "error")
        return this.opts.log?.(`hub refused a batch of ${batch.length}: ${outcome.code} ${outcome.message}`);
      const last = batch.at(-1)!;
      this.opts.onAcked({ count: batch.length, lastCommentNo: last.commentNo, lastChatAt: last.at ?? null });
    } catch (err) {
      this.failures++;
      this.opts.log?.(
        `hub ingest failed (${err instanceof Error ? err.message : String(err)}); retrying ${batch.length} chats`,
      );
    }
  }
}
