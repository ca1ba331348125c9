import { dailyQuotaOf } from "../../core/youtube/quota.ts";

/** YouTube settings (README: configuration); all optional, set as vars or secrets. */
interface YouTubeSettings {
  /** Data API key: reads (videos.list, liveChatMessages.list). */
  YOUTUBE_API_KEY?: string;
  /** Default https://www.googleapis.com; a local server in tests and `npm start`. */
  YOUTUBE_API_BASE?: string;
  /** OAuth client and the channel owner's refresh token: posting and moderation. */
  YOUTUBE_OAUTH_CLIENT_ID?: string;
  YOUTUBE_OAUTH_CLIENT_SECRET?: string;
  YOUTUBE_OAUTH_REFRESH_TOKEN?: string;
  /** Default https://oauth2.googleapis.com/token. */
  YOUTUBE_OAUTH_TOKEN_URL?: string;
  /** The project's daily quota in units (default 10,000). */
  YOUTUBE_DAILY_QUOTA?: string;
}

declare global {
  interface Env extends YouTubeSettings {}
  namespace Cloudflare {
    interface Env extends YouTubeSettings {}
  }
}

export interface YouTubeOAuthClient {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  tokenUrl: string;
}

export interface YouTubeConfig {
  apiBase: string;
  apiKey: string | null;
  /** Null when OAuth is not configured: capture works, posting and moderation do not. */
  oauth: YouTubeOAuthClient | null;
  dailyQuota: number;
}

/** The YouTube configuration from the Worker's environment. */
export function youtubeConfig(env: Env): YouTubeConfig {
  const {
    YOUTUBE_OAUTH_CLIENT_ID: clientId,
    YOUTUBE_OAUTH_CLIENT_SECRET: clientSecret,
    YOUTUBE_OAUTH_REFRESH_TOKEN: refreshToken,
  } = env;
  return {
    apiBase: (env.YOUTUBE_API_BASE || "https://www.googleapis.com").replace(/\/+$/, ""),
    apiKey: env.YOUTUBE_API_KEY || null,
    oauth:
      clientId && clientSecret && refreshToken
        ? {
            clientId,
            clientSecret,
            refreshToken,
            tokenUrl: env.YOUTUBE_OAUTH_TOKEN_URL || "https://oauth2.googleapis.com/token",
          }
        : null,
    dailyQuota: dailyQuotaOf(env.YOUTUBE_DAILY_QUOTA),
  };
}
