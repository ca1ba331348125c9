import { startYouTubeServer } from "../test/servers/youtube-server.ts";
import { YOUTUBE_TEST_KEY, YOUTUBE_TEST_OAUTH } from "../test/servers/youtube-script.ts";

/**
 * `npm run fixture:youtube`: the local YouTube Data API and OAuth token server on
 * 127.0.0.1:9556 (YOUTUBE_FIXTURE_PORT), with one live video, `liveqdemo01`, whose chat gets a
 * viewer message every 2 seconds. Point `npm start` at it with the printed settings. Ctrl-C stops.
 */
process.env.YOUTUBE_FIXTURE_PORT ??= "9556";
const server = await startYouTubeServer();
const videoId = "liveqdemo01";
const liveChatId = "liveq-demo-chat";
await fetch(`${server.url}/__test/videos`, {
  method: "POST",
  body: JSON.stringify({ videoId, liveChatId, pollingIntervalMillis: 2000 }),
});
const lines = [
  "사이즈 몇 나와요?",
  "배송 언제 와요?",
  "색상 뭐 있어요?",
  "오늘 방송 재밌어요",
  "할인 쿠폰 어디서 받아요?",
  "재입고 되나요?",
];
let n = 0;
const timer = setInterval(() => {
  n++;
  const message = {
    id: `demo-${Date.now()}-${n}`,
    text: lines[n % lines.length]!,
    author: `viewer${n % 7}`,
    ...(n % 10 === 0 ? { type: "superChatEvent", amount: "₩5,000" } : {}),
  };
  void fetch(`${server.url}/__test/chats/${liveChatId}/messages`, {
    method: "POST",
    body: JSON.stringify([message]),
  }).catch(() => {});
}, 2000);
console.log(`
  Local YouTube Data API on ${server.url} (video ${videoId}). Start LiveQ against it with:
  YOUTUBE_API_BASE=${server.url} YOUTUBE_API_KEY=${YOUTUBE_TEST_KEY} \\
  YOUTUBE_OAUTH_TOKEN_URL=${server.url}/token YOUTUBE_OAUTH_CLIENT_ID=${YOUTUBE_TEST_OAUTH.clientId} \\
  YOUTUBE_OAUTH_CLIENT_SECRET=${YOUTUBE_TEST_OAUTH.clientSecret} YOUTUBE_OAUTH_REFRESH_TOKEN=${YOUTUBE_TEST_OAUTH.refreshToken} npm start
`);
const shutdown = () => {
  clearInterval(timer);
  void server.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
