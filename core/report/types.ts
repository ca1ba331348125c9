import * as z from "zod";
import { MinuteCounts } from "../protocol/board.ts";

/**
 * What a broadcast's hub knows for its report, read from aggregates kept as chats arrive
 * (counters, minute_counts, the chatter set, clusters) and the few rows the report records
 * (answer links, cluster status marks, capture state changes): never the chat log itself.
 */
export const HubReportData = z.object({
  /** Chats in the log (its last seq). */
  chats: z.number().int().nonnegative(),
  /** Every counter of the hub by name (general, request, question, held, held_abuse, …). */
  counters: z.record(z.string(), z.number()),
  uniqueChatters: z.number().int().nonnegative(),
  /** Per-minute counts by intent; `minute` is the epoch minute, as the hub stores it. */
  minutes: z.array(MinuteCounts),
  /** The most asked clusters (at most `HUB_REPORT_CLUSTERS`), most asked first. */
  clusters: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      count: z.number().int(),
      firstAt: z.number().int(),
      lastAt: z.number().int(),
      status: z.enum(["open", "answered", "dismissed"]),
    }),
  ),
  clustersTotal: z.number().int().nonnegative(),
  /** Answers as the hub relayed them first: which cluster, when, and who held its claim. */
  answerLinks: z.array(
    z.object({
      answerId: z.string(),
      clusterId: z.string().nullable(),
      publishedAt: z.number().int(),
      by: z.string().nullable(),
    }),
  ),
  /** The first time each cluster was marked answered or dismissed on a board, and by whom. */
  statusMarks: z.array(
    z.object({ clusterId: z.string(), status: z.string(), at: z.number().int(), by: z.string().nullable() }),
  ),
  /** `at` of the first and the last logged chat (null: none yet). */
  firstChatAt: z.number().int().nullable(),
  lastChatAt: z.number().int().nullable(),
  /** Capture state changes, oldest first. */
  captureEvents: z.array(z.object({ at: z.number().int(), state: z.string(), message: z.string().nullable() })),
});
export type HubReportData = z.infer<typeof HubReportData>;

/** Clusters the hub hands to a report: the rest are counted in `clustersTotal`. */
export const HUB_REPORT_CLUSTERS = 1000;

/** The D1 side of a report: the broadcast, its products and its published answers. */
export interface StoredReportData {
  broadcastId: string;
  title: string;
  products: readonly { key: string; name: string; brandName?: string | null }[];
  /** `publishedBy`: the signed-in member who published it (older rows have none). */
  answers: readonly {
    id: string;
    question: string;
    answer: string;
    status: string;
    createdAt: number;
    publishedBy?: string | null;
  }[];
}

const Ms = z.number().int();

export const ReportCluster = z.object({
  id: z.string(),
  text: z.string(),
  count: z.number().int(),
  firstAskedAt: Ms,
  lastAskedAt: Ms,
  answered: z.boolean(),
  answeredAt: Ms.nullable(),
  answer: z.string().nullable(),
  answerId: z.string().nullable(),
  by: z.string().nullable(),
  timeToAnswerMs: z.number().int().nullable(),
  dismissed: z.boolean(),
  productKey: z.string().nullable(),
});
export type ReportCluster = z.infer<typeof ReportCluster>;

export const ReportMinute = z.object({
  minute: Ms,
  general: z.number().int(),
  request: z.number().int(),
  question: z.number().int(),
});
export type ReportMinute = z.infer<typeof ReportMinute>;

export const ReportAnswer = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  publishedAt: Ms,
  by: z.string().nullable(),
  status: z.string(),
  clusterId: z.string().nullable(),
  timeToAnswerMs: z.number().int().nullable(),
});
export type ReportAnswer = z.infer<typeof ReportAnswer>;

export const CaptureOutage = z.object({
  from: Ms,
  to: Ms.nullable(),
  state: z.string(),
  message: z.string().nullable(),
});
export type CaptureOutage = z.infer<typeof CaptureOutage>;

/**
 * `GET /api/broadcasts/:id/report` (a contract outside checks read: keep these fields, add new ones). Times
 * are epoch milliseconds, `perMinute[].minute` included (the minute's start).
 */
export const BroadcastReport = z.object({
  broadcastId: z.string(),
  title: z.string(),
  totals: z.object({
    chats: z.number().int(),
    general: z.number().int(),
    request: z.number().int(),
    question: z.number().int(),
    held: z.number().int(),
    uniqueChatters: z.number().int(),
  }),
  perMinute: z.array(ReportMinute),
  clusters: z.array(ReportCluster),
  products: z.array(z.object({ key: z.string(), name: z.string(), questions: z.number().int() })),
  answers: z.array(ReportAnswer),
  moderation: z.object({ abuse: z.number().int(), spam: z.number().int(), personal_info: z.number().int() }),
  peakMinute: z.object({ minute: Ms, chats: z.number().int() }).nullable(),
  /** Minutes (their start) in which answers were published: the chart's markers. */
  answerMinutes: z.array(Ms),
  timeToAnswer: z.object({
    answered: z.number().int(),
    medianMs: z.number().int().nullable(),
    maxMs: z.number().int().nullable(),
  }),
  /** Questions in clusters no product was named or inferred for. */
  unassignedQuestions: z.number().int(),
  clustersTotal: z.number().int(),
  captureOutages: z.array(CaptureOutage),
  firstChatAt: Ms.nullable(),
  lastChatAt: Ms.nullable(),
  generatedAt: Ms,
});
export type BroadcastReport = z.infer<typeof BroadcastReport>;
