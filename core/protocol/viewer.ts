import * as z from "zod";

/** Limits of the viewer side. Changing one is a protocol change. */
export const VIEWER_LIMITS = {
  maxQuestionChars: 500,
  maxAnswerChars: 1000,
  /** Published pairs a viewer gets on connect (the most recent first). */
  maxRecentPairs: 20,
  /** Bytes of one message a viewer may send (only the keep-alive is accepted). */
  maxClientMessageBytes: 256,
} as const;

/** Published-answer ids: short, URL-safe, made by the server. */
export const AnswerId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "invalid answer id");

/** One approved (question, answer) pair as viewers see it; `at` is when it last changed. */
export const QaPair = z.object({
  id: AnswerId,
  question: z.string().min(1).max(VIEWER_LIMITS.maxQuestionChars),
  answer: z.string().min(1).max(VIEWER_LIMITS.maxAnswerChars),
  at: z.number().int().nonnegative(),
});
export type QaPair = z.infer<typeof QaPair>;

/**
 * What the hub relays to every ViewerFanout shard: a pair to show (new or edited, same id)
 * or one to take down.
 */
export const ViewerEvent = z.discriminatedUnion("type", [
  QaPair.extend({ type: z.literal("qa") }),
  z.object({ type: z.literal("unpublish"), id: AnswerId }),
]);
export type ViewerEvent = z.infer<typeof ViewerEvent>;

/**
 * Fan-out → viewer messages. `recent` comes first on every connect and is the whole current
 * set (so a reconnecting viewer drops pairs unpublished while it was away); then `qa` and
 * `unpublish` as they happen.
 */
export const ViewerServerMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("recent"), broadcastId: z.string(), items: z.array(QaPair) }),
  QaPair.extend({ type: z.literal("qa") }),
  z.object({ type: z.literal("unpublish"), id: AnswerId }),
  z.object({ type: z.literal("pong") }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() }),
]);
export type ViewerServerMessage = z.infer<typeof ViewerServerMessage>;

/** The one message a viewer may send: a keep-alive, answered with `{"type":"pong"}`. */
export const ViewerClientMessage = z.object({ type: z.literal("ping") });
export type ViewerClientMessage = z.infer<typeof ViewerClientMessage>;

/** The keep-alive byte for byte: the runtime answers it without waking the shard. */
export const VIEWER_PING = '{"type":"ping"}';
export const VIEWER_PONG = '{"type":"pong"}';

/** Body of `POST /api/broadcasts/:id/answers`. */
export const PublishAnswer = z.object({
  question: z.string().trim().min(1).max(VIEWER_LIMITS.maxQuestionChars),
  answer: z.string().trim().min(1).max(VIEWER_LIMITS.maxAnswerChars),
  /** The chat the question came from, when the manager answered one from the board. */
  sourceCommentNo: z.number().int().nonnegative().optional(),
  /** The question cluster answered, if any: the hub marks it answered for every board. */
  clusterId: z.string().max(32).optional(),
});
export type PublishAnswer = z.infer<typeof PublishAnswer>;

/** Body of `PATCH /api/broadcasts/:id/answers/:answerId`: at least one field. */
export const EditAnswer = z
  .object({
    question: z.string().trim().min(1).max(VIEWER_LIMITS.maxQuestionChars).optional(),
    answer: z.string().trim().min(1).max(VIEWER_LIMITS.maxAnswerChars).optional(),
  })
  .refine((b) => b.question !== undefined || b.answer !== undefined, { message: "question or answer is required" });
export type EditAnswer = z.infer<typeof EditAnswer>;

export const AnswerStatus = z.enum(["published", "unpublished"]);

/** A published answer as the API returns it. */
export const PublishedAnswer = z.object({
  id: AnswerId,
  broadcastId: z.string(),
  question: z.string(),
  answer: z.string(),
  sourceCommentNo: z.number().int().nullable(),
  status: AnswerStatus,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** The member who published it (null for answers published before members existed). */
  publishedBy: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
});
export type PublishedAnswer = z.infer<typeof PublishedAnswer>;

/** `GET /api/broadcasts/:id/answers`. */
export const PublishedAnswerList = z.object({ answers: z.array(PublishedAnswer) });
export type PublishedAnswerList = z.infer<typeof PublishedAnswerList>;

/** Naver Shopping Live broadcast ids are numeric. */
export const NaverBroadcastId = z.string().regex(/^\d{3,20}$/, "invalid Naver broadcast id");

/** Optional `?client=` of a viewer socket: a random id the extension keeps, so it stays on one shard. */
export const ViewerClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** The viewer pair of a published answer. */
export function toQaPair(a: Pick<PublishedAnswer, "id" | "question" | "answer" | "updatedAt">): QaPair {
  return { id: a.id, question: a.question, answer: a.answer, at: a.updatedAt };
}

/**
 * The shard of `<broadcast>:<shard>` a client goes to: FNV-1a of its id, so a client keeps
 * its shard across reconnects (and its recent pairs stay warm there).
 */
export function shardFor(clientKey: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < clientKey.length; i++) {
    hash ^= clientKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % Math.max(1, shards);
}

/** The Durable Object name of one viewer shard. */
export function viewerShardName(broadcastId: string, shard: number): string {
  return `${broadcastId}:${shard}`;
}
