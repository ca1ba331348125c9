import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/corpus.ts";
import { parseDevVars } from "../../scripts/lib/dev-vars.ts";
import { freePort } from "../../scripts/lib/process.ts";
import { startYouTubeServer, type YouTubeServer } from "../servers/youtube-server.ts";
import { YOUTUBE_TEST_KEY, YOUTUBE_TEST_OAUTH, type ChatLog } from "../servers/youtube-script.ts";

/**
 * End to end through `npm start` (scripts/start.ts) with its YouTube settings pointed at the
 * local Data API server: create a YouTube broadcast from a URL, capture its chat, export it,
 * publish an answer into the chat, and stop everything with Ctrl-C (SIGINT).
 */
let youtube: YouTubeServer;
let app: ChildProcess;
let url = "";
let output = "";
const videoId = "e2eYouTube1";
const liveChatId = "e2e-live-chat";

function call(pathname: string, init: RequestInit = {}): Promise<Response> {
  const token = parseDevVars(readFileSync(path.join(ROOT, ".dev.vars"), "utf8")).ADMIN_TOKEN!;
  return fetch(url + pathname, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  });
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

beforeAll(async () => {
  youtube = await startYouTubeServer();
  await fetch(`${youtube.url}/__test/videos`, {
    method: "POST",
    body: JSON.stringify({ videoId, liveChatId, pollingIntervalMillis: 500 }),
  });
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  app = spawn("node", ["scripts/start.ts"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      DEMO_RATE: "60",
      YOUTUBE_API_KEY: YOUTUBE_TEST_KEY,
      YOUTUBE_API_BASE: youtube.url,
      YOUTUBE_OAUTH_TOKEN_URL: `${youtube.url}/token`,
      YOUTUBE_OAUTH_CLIENT_ID: YOUTUBE_TEST_OAUTH.clientId,
      YOUTUBE_OAUTH_CLIENT_SECRET: YOUTUBE_TEST_OAUTH.clientSecret,
      YOUTUBE_OAUTH_REFRESH_TOKEN: YOUTUBE_TEST_OAUTH.refreshToken,
    },
  });
  app.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  app.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  await until(
    async () => output,
    (o) => o.includes("LiveQ is running"),
    240_000,
  );
}, 300_000);

afterAll(async () => {
  if (app?.pid && app.exitCode === null) {
    try {
      process.kill(-app.pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  await youtube?.close();
});

describe("npm start with YouTube settings", () => {
  it("captures a YouTube live chat, posts an answer into it, and stops on Ctrl-C", async () => {
    await fetch(`${youtube.url}/__test/chats/${liveChatId}/messages`, {
      method: "POST",
      body: JSON.stringify([
        { id: "e1", text: "사이즈 몇 나와요?", author: "민지" },
        { id: "e2", type: "superChatEvent", text: "배송 언제 와요?", author: "큰손", amount: "₩5,000" },
        { id: "e3", text: "<b>굵게</b> 그대로", author: "장난" },
      ]),
    });
    const created = await call("/api/broadcasts", {
      method: "POST",
      body: JSON.stringify({
        title: "유튜브 라이브 e2e",
        source: "youtube",
        youtubeVideoId: `https://youtu.be/${videoId}`,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(
      (await call(`/api/broadcasts/${id}/capture`, { method: "POST", body: JSON.stringify({ kind: "youtube" }) }))
        .status,
    ).toBe(202);
    const lines = await until(
      async () => (await (await call(`/api/broadcasts/${id}/chats.jsonl`)).text()).trim().split("\n").filter(Boolean),
      (l) => l.length >= 3,
    );
    expect(lines.map((l) => (JSON.parse(l) as { message: string }).message)).toEqual([
      "사이즈 몇 나와요?",
      "배송 언제 와요?",
      "<b>굵게</b> 그대로",
    ]);
    const status = (await (await call(`/api/broadcasts/${id}/capture`)).json()) as {
      status: { runner: string; quota: { units: number } };
    };
    expect(status.status.runner).toBe("youtube-api");
    expect(status.status.quota.units).toBeGreaterThanOrEqual(6);

    const published = await call(`/api/broadcasts/${id}/answers`, {
      method: "POST",
      body: JSON.stringify({ question: "배송 언제 와요?", answer: "오늘 주문하면 내일 출발해요." }),
    });
    const answerId = ((await published.json()) as { answer: { id: string } }).answer.id;
    const posted = await call(`/api/broadcasts/${id}/answers/${answerId}/youtube`, { method: "POST" });
    expect(posted.status).toBe(200);
    const log = (await (await fetch(`${youtube.url}/__test/chats/${liveChatId}`)).json()) as ChatLog;
    expect(log.inserted.map((i) => i.text)).toEqual(["오늘 주문하면 내일 출발해요."]);
    expect(log.keyInUrl).toBe(0);
    // No secret in the arguments of any process npm start started.
    expect(output).not.toContain(YOUTUBE_TEST_OAUTH.clientSecret);

    process.kill(app.pid!, "SIGINT");
    const code = await new Promise<number | null>((resolve) => {
      if (app.exitCode !== null) return resolve(app.exitCode);
      app.once("exit", (c) => resolve(c));
      setTimeout(() => resolve(-1), 15_000);
    });
    // Stopped by the signal within seconds (scripts/lib/process.ts exits 128 + the signal after cleaning up), not timed out.
    expect([0, 130, 143]).toContain(code);
    await until(
      async () =>
        fetch(`${url}/api/health`).then(
          () => "up",
          () => "down",
        ),
      (s) => s === "down",
      15_000,
    );
  }, 240_000);
});
