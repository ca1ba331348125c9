import { classifyFailure, type ApiFailure } from "../../core/youtube/errors.ts";
import type { YouTubeConfig } from "./settings.ts";

export type ApiResult = { ok: true; body: unknown } | { ok: false; status: number; failure: ApiFailure };

/** How a call authenticates: the API key (reads) or the channel's access token (writes). */
export type Credential = { apiKey: string } | { accessToken: string };

/**
 * One YouTube Data API v3 call. The key travels in `x-goog-api-key` and the token in
 * `Authorization`, never in the URL. Network errors count as retryable failures.
 */
export async function callDataApi(
  config: YouTubeConfig,
  path: string,
  params: Record<string, string>,
  credential: Credential,
  init: { method?: string; body?: unknown } = {},
): Promise<ApiResult> {
  const url = `${config.apiBase}/youtube/v3/${path}?${new URLSearchParams(params)}`;
  const headers: Record<string, string> =
    "apiKey" in credential
      ? { "x-goog-api-key": credential.apiKey }
      : { authorization: `Bearer ${credential.accessToken}` };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch (err) {
    return {
      ok: false,
      status: 0,
      failure: { kind: "retry", reason: `network: ${err instanceof Error ? err.message : String(err)}` },
    };
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (res.ok) return { ok: true, body };
  return { ok: false, status: res.status, failure: classifyFailure(res.status, body) };
}
