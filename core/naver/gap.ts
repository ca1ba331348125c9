import type { IngestChat } from "../protocol/ingest.ts";
import type { ChatPage } from "./chat.ts";

/**
 * Fetches one recent-comments page after `next` (a commentNo), or the latest page when null.
 * Rejects when the page cannot be read: a failed page must never look like the backlog's end,
 * or the chats after it are lost for good.
 */
export type RecentCommentsFetcher = (next: number | null) => Promise<ChatPage>;

export interface GapRepairResult {
  chats: IngestChat[];
  pages: number;
  malformed: number;
  /** True when the page cap stopped the walk before the backlog ran out. */
  capped: boolean;
}

/**
 * Fills the chats missed while a capture was down: pages recent-comments forward from the
 * last commentNo seen (`next` = that commentNo, Naver's cursor) until a page brings nothing
 * newer, keeping only chats after it. With nothing seen yet, takes the latest page. The hub
 * dedupes by commentNo, so overlap with live frames is harmless; missing one is not.
 */
export async function repairGap(
  fetchPage: RecentCommentsFetcher,
  lastSeen: number | null,
  maxPages = 50,
): Promise<GapRepairResult> {
  const chats: IngestChat[] = [];
  let cursor = lastSeen;
  let malformed = 0;
  for (let pages = 0; pages < maxPages; ) {
    const page = await fetchPage(cursor);
    pages++;
    malformed += page.malformed;
    const fresh = page.items.filter((c) => cursor === null || c.commentNo > cursor);
    fresh.sort((a, b) => a.commentNo - b.commentNo);
    chats.push(...fresh);
    const newest = fresh.at(-1)?.commentNo ?? null;
    if (newest === null || lastSeen === null) return { chats, pages, malformed, capped: false };
    cursor = Math.max(newest, page.next ?? newest);
  }
  return { chats, pages: maxPages, malformed, capped: true };
}
