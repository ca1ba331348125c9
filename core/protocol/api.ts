import * as z from "zod";

export const BroadcastSource = z.enum(["ingest", "naver", "replay", "youtube"]);
export type BroadcastSource = z.infer<typeof BroadcastSource>;

/** Body of `POST /api/broadcasts`. */
export const CreateBroadcast = z
  .object({
    title: z.string().trim().min(1).max(200),
    source: BroadcastSource,
    naverUrl: z.url().max(500).optional(),
    /** A YouTube live's video id or URL (watch, live, youtu.be). */
    youtubeVideoId: z.string().trim().min(1).max(500).optional(),
  })
  .refine((b) => b.source !== "naver" || b.naverUrl !== undefined, {
    message: "naverUrl is required when source is naver",
    path: ["naverUrl"],
  })
  .refine((b) => b.source !== "youtube" || b.youtubeVideoId !== undefined, {
    message: "youtubeVideoId is required when source is youtube",
    path: ["youtubeVideoId"],
  });
export type CreateBroadcast = z.infer<typeof CreateBroadcast>;

/** Broadcast ids are URL-safe and short: they name Durable Objects and appear in paths. */
export const BroadcastId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "invalid broadcast id");

/** One error shape for every failing API response. */
export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;

export const BroadcastStatus = z.enum(["ready", "live", "ended"]);
export type BroadcastStatus = z.infer<typeof BroadcastStatus>;

/** A broadcast as `GET /api/broadcasts[/:id]` returns it. */
export const BroadcastSummary = z.object({
  id: z.string(),
  title: z.string(),
  source: BroadcastSource,
  naverUrl: z.string().nullable(),
  naverId: z.string().nullable(),
  /** The YouTube live's video id (source youtube). */
  youtubeVideoId: z.string().nullable().default(null),
  status: BroadcastStatus,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  chatCount: z.number().int(),
  /** When the broadcast was marked ended; null while it is not. */
  endedAt: z.number().int().nullable(),
});
export type BroadcastSummary = z.infer<typeof BroadcastSummary>;

/** `GET /api/broadcasts?limit=&cursor=`: a page, newest first; `nextCursor` fetches the next (null: last page). */
export const BroadcastList = z.object({
  broadcasts: z.array(BroadcastSummary),
  nextCursor: z.string().nullable().default(null),
});
export type BroadcastList = z.infer<typeof BroadcastList>;

/** `POST /api/broadcasts` answer: the ingest token is shown once. */
export const CreatedBroadcast = z.object({
  id: z.string(),
  ingestToken: z.string(),
  /** What `DELETE /api/broadcasts/:id/ingest-tokens/:tokenId` names to revoke it. */
  ingestTokenId: z.string().optional(),
});
export type CreatedBroadcast = z.infer<typeof CreatedBroadcast>;

/** `GET /api/health`: `backends` only for authenticated managers. */
export const Health = z.object({
  status: z.literal("ok"),
  backends: z
    .object({
      intent: z.string(),
      retrieval: z.string(),
      drafting: z.string(),
      capture: z.string(),
    })
    .optional(),
});
export type Health = z.infer<typeof Health>;
