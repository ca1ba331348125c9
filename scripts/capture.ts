import { parseArgs } from "node:util";
import puppeteer, { type Browser } from "puppeteer-core";
import { viewerPageBroadcastId } from "../core/naver/url.ts";
import type { IngestAck, IngestChat } from "../core/protocol/ingest.ts";
import { PageCapture, type CaptureStats } from "../server/capture/capture-page.ts";
import { naverEndpoints, recentCommentsFetcher } from "../server/capture/naver-api.ts";
import { IngestClient } from "./lib/ingest-client.ts";
import { exitOnSignals } from "./lib/process.ts";

/** Flags for a headless Chromium on a machine with no network services to talk to. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--mute-audio",
];

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
  /** Delay before relaunching a browser that died; doubles while launches fail. */
  restartDelayMs?: number;
  /** The longest wait between launches while the page is unreachable (default 30 s). */
  maxBackoffMs?: number;
  /** A page that frames nothing for this long is reloaded in a new browser (default 90 s). */
  stallMs?: number;
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
 * buffering until the hub acknowledges. A browser that dies, or a page that stops framing, is
 * relaunched and the gap is repaired from recent-comments, so no chat is lost or repeated.
 *
 * One browser at a time, always: a relaunch closes the previous browser first, and a launch
 * that fails (the page unreachable) closes the browser it started. While the page stays
 * unreachable the agent backs off (up to `maxBackoffMs`) and logs each wait. Chromium is
 * driven over a pipe (`--remote-debugging-pipe`), so it exits with this process even when
 * the process is killed hard.
 */
export async function startCaptureAgent(options: CaptureAgentOptions): Promise<CaptureAgent> {
  const naverId = viewerPageBroadcastId(options.url);
  if (!naverId) throw new Error(`--url must be a viewer page (/lives/{id}): ${options.url}`);
  const log = options.log ?? (() => {});
  const client = new IngestClient({
    server: options.server,
    broadcast: options.broadcast,
    token: options.token,
    source: "naver-capture",
    batchMs: 20,
    maxBatch: 500,
    log,
    ...(options.onAck ? { onAck: options.onAck } : {}),
  });
  const fetchRecent = recentCommentsFetcher(fetch, naverEndpoints(options.apiBase), naverId);
  const firstDelay = options.restartDelayMs ?? 500;
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  let browser: Browser | null = null;
  let capture: PageCapture | null = null;
  let lastSeen: number | null = null;
  let launches = 0;
  let stopped = false;
  let relaunching: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  /** Starts one browser on the page; on any failure that browser is closed before rethrowing. */
  async function launch(): Promise<void> {
    launches++;
    const current = await puppeteer.launch({
      executablePath: options.chromium ?? "/usr/bin/chromium",
      headless: true,
      pipe: true,
      args: CHROMIUM_FLAGS,
    });
    browser = current;
    current.on("disconnected", () => {
      if (!stopped && current === browser) relaunch("browser gone");
    });
    try {
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
        navigationTimeoutMs: 15_000,
      });
      capture = next;
      await next.start(page);
      log(`capturing ${options.url} (launch ${launches}, resuming after ${lastSeen ?? "nothing"})`);
    } catch (err) {
      await closeBrowser(current);
      throw err;
    }
  }

  /** Closes the current browser (if any) and launches again, backing off while launches fail. */
  function relaunch(why: string): void {
    if (stopped || relaunching) return;
    relaunching = (async () => {
      lastSeen = capture?.lastSeen ?? lastSeen;
      log(`${why}; relaunching and repairing after commentNo ${lastSeen ?? "none"}`);
      await capture?.stop();
      capture = null;
      const old = browser;
      browser = null;
      if (old) await closeBrowser(old);
      let delay = firstDelay;
      for (let attempt = 1; !stopped; attempt++) {
        await sleepUnlessStopped(delay);
        if (stopped) return;
        try {
          return await launch();
        } catch (err) {
          delay = Math.min(delay * 2, maxBackoff);
          log(
            `viewer page unreachable (${err instanceof Error ? err.message.split("\n")[0] : String(err)}); attempt ${attempt} failed, next in ${Math.round(delay / 1000)} s`,
          );
        }
      }
    })().finally(() => (relaunching = null));
  }

  function sleepUnlessStopped(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  // A page that frames nothing (not even Socket.IO's pings) for this long has lost its server.
  const stallMs = options.stallMs ?? 90_000;
  let framesSeen = -1;
  const stallTimer = setInterval(() => {
    const frames = capture?.stats.frames ?? null;
    if (frames === null || relaunching) return;
    if (frames === framesSeen) relaunch(`no frames from the viewer page for ${Math.round(stallMs / 1000)} s`);
    framesSeen = frames;
  }, stallMs);
  stallTimer.unref();

  try {
    await launch();
  } catch (err) {
    client.close();
    clearInterval(stallTimer);
    throw err;
  }
  return {
    client,
    browserPid: () => browser?.process()?.pid ?? null,
    launches: () => launches,
    stats: () => capture?.stats ?? null,
    async stop() {
      stopped = true;
      clearInterval(stallTimer);
      wake?.();
      await relaunching;
      await capture?.settled();
      await capture?.stop();
      if (browser) await closeBrowser(browser);
      client.close();
    },
  };
}

/**
 * Closes a browser and waits until its process has exited, killing it if it does not go within
 * a few seconds: the next launch starts only once this one is gone.
 */
async function closeBrowser(browser: Browser): Promise<void> {
  const proc = browser.process();
  const running = proc !== null && proc.exitCode === null && proc.signalCode === null;
  const exited = running ? new Promise<boolean>((r) => proc.once("exit", () => r(true))) : Promise.resolve(true);
  const within = (ms: number) =>
    Promise.race([exited, new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
  void browser.close().catch(() => {});
  if (await within(3000)) return;
  proc?.kill("SIGKILL");
  await within(3000);
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
      "stall-seconds": { type: "string", default: "90" },
    },
  });
  if (!values.url || !values.broadcast || !values.token) {
    console.error(
      "usage: npm run capture -- --url <viewer page> --server <LiveQ base> --broadcast <id> --token <token> [--api-base <recent-comments base>]",
    );
    process.exit(2);
  }
  let agent: CaptureAgent | null = null;
  exitOnSignals(() => agent?.stop());
  agent = await startCaptureAgent({
    url: values.url,
    server: values.server,
    broadcast: values.broadcast,
    token: values.token,
    chromium: values.chromium,
    ...(values["api-base"] ? { apiBase: values["api-base"] } : {}),
    stallMs: Number(values["stall-seconds"]) * 1000,
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  const running = agent;
  setInterval(() => {
    const s = running.stats();
    console.log(
      `captured ${s?.chats ?? 0} chats (repaired ${s?.repairedChats ?? 0}), acked ${running.client.acked}, backlog ${running.client.backlog}`,
    );
  }, 10_000).unref();
}
