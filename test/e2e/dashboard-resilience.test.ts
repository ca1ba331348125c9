import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadChatCorpus } from "../../scripts/lib/corpus.ts";
import { percentile } from "../../scripts/lib/percentile.ts";
import { freePort } from "../../scripts/lib/process.ts";
import { launchBrowser } from "./browser.ts";
import {
  connected,
  newBroadcast,
  openBoard,
  postChats,
  privateServer,
  screenshot,
  signedInPage,
  stopServer,
  type Target,
} from "./lib/dashboard.ts";

/** Chosen once, free at start; the restart reuses it so the page reconnects to the same URL. */
let PORT = 0;
const token = "dashboard-private-token-0123456789";
let browser: Browser;
let instance: Awaited<ReturnType<typeof privateServer>>;
const target: Target = { base: "", token };

beforeAll(async () => {
  browser = await launchBrowser();
  PORT = await freePort();
  target.base = `http://127.0.0.1:${PORT}`;
  instance = await privateServer(PORT, token);
});
afterAll(async () => {
  await browser?.close();
  if (instance) await stopServer(instance.server);
});

/** Every chat seq the board holds (not only the rendered rows): read through the page's columns. */
async function heldSeqs(page: Page): Promise<number[]> {
  const seqs = new Set<number>();
  for (const column of ["question", "request", "general"]) {
    const list = page.getByTestId(`column-${column}`).locator(".chat-list");
    // Walk the virtual list top to bottom so every row is rendered once.
    const height = await list.evaluate((el) => el.scrollHeight);
    for (let top = 0; top <= height; top += 400) {
      await list.evaluate((el, y) => el.scrollTo(0, y), top);
      for (const s of await list
        .getByTestId("chat-item")
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-seq")))))
        seqs.add(s);
    }
    await list.evaluate((el) => el.scrollTo(0, 0));
  }
  return [...seqs].sort((a, b) => a - b);
}

describe("dashboard against its own server", () => {
  it("reconnects after the server restarts and misses no chat", { timeout: 240_000 }, async () => {
    const id = await newBroadcast(target, "재시작 테스트");
    const { context, page } = await signedInPage(browser, target);
    await openBoard(page, target, id);
    await postChats(
      target,
      id,
      Array.from({ length: 30 }, (_, i) => `재시작 전 채팅 ${i}`),
      1,
    );
    await expect.poll(() => page.getByTestId("chat-item").count()).toBe(30);

    await stopServer(instance.server);
    await page
      .getByTestId("connection-state")
      .and(page.locator("[data-state=reconnecting], [data-state=closed]"))
      .waitFor();
    await screenshot(page, "dashboard-server-down");
    instance = await privateServer(PORT, token, instance.persistTo);
    // Chats logged right after the restart, before the board is back, come through the replay.
    await postChats(
      target,
      id,
      Array.from({ length: 20 }, (_, i) => `재시작 후 채팅 ${i}`),
      31,
    );
    await connected(page);
    await expect.poll(async () => (await heldSeqs(page)).length, { timeout: 60_000 }).toBe(50);
    expect(await heldSeqs(page)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await context.close();
  });

  it("measures frame times while 20,000 chats a minute arrive", { timeout: 240_000 }, async () => {
    const id = await newBroadcast(target, "부하 측정");
    const { context, page } = await signedInPage(browser, target);
    await openBoard(page, target, id);
    await page.evaluate(startFrameMeter);

    const corpus = loadChatCorpus().map((c) => c.text);
    const perMinute = 20_000;
    const seconds = 30;
    const tickMs = 100;
    const perTick = perMinute / 60 / (1000 / tickMs);
    let sent = 0;
    const posts: Promise<void>[] = [];
    const started = Date.now();
    for (let tick = 0; tick < (seconds * 1000) / tickMs; tick++) {
      const due = Math.round((tick + 1) * perTick) - sent;
      const batch = Array.from({ length: due }, (_, i) => corpus[(sent + i) % corpus.length]!);
      posts.push(postChats(target, id, batch, sent + 1));
      sent += due;
      const wait = started + (tick + 1) * tickMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await Promise.all(posts);
    const fedSeconds = (Date.now() - started) / 1000;
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            Number(document.querySelector(".board-figures span")?.textContent?.replace(/\D/g, "") ?? 0),
          ),
        { timeout: 60_000 },
      )
      .toBe(sent);
    const frames = await page.evaluate(stopFrameMeter);
    const sorted = [...frames.deltas].sort((a, b) => a - b);
    const rows = await page.getByTestId("chat-item").count();
    await screenshot(page, "dashboard-load");
    const report = {
      chats: sent,
      fedSeconds: Number(fedSeconds.toFixed(1)),
      ratePerMin: Math.round((sent / fedSeconds) * 60),
      frames: sorted.length,
      frameMs: {
        p50: percentile(sorted, 0.5),
        p95: percentile(sorted, 0.95),
        p99: percentile(sorted, 0.99),
        max: sorted.at(-1),
      },
      over50ms: sorted.filter((d) => d > 50).length,
      longTasks: frames.longTasks.length,
      longTaskMsTotal: Math.round(frames.longTasks.reduce((a, b) => a + b, 0)),
      renderedRows: rows,
    };
    console.log(`[dashboard frame times at 20,000 chats/min] ${JSON.stringify(report)}`);
    // Virtualised: the DOM holds a bounded window of rows, not every chat shown.
    expect(rows).toBeLessThan(300);
    await context.close();
  });
});

/** Runs in the page: records every animation-frame interval and every long task. */
function startFrameMeter(): void {
  const w = window as unknown as { __meter: { deltas: number[]; longTasks: number[]; running: boolean } };
  w.__meter = { deltas: [], longTasks: [], running: true };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__meter.longTasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: false });
  let last = performance.now();
  const frame = (now: number) => {
    w.__meter.deltas.push(Math.round((now - last) * 10) / 10);
    last = now;
    if (w.__meter.running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

function stopFrameMeter(): { deltas: number[]; longTasks: number[] } {
  const w = window as unknown as { __meter: { deltas: number[]; longTasks: number[]; running: boolean } };
  w.__meter.running = false;
  return { deltas: w.__meter.deltas, longTasks: w.__meter.longTasks };
}
