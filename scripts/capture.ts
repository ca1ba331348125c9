import { parseArgs } from "node:util";
import puppeteer, { type Browser } from "puppeteer-core";
import { viewerPageBroadcastId } from "../core/naver/url.ts";
import type { IngestAck, IngestChat } from "../core/protocol/ingest.ts";
import { PageCapture, type CaptureStats } from "../server/capture/capture-page.ts";
import { naverEndpoints, recentCommentsFetcher } from "../server/capture/naver-api.ts";
import { IngestClient } from "./lib/ingest-client.ts";

/** Flags for a headless Chromium on a machine with no network services to talk to. */
export const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--mute-audio"];

export interface CaptureAgentOptions {
  /** The viewer page; any host (a local copy, the fixture) as long as the path is `/lives/{id}`. */
  url: string;
  /** LiveQ base URL. */
  server: string;
  /** LiveQ broadcast id. */
  broadcast: string;
  token: string;
  /** Where recent-comments lives (one base for every endpoint); Naver's real hosts when absent. */
  apiBase?: string;
  chromium?: string;
  log?: (line: string) => void;
  /** Called with each batch as it is handed to the ingest client (benchmarks time from here). */
  onForward?: (chats: readonly IngestChat[]) => void;
  /** Called with each hub acknowledgement (benchmarks time to here). */
  onAck?: (ack: IngestAck) => void;
  /** Delay before relaunching a browser that died. */
  restartDelayMs?: number;
}

/** A running capture agent. */
export interface CaptureAgent {
  readonly client: IngestClient;
  /** The current browser's process id (tests kill it to simulate a crash). */
  browserPid(): number | null;
  /** Browser launches so far (1 + restarts). */
  launches(): number;
  stats(): CaptureStats | null;
  stop(): Promise<void>;
}

/**
 * The local capture agent: a headless Chromium opens the viewer page, `PageCapture` reads the
 * page's chat frames over CDP, and the reconnecting `IngestClient` forwards them to LiveQ,
 * buffering until the hub acknowledges. A browser that dies is relaunched and the gap is
 * repaired from recent-comments, so no chat is lost or repeated.
 */
export async function startCaptureAgent(options: CaptureAgentOptions): Promise<CaptureAgent> {
  const naverId = viewerPageBroadcastId(options.url);
  if (!naverId) throw new Error(`--url must be a viewer page (/lives/{id}): ${options.url}`);
  const log = options.log ?? (() => {});
  const client = new IngestClient({ server: options.server, broadcast: options.broadcast, token: options.token, source: "naver-capture", batchMs: 20, maxBatch: 500, log, ...(options.onAck ? { onAck: options.onAck } : {}) });
  const fetchRecent = recentCommentsFetcher(fetch, naverEndpoints(options.apiBase), naverId);
  let browser: Browser | null = null;
  let capture: PageCapture | null = null;
  let launches = 0;
  let stopped = false;

  async function launch(lastSeen: number | null): Promise<void> {
    launches++;
    const current = await puppeteer.launch({ executablePath: options.chromium ?? "/usr/bin/chromium", headless: true, args: CHROMIUM_FLAGS });
    browser = current;
    current.on("disconnected", () => void onDisconnected(current));
    const page = await current.newPage();
    const next = new PageCapture({
      pageUrl: options.url,
      lastSeen,
      fetchRecent,
      forward: (chats) => {
        options.onForward?.(chats);
        client.push(chats);
      },
      log,
    });
    capture = next;
    await next.start(page);
    log(`capturing ${options.url} (launch ${launches}, resuming after ${lastSeen ?? "nothing"})`);
  }

  async function onDisconnected(dead: Browser): Promise<void> {
    if (stopped || dead !== browser) return;
    const lastSeen = capture?.lastSeen ?? null;
    log(`browser gone; relaunching and repairing after commentNo ${lastSeen ?? "none"}`);
    await capture?.stop();
    for (let attempt = 1; !stopped; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min((options.restartDelayMs ?? 500) * attempt, 10_000)));
      try {
        return await launch(lastSeen);
      } catch (err) {
        log(`relaunch failed (${err instanceof Error ? err.message : String(err)}); retrying`);
      }
    }
  }

  await launch(null);
  return {
    client,
    browserPid: () => browser?.process()?.pid ?? null,
    launches: () => launches,
    stats: () => capture?.stats ?? null,
    async stop() {
      stopped = true;
      await capture?.settled();
      await capture?.stop();
      await browser?.close().catch(() => {});
      client.close();
    },
  };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      server: { type: "string", default: "http://127.0.0.1:8787" },
      broadcast: { type: "string" },
      token: { type: "string", default: process.env.LIVEQ_TOKEN ?? "" },
      "api-base": { type: "string" },
      chromium: { type: "string", default: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    },
  });
  if (!values.url || !values.broadcast || !values.token) {
    console.error("usage: npm run capture -- --url <viewer page> --server <LiveQ base> --broadcast <id> --token <token> [--api-base <recent-comments base>]");
    process.exit(2);
  }
  const agent = await startCaptureAgent({
    url: values.url,
    server: values.server,
    broadcast: values.broadcast,
    token: values.token,
    chromium: values.chromium,
    ...(values["api-base"] ? { apiBase: values["api-base"] } : {}),
    log: (line) => console.log(line),
  });
  setInterval(() => {
    const s = agent.stats();
    console.log(`captured ${s?.chats ?? 0} chats (repaired ${s?.repairedChats ?? 0}), acked ${agent.client.acked}, backlog ${agent.client.backlog}`);
  }, 10_000).unref();
  process.on("SIGINT", () => void agent.stop().then(() => process.exit(0)));
}
