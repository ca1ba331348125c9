import * as z from "zod";

export const BroadcastSource = z.enum(["ingest", "naver", "replay"]);
export type BroadcastSource = z.infer<typeof BroadcastSource>;

/** Body of `POST /api/broadcasts`. */
export const CreateBroadcast = z
  .object({
    title: z.string().trim().min(1).max(200),
    source: BroadcastSource,
    naverUrl: z.url().max(500).optional(),
  })
  .refine((b) => b.source !== "naver" || b.naverUrl !== undefined, {
    message: "naverUrl is required when source is naver",
    path: ["naverUrl"],
  });
export type CreateBroadcast = z.infer<typeof CreateBroadcast>;

/** Broadcast ids are URL-safe and short: they name Durable Objects and appear in paths. */
export const BroadcastId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "invalid broadcast id");

/** One error shape for every failing API response. */
export interface ApiError {
  error: { code: string; message: string };
}
