import * as z from "zod";

/** Replay rate bounds: a quiet room up to a peak Naver broadcast with headroom. */
export const REPLAY_RATE = { min: 1, max: 60_000, default: 300 } as const;

/** What a rehearsal replays: the labelled corpus (data/chats), or the demo show's chat (data/demo/chat.tsv). */
export const ReplayCorpus = z.enum(["labelled", "demo"]);
export type ReplayCorpus = z.infer<typeof ReplayCorpus>;

/** `POST /api/broadcasts/:id/capture`: what to capture (the route fills a browser url from the broadcast). */
export const CaptureRequest = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("browser"),
    url: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
  }),
  z.object({
    kind: z.literal("replay"),
    ratePerMin: z.number().int().min(REPLAY_RATE.min).max(REPLAY_RATE.max).optional(),
    corpus: ReplayCorpus.optional(),
  }),
  /** A YouTube live by its video id or URL (the broadcast's own when absent), read with the Data API. */
  z.object({ kind: z.literal("youtube"), video: z.string().trim().min(1).max(500).optional() }),
]);
export type CaptureRequest = z.infer<typeof CaptureRequest>;

/** What `ChatCapture.start` takes: the request with every default resolved. */
export const CaptureStart = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("browser"), url: z.url({ protocol: /^https?$/ }).max(500) }),
  z.object({
    kind: z.literal("replay"),
    ratePerMin: z.number().int().min(REPLAY_RATE.min).max(REPLAY_RATE.max),
    corpus: ReplayCorpus.optional(),
  }),
  z.object({ kind: z.literal("youtube"), videoId: z.string().regex(/^[A-Za-z0-9_-]{11}$/) }),
]);
export type CaptureStart = z.infer<typeof CaptureStart>;
