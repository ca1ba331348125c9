import * as z from "zod";
import { BoardIntent, Intent } from "./intent.ts";
import { QaPair } from "./viewer.ts";
import { DraftResponse } from "../answers/api.ts";

/** One classified chat as boards see it. `seq` is the hub's per-broadcast order. */
export const BoardChat = z.object({
  seq: z.number().int().positive(),
  commentNo: z.number().int(),
  nickname: z.string(),
  message: z.string(),
  intent: BoardIntent,
  confidence: z.number().min(0).max(1),
  at: z.number().int(),
  /** A source's mark for the chat (a YouTube Super Chat's amount). */
  badge: z.string().optional(),
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

export const ClusterStatus = z.enum(["open", "answered", "dismissed"]);
export type ClusterStatus = z.infer<typeof ClusterStatus>;

/** A group of near-duplicate questions, with the answer drafted for it ahead of time (or null). */
export const ClusterView = z.object({
  id: z.string(),
  count: z.number().int(),
  latest: z.string(),
  latestSeq: z.number().int(),
  firstAt: z.number().int(),
  lastAt: z.number().int(),
  status: ClusterStatus,
  draft: DraftResponse.nullable(),
});
export type ClusterView = z.infer<typeof ClusterView>;

/** Which manager is writing an answer for which cluster, so two don't answer the same crowd. */
export const Claim = z.object({ clusterId: z.string(), manager: z.string() });
export type Claim = z.infer<typeof Claim>;

/** What the capture of a broadcast's live page is doing (ChatCapture DO or local agent). */
export const CaptureStatus = z.object({
  state: z.enum(["idle", "starting", "capturing", "reconnecting", "stopped", "error"]),
  /** Chats forwarded by this capture so far. */
  chats: z.number().int().nonnegative(),
  lastChatAt: z.number().int().nullable(),
  /** Where the capture runs: "browser-rendering" or "local-agent". */
  runner: z.string().max(40),
  message: z.string().max(300).optional(),
  /** API quota units spent today, for sources that have one (YouTube), and the daily limit. */
  quota: z
    .object({ units: z.number().int().nonnegative(), limit: z.number().int().positive(), warning: z.boolean() })
    .optional(),
  at: z.number().int(),
});
export type CaptureStatus = z.infer<typeof CaptureStatus>;

/** One answer's delivery to viewer shards: `pending` shards are still being retried (0: all reached). */
export const AnswerDelivery = z.object({
  id: z.string(),
  kind: z.enum(["qa", "unpublish"]),
  shards: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
});
export type AnswerDelivery = z.infer<typeof AnswerDelivery>;

export const HoldCategory = z.enum(["abuse", "spam", "personal_info"]);
export const HoldState = z.enum(["held", "allowed", "denied"]);

/** A chat moderation held (보류): kept out of the columns until a moderator allows it. */
export const HeldChat = BoardChat.extend({
  category: HoldCategory,
  score: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  state: HoldState,
});
export type HeldChat = z.infer<typeof HeldChat>;

/** Per-broadcast moderation rules (validated again by the hub with core/moderation/settings.ts). */
export const ModerationSettingsMessage = z.object({ type: z.literal("moderation-settings"), settings: z.unknown() });

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
  /**
   * A late board's start (answering `hello` with `recent`): the newest chats of each column in
   * seq order, replacing what the board showed; live frames continue after `lastSeq`.
   */
  z.object({ type: z.literal("window"), items: z.array(BoardChat), lastSeq: z.number().int().nonnegative() }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() }),
  z.object({ type: z.literal("pong") }),
  /** A manager published or edited (same id) an answer: it is on viewers' screens now. */
  z.object({ type: z.literal("answer-published"), answer: QaPair }),
  /** A manager took an answer down from viewers' screens. */
  z.object({ type: z.literal("answer-unpublished"), id: z.string() }),
  /** Clusters that changed (all of the top ones right after a board goes live). */
  z.object({ type: z.literal("clusters"), items: z.array(ClusterView) }),
  /** Every current claim, sent whenever one changes. */
  z.object({ type: z.literal("claims"), items: z.array(Claim) }),
  /** Chats the source deleted (a YouTube moderator or author): boards take them off. */
  z.object({ type: z.literal("chats-hidden"), commentNos: z.array(z.number().int()) }),
  /** An answer was posted into the source's own chat (YouTube), or posting it failed. */
  z.object({
    type: z.literal("answer-posted"),
    id: z.string(),
    posted: z.boolean(),
    text: z.string(),
    message: z.string().optional(),
  }),
  /** The capture's state, whenever it changes (and when a board goes live). */
  z.object({ type: z.literal("capture"), status: CaptureStatus }),
  /** How far answers reached viewers: sent as it changes, and all still on their way when a board goes live. */
  z.object({ type: z.literal("answer-delivery"), items: z.array(AnswerDelivery) }),
  /** A page of one column's older chats, newest first, answering `older`; `next` is where the next page starts (0: none left). */
  z.object({
    type: z.literal("older-chats"),
    column: Intent,
    items: z.array(BoardChat),
    next: z.number().int().nonnegative(),
  }),
  /** Chats newly held (or, when a board goes live, the whole waiting queue). Personal information masked. */
  z.object({ type: z.literal("held"), items: z.array(HeldChat) }),
  /** A moderator allowed (the chat joins its column: a `chats` frame follows) or denied a held chat. */
  z.object({
    type: z.literal("moderation-decision"),
    seq: z.number().int(),
    decision: z.enum(["allow", "deny"]),
    by: z.string().nullable(),
  }),
  /** The broadcast's moderation rules, whenever a manager changes them (and when a board goes live). */
  z.object({ type: z.literal("moderation-settings"), settings: z.record(z.string(), z.unknown()) }),
  /** A nickname's recent chats (masked) and how many of its chats were held; repeat offenders marked. */
  z.object({
    type: z.literal("nickname"),
    nickname: z.string(),
    chats: z.array(BoardChat.extend({ state: HoldState.nullable(), category: HoldCategory.nullable() })),
    held: z.number().int(),
    repeatOffender: z.boolean(),
  }),
]);
export type BoardServerMessage = z.infer<typeof BoardServerMessage>;

/** Board → hub messages. */
export const BoardClientMessage = z.discriminatedUnion("type", [
  /**
   * On every (re)connect: the hub replays from `lastSeq + 1`. With `recent`, a board further
   * behind than one replay gets a `window` of the newest chats instead (and pages back with `older`).
   */
  z.object({ type: z.literal("hello"), lastSeq: z.number().int().nonnegative(), recent: z.boolean().optional() }),
  z.object({ type: z.literal("ping") }),
  /** Marks a cluster answered or dismissed (or open again) for every manager. */
  z.object({ type: z.literal("cluster-status"), id: z.string().max(32), status: ClusterStatus }),
  /**
   * "I am answering this cluster" (null: no longer). The hub names the claim after the signed-in
   * member; a typed `manager` name is ignored (kept optional for older dashboards).
   */
  z.object({
    type: z.literal("claim"),
    clusterId: z.string().max(32).nullable(),
    manager: z.string().trim().min(1).max(40).optional(),
  }),
  /** Scrolling back: one column's chats older than `beforeSeq`, newest first (a page, never the whole log). */
  z.object({
    type: z.literal("older"),
    column: Intent,
    beforeSeq: z.number().int().positive(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  /** Allow (the chat joins its column) or deny (it stays hidden, counted) a held chat. */
  z.object({ type: z.literal("moderate"), seq: z.number().int().positive(), decision: z.enum(["allow", "deny"]) }),
  /** Replaces the broadcast's moderation rules (validated by the hub). */
  ModerationSettingsMessage,
  /** Asks for a nickname's recent chats and held count. */
  z.object({ type: z.literal("nickname"), nickname: z.string().max(100) }),
]);
export type BoardClientMessage = z.infer<typeof BoardClientMessage>;
