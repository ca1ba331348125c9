import { workersProject } from "../workers/project.ts";
import { YOUTUBE_TEST_KEY, YOUTUBE_TEST_OAUTH } from "../servers/youtube-script.ts";

/**
 * The Worker with YouTube configured against the local Data API and OAuth token server
 * (test/servers/youtube-server.ts): capture by polling, quota, errors, posting, moderation.
 */
const config = workersProject("workers-youtube", (inject) => ({
  YOUTUBE_API_KEY: YOUTUBE_TEST_KEY,
  YOUTUBE_API_BASE: inject<string>("youtubeUrl"),
  YOUTUBE_OAUTH_TOKEN_URL: `${inject<string>("youtubeUrl")}/token`,
  YOUTUBE_OAUTH_CLIENT_ID: YOUTUBE_TEST_OAUTH.clientId,
  YOUTUBE_OAUTH_CLIENT_SECRET: YOUTUBE_TEST_OAUTH.clientSecret,
  YOUTUBE_OAUTH_REFRESH_TOKEN: YOUTUBE_TEST_OAUTH.refreshToken,
  YOUTUBE_DAILY_QUOTA: "10000",
  TEST_YOUTUBE_URL: inject<string>("youtubeUrl"),
}));
config.test = { ...config.test, globalSetup: ["test/servers/global-setup.ts", "test/servers/youtube-global-setup.ts"] };
export default config;
