import type { IngestChat } from "../protocol/ingest.ts";

/** How many recent commentNos to remember for dedupe (several minutes at peak rates). */
const REMEMBER = 50_000;

/**
 * Puts a capture's chats in commentNo order and once each before they are forwarded. Live
 * frames pass straight through; while a gap repair runs they are held, then merged with the
 * repaired backlog so the hub receives the missed chats before the newer live ones.
 */
export class ChatSequencer {
  private readonly seen = new Set<number>();
  /** Ring of remembered commentNos, oldest overwritten first. */
  private readonly ring = new Array<number>(REMEMBER);
  private ringNext = 0;
  /** Chats at or below this were forwarded before a restart. */
  private readonly floor: number | null;
  private held: IngestChat[] = [];
  private holdDepth = 0;
  /** Highest commentNo forwarded so far (where a repair resumes), or null. */
  lastSeen: number | null;
  private readonly forward: (chats: IngestChat[]) => void;

  constructor(forward: (chats: IngestChat[]) => void, lastSeen: number | null = null) {
    this.forward = forward;
    this.lastSeen = lastSeen;
    this.floor = lastSeen;
  }

  get holding(): boolean {
    return this.holdDepth > 0;
  }

  /** The lowest commentNo of the live chats held, or null: where a repair must reach. */
  get oldestHeld(): number | null {
    let oldest: number | null = null;
    for (const chat of this.held) if (oldest === null || chat.commentNo < oldest) oldest = chat.commentNo;
    return oldest;
  }

  /** Live chats from a frame: forwarded now, or held while a repair runs. */
  accept(chats: readonly IngestChat[]): void {
    if (chats.length === 0) return;
    if (this.holding) this.held.push(...chats);
    else this.emit(chats);
  }

  /** Starts holding live chats (a repair begins). Nested holds are counted. */
  hold(): void {
    this.holdDepth++;
  }

  /** Ends a hold: repaired chats and the held live ones go out together, in order, once. */
  release(repaired: readonly IngestChat[]): void {
    this.holdDepth = Math.max(0, this.holdDepth - 1);
    const merged = [...repaired, ...(this.holding ? [] : this.held.splice(0))];
    if (this.holding) this.held.push(...repaired);
    else this.emit(merged);
  }

  private emit(chats: readonly IngestChat[]): void {
    const fresh: IngestChat[] = [];
    for (const chat of chats) {
      if (this.seen.has(chat.commentNo)) continue;
      if (this.floor !== null && chat.commentNo <= this.floor) continue;
      this.remember(chat.commentNo);
      fresh.push(chat);
    }
    if (fresh.length === 0) return;
    fresh.sort((a, b) => a.commentNo - b.commentNo);
    const newest = fresh.at(-1)!.commentNo;
    if (this.lastSeen === null || newest > this.lastSeen) this.lastSeen = newest;
    this.forward(fresh);
  }

  private remember(commentNo: number): void {
    const evicted = this.ring[this.ringNext];
    if (evicted !== undefined) this.seen.delete(evicted);
    this.ring[this.ringNext] = commentNo;
    this.ringNext = (this.ringNext + 1) % REMEMBER;
    this.seen.add(commentNo);
  }
}
