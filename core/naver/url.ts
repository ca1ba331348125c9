const NAVER_HOSTS = /(^|\.)shoppinglive\.naver\.com$|(^|\.)naver\.me$/;

/**
 * The numeric broadcast id of a Naver Shopping Live viewer or replay URL
 * (`/lives/{id}`, `/replays/{id}`, `m.` hosts, query strings), or null.
 */
export function naverBroadcastId(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!NAVER_HOSTS.test(parsed.hostname)) return null;
  const match = /\/(?:lives|replays|shortclips)\/(\d{3,20})(?:\/|$)/.exec(parsed.pathname);
  return match?.[1] ?? null;
}
