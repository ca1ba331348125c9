import * as z from "zod";
import { BoardIntent, Intent } from "./intent.ts";
import { QaPair } from "./viewer.ts";

/** One classified chat as boards see it. `seq` is the hub's per-broadcast order. */
export const BoardChat = z.object({
  seq: z.number().int().positive(),
  commentNo: z.number().int(),
  nickname: z.string(),
  message: z.string(),
  intent: BoardIntent,
  confidence: z.number().min(0).max(1),
  at: z.number().int(),
});
export type BoardChat = z.infer<typeof BoardChat>;

export const IntentCounts = z.object({
  general: z.number().int(),
  request: z.number().int(),
  question: z.number().int(),
});
export type IntentCounts = z.infer<typeof IntentCounts>;

export const MinuteCounts = IntentCounts.extend({ minute: z.number().int() });
export type MinuteCounts = z.infer<typeof MinuteCounts>;

/** Hub → board messages. */
export const BoardServerMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("welcome"), broadcastId: z.string(), lastSeq: z.number().int() }),
  z.object({ type: z.literal("chats"), items: z.array(BoardChat) }),
  z.object({
    type: z.literal("intents"),
    updates: z.array(z.object({ seq: z.number().int(), intent: Intent, confidence: z.number() })),
  }),
  z.object({
    type: z.literal("stats"),
    totals: IntentCounts,
    perMinute: z.array(MinuteCounts),
    malformed: z.number().int(),
    duplicates: z.number().int(),
    /** Chats that arrived more than a minute after they were written (logged all the same). */
    late: z.number().int().default(0),
  }),
  z.object({ type: z.literal("resync"), fromSeq: z.number().int() }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() }),
  z.object({ type: z.literal("pong") }),
  /** A manager published or edited (same id) an answer: it is on viewers' screens now. */
  z.object({ type: z.literal("answer-published"), answer: QaPair }),
  /** A manager took an answer down from viewers' screens. */
  z.object({ type: z.literal("answer-unpublished"), id: z.string() }),
]);
export type BoardServerMessage = z.infer<typeof BoardServerMessage>;

/** Board → hub messages. */
export const BoardClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hello"), lastSeq: z.number().int().nonnegative() }),
  z.object({ type: z.literal("ping") }),
]);
export type BoardClientMessage = z.infer<typeof BoardClientMessage>;
