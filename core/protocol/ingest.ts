import * as z from "zod";
import { LIMITS } from "./limits.ts";

/**
 * One chat as a source sends it. `commentNo` is the source's own id (Naver's is
 * unique and increasing per broadcast) and the dedupe key.
 */
export const IngestChat = z.object({
  commentNo: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  nickname: z.string().max(LIMITS.maxNicknameChars).default(""),
  message: z.string().min(1).max(LIMITS.maxMessageChars),
  commentType: z.string().max(40).default("CHATTING"),
  /** Epoch milliseconds when the chat was written; the hub's clock when absent. */
  at: z.number().int().nonnegative().optional(),
  /**
   * The source's own string id (YouTube's message id), for sources that have no numbers: the
   * hub dedupes by it and numbers such chats itself (the `commentNo` sent is then ignored).
   */
  sourceId: z.string().min(1).max(200).optional(),
  /** The author's id at the source (a YouTube channel id): what a timeout names. */
  authorId: z.string().min(1).max(200).optional(),
  /** A short mark boards show beside the chat (a Super Chat's amount, "₩5,000"). */
  badge: z.string().min(1).max(40).optional(),
});
export type IngestChat = z.infer<typeof IngestChat>;

/**
 * A batch of chats. Items are validated one by one (see `parseChatItems`) so that
 * one malformed chat is counted and skipped without losing the rest of the batch.
 */
export const IngestBatch = z.object({
  type: z.literal("chats"),
  source: z.string().min(1).max(40).default("ingest"),
  chats: z.array(z.unknown()).max(LIMITS.maxBatchChats),
  /** Optional client id for the batch, echoed in its ack so pipelining clients can match them. */
  batchId: z.union([z.string().max(64), z.number().int()]).optional(),
});
export type IngestBatch = z.infer<typeof IngestBatch>;

/** What the hub answers on the ingest socket once a batch is durable. */
export const IngestAck = z.object({
  type: z.literal("ack"),
  /** Highest `commentNo` of the batch: every valid chat up to it is in the log. -1 if none. */
  upTo: z.number().int(),
  /** The hub's last `seq` after the batch. */
  seq: z.number().int(),
  batchId: z.union([z.string(), z.number()]).optional(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  malformed: z.number().int(),
});
export type IngestAck = z.infer<typeof IngestAck>;

/** The earliest `at` a chat may carry: nothing LiveQ captures was written before 2020. */
export const MIN_CHAT_AT = Date.UTC(2020, 0, 1);
/** How far ahead of the hub's clock `at` may be (clock skew, time zones gone wrong). */
export const MAX_CHAT_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * True when a chat's `at` (if any) is a plausible time at `now`. Out-of-range times would be
 * stored and break whatever formats them later (an `at` of 9e15 is no valid Date at all).
 */
export function plausibleChatAt(at: number | undefined, now: number): boolean {
  return at === undefined || (at >= MIN_CHAT_AT && at <= now + MAX_CHAT_AHEAD_MS);
}

/**
 * Validates each item of a batch independently; malformed ones (a bad shape, or an `at`
 * outside [2020-01-01, now + 1 day]) are counted, never fatal.
 */
export function parseChatItems(
  items: readonly unknown[],
  now = Date.now(),
): { chats: IngestChat[]; malformed: number } {
  const chats: IngestChat[] = [];
  let malformed = 0;
  for (const item of items) {
    const parsed = IngestChat.safeParse(item);
    if (parsed.success && plausibleChatAt(parsed.data.at, now)) chats.push(parsed.data);
    else malformed++;
  }
  return { chats, malformed };
}
