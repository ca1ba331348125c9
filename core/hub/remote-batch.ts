/**
 * Chats waiting for the remote intent classifier, sent as one call per window instead of one
 * call per ingest batch. A source sending every 100 ms made a hub call SageMaker ten times a
 * second; each call is a signed HTTP exchange whose objects workerd frees only in a full
 * garbage collection, so the soak's workerd grew by 25–45 MiB a minute (see README, Soak).
 * Bounded: the hub asks `hasRoom` first and classifies in-process when the queue is full.
 */
export interface RemoteBatchOptions {
  /** How long the oldest queued chat may wait for company before the call goes. */
  windowMs: number;
  /** Chats in one call at most; a full batch goes at once. */
  maxBatch: number;
  /** Chats queued at most. */
  maxQueued: number;
}

export class RemoteBatcher<T> {
  private readonly queue: T[] = [];
  /** When the oldest queued item arrived (null: nothing queued). */
  private oldestAt: number | null = null;
  private readonly options: RemoteBatchOptions;

  constructor(options: RemoteBatchOptions) {
    this.options = options;
  }

  get size(): number {
    return this.queue.length;
  }

  /** Whether `count` more items fit; the caller handles them another way when they do not. */
  hasRoom(count: number): boolean {
    return this.queue.length + count <= this.options.maxQueued;
  }

  /** Queues items that fit (the rest are refused and returned), oldest first. */
  add(items: readonly T[], now: number): T[] {
    const room = Math.max(0, this.options.maxQueued - this.queue.length);
    if (room > 0 && items.length > 0 && this.oldestAt === null) this.oldestAt = now;
    for (const item of items.slice(0, room)) this.queue.push(item);
    return items.slice(room);
  }

  /** When the next call is due: at once for a full batch, else a window after the oldest arrived. */
  dueAt(): number | null {
    if (this.oldestAt === null) return null;
    return this.queue.length >= this.options.maxBatch ? this.oldestAt : this.oldestAt + this.options.windowMs;
  }

  /** The next batch (at most `maxBatch`, oldest first) if it is due at `now`, else an empty list. */
  take(now: number): T[] {
    const due = this.dueAt();
    if (due === null || now < due) return [];
    const batch = this.queue.splice(0, this.options.maxBatch);
    // What is left waited already; it goes with the next window at the latest.
    this.oldestAt = this.queue.length ? now : null;
    return batch;
  }

  /** Drops everything queued (the hub is cleared; the log still holds those chats as pending). */
  clear(): void {
    this.queue.length = 0;
    this.oldestAt = null;
  }
}
