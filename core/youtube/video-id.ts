/** YouTube video ids: 11 characters of the URL-safe base64 alphabet. */
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = /(^|\.)youtube\.com$|^youtu\.be$|(^|\.)youtube-nocookie\.com$/;
/** scheme://[userinfo@]host[:port]/path?query — `core` has no URL class (no DOM or worker types). */
const HTTP_URL = /^https?:\/\/(?:[^@/?#]*@)?([^/?#:]+)(?::\d+)?(\/[^?#]*)?(\?[^#]*)?(?:#.*)?$/i;

/**
 * The video id a manager gave: a bare id, or a watch, live, shorts, embed or youtu.be URL
 * (`https://www.youtube.com/watch?v=…`, `https://youtu.be/…`, `https://www.youtube.com/live/…`).
 * Null when none can be found.
 */
export function youtubeVideoId(input: string): string | null {
  const text = input.trim();
  if (VIDEO_ID.test(text)) return text;
  const match = HTTP_URL.exec(text);
  if (!match) return null;
  const host = match[1]!.toLowerCase();
  if (!YOUTUBE_HOSTS.test(host)) return null;
  const path = match[2] ?? "/";
  const query = match[3] ?? "";
  const fromQuery = /[?&]v=([A-Za-z0-9_-]{11})(?:&|$)/.exec(query)?.[1];
  if (path === "/watch") return fromQuery ?? null;
  const fromPath =
    host === "youtu.be"
      ? /^\/([A-Za-z0-9_-]{11})\/?$/.exec(path)
      : /^\/(?:live|shorts|embed|v)\/([A-Za-z0-9_-]{11})\/?$/.exec(path);
  return fromPath?.[1] ?? null;
}
