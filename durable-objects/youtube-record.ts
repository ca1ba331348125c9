import * as z from "zod";

/**
 * What a ChatCapture object knows about its YouTube chat, in its own storage so an evicted
 * object resumes it: the chat's id, the page token after the last page the hub acknowledged
 * (the resume point: a page is re-read, never skipped; the hub drops what it already has),
 * the day's quota, failures and when to poll next.
 */
export const YouTubeRecord = z.object({
  videoId: z.string(),
  liveChatId: z.string().nullable(),
  pageToken: z.string().nullable(),
  ledger: z.object({ day: z.string(), units: z.number().int().nonnegative() }).nullable(),
  failures: z.number().int().nonnegative(),
  pollAt: z.number(),
  /** Messages LiveQ posted itself (the latest few): they come back in the list and are not viewer chats. */
  posted: z.array(z.string()),
  /** Items that were not chats, and items that could not be read. */
  ignored: z.number().int().nonnegative(),
  malformed: z.number().int().nonnegative(),
});
export type YouTubeRecord = z.infer<typeof YouTubeRecord>;

const KEY = "youtube";
const MAX_POSTED = 50;

export function freshYouTubeRecord(videoId: string, now: number): YouTubeRecord {
  return {
    videoId,
    liveChatId: null,
    pageToken: null,
    ledger: null,
    failures: 0,
    pollAt: now,
    posted: [],
    ignored: 0,
    malformed: 0,
  };
}

/** The stored record, or null. */
export function loadYouTube(kv: SyncKvStorage): YouTubeRecord | null {
  const parsed = YouTubeRecord.safeParse(kv.get(KEY));
  return parsed.success ? parsed.data : null;
}

/** Stores `record` in place of whatever was stored (a new video starts from scratch). */
export function replaceYouTube(kv: SyncKvStorage, record: YouTubeRecord): YouTubeRecord {
  kv.put(KEY, record);
  return record;
}

/**
 * Applies `patch` to the stored record (`record` when none is stored yet) and writes it through.
 * Always onto the stored one: a post or a poll that awaited the network must not write back
 * fields the other changed meanwhile. A function patch reads the current record (read, modify
 * and write happen in one synchronous turn).
 */
export function saveYouTube(
  kv: SyncKvStorage,
  record: YouTubeRecord,
  patch: Partial<YouTubeRecord> | ((current: YouTubeRecord) => Partial<YouTubeRecord>),
): YouTubeRecord {
  const current = loadYouTube(kv) ?? record;
  const next = { ...current, ...(typeof patch === "function" ? patch(current) : patch) };
  kv.put(KEY, next);
  return next;
}

/** Remembers a message LiveQ posted (its id, or `text:` and its text while the post is under way), keeping the latest few. */
export function withPosted(key: string): (current: YouTubeRecord) => Partial<YouTubeRecord> {
  return (current) => ({ posted: [...current.posted, key].slice(-MAX_POSTED) });
}
