const NAVER_HOSTS = /(^|\.)shoppinglive\.naver\.com$|(^|\.)naver\.me$/;
/** scheme://[userinfo@]host[:port]/path — `core` has no URL class (no DOM or worker types). */
const HTTP_URL = /^https?:\/\/(?:[^@/?#]*@)?([^/?#:]+)(?::\d+)?(\/[^?#]*)?(?:[?#].*)?$/i;

function splitUrl(url: string): { host: string; path: string } | null {
  const match = HTTP_URL.exec(url.trim());
  return match ? { host: match[1]!.toLowerCase(), path: match[2] ?? "/" } : null;
}

/**
 * The numeric broadcast id of a Naver Shopping Live viewer or replay URL
 * (`/lives/{id}`, `/replays/{id}`, `m.` hosts, query strings), or null.
 */
export function naverBroadcastId(url: string): string | null {
  const parts = splitUrl(url);
  if (!parts || !NAVER_HOSTS.test(parts.host)) return null;
  return idFromPath(parts.path);
}

/**
 * The broadcast id of a viewer-page URL on any host (`/lives/{id}`, `/replays/{id}`): for
 * capture targets given explicitly, such as a local copy of the page. Null otherwise.
 */
export function viewerPageBroadcastId(url: string): string | null {
  const parts = splitUrl(url);
  return parts ? idFromPath(parts.path) : null;
}

function idFromPath(pathname: string): string | null {
  const match = /\/(?:lives|replays|shortclips)\/(\d{3,20})(?:\/|$)/.exec(pathname);
  return match?.[1] ?? null;
}
