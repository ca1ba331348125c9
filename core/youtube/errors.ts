import * as z from "zod";

/** Google's error body: `{error: {code, message, errors: [{domain, reason, message}]}}`. */
const ApiErrorBody = z.object({
  error: z.object({
    code: z.number().int().optional(),
    message: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional(), domain: z.string().optional() })).optional(),
  }),
});

/** What the capture does about a failed call. */
export type ApiFailure =
  /** The project's daily quota is spent: wait for the day's reset. */
  | { kind: "quota"; reason: string }
  /** Too many requests: back off, growing. */
  | { kind: "rate"; reason: string }
  /** The chat is over or gone: end the capture cleanly. */
  | { kind: "ended"; reason: string }
  /** The page token is not accepted: start again from the chat's present. */
  | { kind: "page-token"; reason: string }
  /** The server failed (5xx, network): retry with growing waits. */
  | { kind: "retry"; reason: string }
  /** Anything else (a bad key, a forbidden chat): stop and say why. */
  | { kind: "fatal"; reason: string };

const ENDED = new Set(["liveChatEnded", "liveChatNotFound", "liveChatDisabled", "videoNotFound"]);
const RATE = new Set(["rateLimitExceeded", "userRateLimitExceeded"]);
const QUOTA = new Set(["quotaExceeded", "dailyLimitExceeded"]);
const PAGE_TOKEN = new Set(["pageTokenInvalid", "invalidPageToken"]);

/** Classifies a failed Data API response by its status and Google's first error reason. */
export function classifyFailure(status: number, body: unknown): ApiFailure {
  const parsed = ApiErrorBody.safeParse(body);
  const reason = (parsed.success && parsed.data.error.errors?.[0]?.reason) || `http ${status}`;
  if (QUOTA.has(reason)) return { kind: "quota", reason };
  if (RATE.has(reason) || status === 429) return { kind: "rate", reason };
  if (ENDED.has(reason)) return { kind: "ended", reason };
  if (PAGE_TOKEN.has(reason)) return { kind: "page-token", reason };
  if (status >= 500 || status === 0) return { kind: "retry", reason };
  return { kind: "fatal", reason };
}

/** Growing waits after repeated failures: 1 s, 2 s, 4 s… up to `maxMs`. */
export function backoffMs(failures: number, maxMs = 60_000): number {
  return Math.min(1000 * 2 ** Math.max(0, failures - 1), maxMs);
}
