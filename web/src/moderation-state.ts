import type { BoardServerMessage, HeldChat } from "../../core/protocol/index.ts";

/** The held queue (보류) as a board shows it: waiting chats by seq, oldest first. */
export type HeldQueue = readonly HeldChat[];

export type NicknameInfo = Extract<BoardServerMessage, { type: "nickname" }>;

/** Adds newly held chats (or a live board's whole queue), keeping one entry per seq, in seq order. */
export function applyHeld(queue: HeldQueue, items: readonly HeldChat[]): HeldQueue {
  const bySeq = new Map(queue.map((h) => [h.seq, h]));
  for (const item of items) if (item.state === "held") bySeq.set(item.seq, item);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** A decision (from any board) takes the chat out of the queue. */
export function applyDecision(queue: HeldQueue, seq: number): HeldQueue {
  return queue.some((h) => h.seq === seq) ? queue.filter((h) => h.seq !== seq) : queue;
}
