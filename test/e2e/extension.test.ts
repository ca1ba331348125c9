import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildExtension } from "../../extension/build.ts";
import { adminFetch, chromiumPath, OUTPUT_DIR } from "./browser.ts";
import { VIEWER_PAGE_HTML } from "./extension-fixture.ts";

const base = inject("liveqUrl");
const token = inject("liveqToken");
const naverId = String(7_000_000 + Math.floor(Math.random() * 1_000_000));
let context: BrowserContext;
let extensionId: string;
let broadcastId: string;
let profile: string;

async function publish(question: string, answer: string): Promise<string> {
  const res = await adminFetch(base, token, `/api/broadcasts/${broadcastId}/answers`, { question, answer });
  expect(res.status).toBe(201);
  return ((await res.json()) as { answer: { id: string } }).answer.id;
}

async function unpublish(answerId: string): Promise<void> {
  const res = await fetch(`${base}/api/broadcasts/${broadcastId}/answers/${answerId}`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
}

/** Chromium with the unpacked extension; the Naver viewer host answered by the fixture page. */
async function launchWithExtension(dist: string): Promise<BrowserContext> {
  profile = mkdtempSync(path.join(tmpdir(), "liveq-ext-"));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  await ctx.route("https://view.shoppinglive.naver.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: VIEWER_PAGE_HTML }),
  );
  return ctx;
}

async function setServer(url: string): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId("options-server").fill(url);
  await options.getByTestId("options-save").click();
  await options
    .getByTestId("options-status")
    .filter({ hasText: /저장했습니다|Saved/ })
    .waitFor();
  await options.close();
}

/**
 * Why the overlay saw nothing, for a failure message: what the extension stored (status and
 * attempts) and whether the server answers the same viewer socket from Node.
 */
async function viewerDiagnosis(): Promise<string> {
  const worker = context.serviceWorkers()[0];
  const stored = worker
    ? await worker
        .evaluate(() =>
          (
            globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<unknown> } } } }
          ).chrome.storage.session.get(null),
        )
        .catch((e: unknown) => String(e))
    : "no service worker";
  const probe = await new Promise<string>((resolve) => {
    const ws = new WebSocket(`${base.replace(/^http/, "ws")}/api/viewer/naver/${naverId}`);
    const timer = setTimeout(() => (ws.close(), resolve("no message in 5 s")), 5000);
    ws.onmessage = (e) => (clearTimeout(timer), ws.close(), resolve(`first message ${String(e.data).slice(0, 120)}`));
    ws.onerror = () => (clearTimeout(timer), resolve("socket error"));
  });
  return JSON.stringify({ stored, probe });
}

beforeAll(async () => {
  const created = await adminFetch(base, token, "/api/broadcasts", {
    title: "확장 프로그램 테스트",
    source: "naver",
    naverUrl: `https://view.shoppinglive.naver.com/lives/${naverId}?tr=lim`,
  });
  expect(created.status).toBe(201);
  broadcastId = ((await created.json()) as { id: string }).id;
  context = await launchWithExtension(await buildExtension());
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  extensionId = new URL(worker.url()).host;
  await setServer(base);
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe("viewer extension in Chromium", () => {
  let page: Page;

  it("shows published pairs over a Naver viewer page, with answer HTML as text", async () => {
    const already = await publish("배송 언제 와요?", "오늘 주문하면 내일 출발해요.");
    page = await context.newPage();
    await page.goto(`https://view.shoppinglive.naver.com/lives/${naverId}?tr=lim&fm=shoppinglive`);
    const cards = page.getByTestId("liveq-card");
    await cards
      .filter({ hasText: "오늘 주문하면 내일 출발해요." })
      .waitFor()
      .catch(async (err: Error) => {
        throw new Error(`${err.message}\n${await viewerDiagnosis()}`);
      });
    // What was published before the page opened is shown, but not highlighted as new; Korean first.
    expect((await cards.first().getAttribute("class")) ?? "").not.toContain("fresh");
    await page.getByTestId("liveq-overlay").getByText("판매자 답변").waitFor();

    const xss = `<img src=x onerror="window.__pwned=1">사이즈는 S~XL`;
    const fresh = await publish("사이즈 어떻게 돼요?", xss);
    const card = cards.filter({ has: page.getByTestId("liveq-answer").getByText(xss, { exact: true }) });
    await card.waitFor();
    expect(await card.getAttribute("data-id")).toBe(fresh);
    expect(await card.getAttribute("class")).toContain("fresh");
    expect(await page.getByTestId("liveq-overlay").locator("img").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    // Newest first; the overlay is its own element on body, not inside Naver's markup.
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute("data-id")))).toEqual([fresh, already]);
    expect(await page.evaluate(() => document.body.lastElementChild?.tagName.toLowerCase())).toBe("liveq-overlay");
    await page.screenshot({ path: path.join(OUTPUT_DIR, "extension-overlay.png") });

    await unpublish(already);
    await expect.poll(() => cards.count()).toBe(1);
  });

  it("pins, dismisses and collapses cards", async () => {
    const pinned = await publish("쿠폰 어디서 받아요?", "화면 아래 쿠폰 버튼에서 받을 수 있어요.");
    const cards = page.getByTestId("liveq-card");
    await expect.poll(() => cards.count()).toBe(2);
    const last = cards.last();
    expect(await last.getAttribute("data-id")).not.toBe(pinned);
    await last.getByTestId("liveq-pin").click();
    await expect.poll(() => cards.first().getAttribute("data-id")).not.toBe(pinned);
    const pinnedId = await cards.first().getAttribute("data-id");
    expect(await cards.first().getAttribute("class")).toContain("pinned");

    await cards.last().getByTestId("liveq-dismiss").click();
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.first().getAttribute("data-id")).toBe(pinnedId);

    await page.getByTestId("liveq-collapse").click();
    await expect.poll(() => cards.first().isVisible()).toBe(false);
    await page.getByTestId("liveq-collapse").click();
    await expect.poll(() => cards.first().isVisible()).toBe(true);
  });

  it("shows the connection in the popup", async () => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const row = popup.getByTestId("popup-broadcast");
    await expect.poll(() => row.first().getAttribute("data-status")).toBe("open");
    expect(await row.first().textContent()).toContain(naverId);
    await popup.close();
  });
});
