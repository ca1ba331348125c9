import * as z from "zod";
import type { YouTubeOAuthClient } from "./settings.ts";

const TokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const TokenError = z.object({ error: z.string(), error_description: z.string().optional() });
const Cached = z.object({ accessToken: z.string(), expiresAt: z.number() });

/** Refresh this long before Google's expiry, so no call goes out with a token about to lapse. */
export const REFRESH_AHEAD_MS = 5 * 60_000;
const KEY = "youtube-access-token";

/** The refresh token is expired or revoked (or the client is wrong): the channel must consent again. */
export class OAuthError extends Error {
  readonly code: "oauth_refresh_failed" | "oauth_unavailable";
  constructor(code: "oauth_refresh_failed" | "oauth_unavailable", message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * The channel's access token: kept in the capture object's storage (it outlives an eviction)
 * and refreshed with the refresh token before it expires. The refresh token and client
 * secret go in a form body, never in a URL or a log line.
 */
export class AccessTokens {
  private readonly kv: SyncKvStorage;
  private readonly client: YouTubeOAuthClient;

  constructor(kv: SyncKvStorage, client: YouTubeOAuthClient) {
    this.kv = kv;
    this.client = client;
  }

  /** A token valid for at least REFRESH_AHEAD_MS more. */
  async get(now = Date.now()): Promise<string> {
    const cached = Cached.safeParse(this.kv.get(KEY));
    if (cached.success && cached.data.expiresAt - REFRESH_AHEAD_MS > now) return cached.data.accessToken;
    return this.refresh(now);
  }

  /** Forgets the stored token (the API refused it). */
  forget(): void {
    this.kv.delete(KEY);
  }

  private async refresh(now: number): Promise<string> {
    const body = new URLSearchParams({
      grant_type: "refresh_token",
      client_id: this.client.clientId,
      client_secret: this.client.clientSecret,
      refresh_token: this.client.refreshToken,
    });
    let res: Response;
    try {
      res = await fetch(this.client.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      });
    } catch (err) {
      throw new OAuthError(
        "oauth_unavailable",
        `token endpoint unreachable: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const json: unknown = await res.json().catch(() => null);
    const ok = TokenResponse.safeParse(json);
    if (res.ok && ok.success) {
      this.kv.put(KEY, { accessToken: ok.data.access_token, expiresAt: now + ok.data.expires_in * 1000 });
      return ok.data.access_token;
    }
    const error = TokenError.safeParse(json);
    const reason = error.success ? error.data.error : `http ${res.status}`;
    if (reason === "invalid_grant" || reason === "invalid_client" || reason === "unauthorized_client") {
      throw new OAuthError(
        "oauth_refresh_failed",
        `YouTube OAuth: ${reason} (the refresh token is expired or revoked, or the client is wrong; consent again and set YOUTUBE_OAUTH_REFRESH_TOKEN)`,
      );
    }
    throw new OAuthError("oauth_unavailable", `YouTube OAuth token endpoint answered ${reason}`);
  }
}
