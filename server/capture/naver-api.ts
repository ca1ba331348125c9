import { parseChatList, type ChatPage } from "../../core/naver/chat.ts";
import {
  NAVER_API_HEADERS,
  NAVER_HOSTS,
  naverUrls,
  singleHostBases,
  type NaverBases,
  type NaverUrls,
} from "../../core/naver/endpoints.ts";
import type { RecentCommentsFetcher } from "../../core/naver/gap.ts";

/** `fetch` as both Node and workerd provide it. */
export type FetchLike = (
  input: string,
  init?: { headers?: Record<string, string>; signal?: AbortSignal },
) => Promise<Response>;

/**
 * Naver's endpoints: the real hosts, or every endpoint on one base (`NAVER_API_BASE`, the
 * fixture site, a proxy) when one is given.
 */
export function naverEndpoints(apiBase?: string | null): NaverUrls {
  const bases: NaverBases = apiBase ? singleHostBases(apiBase) : { ...NAVER_HOSTS };
  return naverUrls(bases);
}

/** GETs JSON with Naver's headers and a timeout; null on any failure (callers fail soft). */
export async function getNaverJson(
  fetchImpl: FetchLike,
  url: string,
  timeoutMs = 10_000,
): Promise<{ ok: true; body: unknown } | { ok: false; status: number; error: string }> {
  try {
    const res = await fetchImpl(url, { headers: { ...NAVER_API_HEADERS }, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return { ok: false, status: res.status, error: `HTTP ${res.status}` };
    return { ok: true, body: (await res.json()) as unknown };
  } catch (err) {
    return { ok: false, status: 0, error: err instanceof Error ? err.message : String(err) };
  }
}

/** A recent-comments pager for one Naver broadcast (gap repair); rejects on a page it cannot read. */
export function recentCommentsFetcher(
  fetchImpl: FetchLike,
  urls: NaverUrls,
  naverId: string,
  pageSize = 100,
): RecentCommentsFetcher {
  return async (next: number | null): Promise<ChatPage> => {
    const answer = await getNaverJson(fetchImpl, urls.recentComments(naverId, next, pageSize));
    if (!answer.ok) throw new Error(`recent-comments: ${answer.error}`);
    const page = parseChatList(answer.body);
    if (!page) throw new Error("recent-comments: not a chat list");
    return page;
  };
}
