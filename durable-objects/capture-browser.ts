import puppeteer, { type Browser, type BrowserWorker } from "@cloudflare/puppeteer";
import type { RecentCommentsFetcher } from "../core/naver/gap.ts";
import type { IngestChat } from "../core/protocol/ingest.ts";
import { PageCapture, type CaptureStats, type PageLike } from "../server/capture/capture-page.ts";

/** How long Browser Rendering keeps an idle session (its maximum), so an evicted object can reconnect. */
const KEEP_ALIVE_MS = 600_000;

export interface BrowserCaptureOptions {
  binding: BrowserWorker;
  pageUrl: string;
  /** Highest commentNo already forwarded; the capture repairs the gap after it. */
  lastSeen: number | null;
  /** A session left by an evicted object, tried before launching a new one. */
  sessionId: string | null;
  fetchRecent: RecentCommentsFetcher;
  forward: (chats: IngestChat[]) => void;
  /** The browser went away (crash, session limit, network): the owner relaunches. */
  onDisconnect: () => void;
  log: (line: string) => void;
}

/** A viewer page open in a Browser Rendering session, its chats flowing through `PageCapture`. */
export interface BrowserCapture {
  readonly sessionId: string;
  readonly capture: PageCapture;
  readonly stats: CaptureStats;
  /** Highest commentNo forwarded (the resume point of the next capture). */
  lastSeen(): number | null;
  connected(): boolean;
  /** Detaches and closes the browser session. */
  close(): Promise<void>;
}

/**
 * Opens the viewer page in Browser Rendering (reconnecting to `sessionId` when it is still
 * there) and starts capturing its chat frames over CDP.
 */
export async function openBrowserCapture(options: BrowserCaptureOptions): Promise<BrowserCapture> {
  const browser = await connectOrLaunch(options);
  let closing = false;
  browser.on("disconnected", () => {
    if (!closing) options.onDisconnect();
  });
  const capture = new PageCapture({
    pageUrl: options.pageUrl,
    lastSeen: options.lastSeen,
    fetchRecent: options.fetchRecent,
    forward: options.forward,
    log: options.log,
  });
  try {
    const page = await browser.newPage();
    // Structural: @cloudflare/puppeteer's Page and CDPSession have what PageCapture uses.
    await capture.start(page as unknown as PageLike);
  } catch (err) {
    closing = true;
    await browser.close().catch(() => {});
    throw err;
  }
  return {
    sessionId: browser.sessionId(),
    capture,
    stats: capture.stats,
    lastSeen: () => capture.lastSeen,
    connected: () => browser.isConnected(),
    async close() {
      closing = true;
      await capture.stop();
      // Closing a browser whose connection is gone only raises from inside puppeteer.
      if (browser.isConnected()) await browser.close().catch(() => {});
    },
  };
}

async function connectOrLaunch(options: BrowserCaptureOptions): Promise<Browser> {
  if (options.sessionId && (await isFreeSession(options.binding, options.sessionId))) {
    try {
      const browser = await puppeteer.connect(options.binding, options.sessionId);
      // The evicted object's page is still open and still receiving frames nobody reads.
      for (const page of await browser.pages()) await page.close().catch(() => {});
      options.log(`reconnected to browser session ${options.sessionId}`);
      return browser;
    } catch (err) {
      options.log(
        `session ${options.sessionId} is gone (${err instanceof Error ? err.message : String(err)}); launching`,
      );
    }
  }
  return puppeteer.launch(options.binding, { keep_alive: KEEP_ALIVE_MS });
}

/** True when the session still exists and no client holds it (connecting would fail otherwise). */
async function isFreeSession(binding: BrowserWorker, sessionId: string): Promise<boolean> {
  const sessions = await puppeteer.sessions(binding).catch(() => []);
  return sessions.some((s) => s.sessionId === sessionId && !s.connectionId);
}

/** Closes a session an evicted object left behind (stop after eviction), so it does not idle until its keep-alive ends. */
export async function closeSession(binding: BrowserWorker, sessionId: string): Promise<void> {
  if (!(await isFreeSession(binding, sessionId))) return;
  const browser = await puppeteer.connect(binding, sessionId).catch(() => null);
  await browser?.close().catch(() => {});
}
