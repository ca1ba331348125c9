import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser.ts";
import { newBroadcast, openBoard, postChats, screenshot, signedInPage, type Target } from "./lib/dashboard.ts";

const target: Target = { base: inject("liveqUrl"), token: inject("liveqToken") };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const TEXTS = [
  "이 니트 사이즈 몇까지 나와요?",
  "뒷모습 한번 보여주세요",
  "와 색감 진짜 예쁘다",
  "배송 언제 와요?",
  "링크 주세요",
  "ㅋㅋㅋ 대박",
];
const TOTAL = 9000;

/** Chat items the page's board socket received in `chats` and `window` frames. */
function countReceivedChats(page: Page): { items: number } {
  const seen = { items: 0 };
  page.on("websocket", (ws) => {
    if (!ws.url().endsWith("/board")) return;
    ws.on("framereceived", ({ payload }) => {
      const text = typeof payload === "string" ? payload : payload.toString();
      const message = JSON.parse(text) as { type: string; items?: unknown[] };
      if (message.type === "chats" || message.type === "window") seen.items += message.items?.length ?? 0;
    });
  });
  return seen;
}

const questionSeqs = (page: Page) =>
  page
    .getByTestId("column-question")
    .getByTestId("chat-item")
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-seq"))));

describe("a late board in Chromium", () => {
  it("opens a long broadcast from its newest chats, then scrolls back through older ones on demand", async () => {
    const id = await newBroadcast(target, "늦게 연 보드");
    for (let first = 1; first <= TOTAL; first += 1000) {
      await postChats(
        target,
        id,
        Array.from({ length: 1000 }, (_, i) => `${TEXTS[(first + i) % TEXTS.length]} ${first + i}`),
        first,
      );
    }
    const { context, page } = await signedInPage(browser, target);
    const received = countReceivedChats(page);
    await openBoard(page, target, id);

    await expect
      .poll(async () => Number((await page.getByTestId("count-question").textContent())?.replace(/\D/g, "")))
      .toBeGreaterThan(1000);
    await expect.poll(async () => (await questionSeqs(page)).length).toBeGreaterThan(0);
    const first = await questionSeqs(page);
    expect(first[0]).toBeGreaterThan(TOTAL - 100);
    // The window: a few hundred chats a column, not the 9,000 of the log.
    expect(received.items).toBeLessThanOrEqual(900);

    const list = page.getByTestId("column-question").locator(".chat-list");
    let oldest = Math.min(...first);
    const windowOldest = oldest;
    for (let round = 0; round < 12 && oldest > windowOldest - 600; round++) {
      await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
      await page.waitForTimeout(300);
      oldest = Math.min(oldest, ...(await questionSeqs(page)));
    }
    expect(oldest).toBeLessThan(windowOldest - 600);
    const rendered = await questionSeqs(page);
    expect(rendered).toEqual([...rendered].sort((a, b) => b - a));
    expect(new Set(rendered).size).toBe(rendered.length);
    expect(received.items).toBeLessThanOrEqual(900);
    await screenshot(page, "dashboard-scrolled-back");

    // Back at the top the column is live again: a new chat shows at once.
    await list.evaluate((el) => (el.scrollTop = 0));
    await postChats(target, id, ["마지막 질문 사이즈 있나요?"], TOTAL + 1);
    await page.getByTestId("column-question").getByText("마지막 질문 사이즈 있나요?").waitFor();
    await context.close();
  });

  it("shows each published answer's delivery to viewers", async () => {
    const id = await newBroadcast(target, "전달 표시");
    const { context, page } = await signedInPage(browser, target);
    await openBoard(page, target, id);
    const res = await fetch(`${target.base}/api/broadcasts/${id}/answers`, {
      method: "POST",
      headers: { authorization: `Bearer ${target.token}`, "content-type": "application/json" },
      body: JSON.stringify({ question: "배송 언제 와요?", answer: "오늘 주문하면 내일 출발해요." }),
    });
    expect(res.status).toBe(201);
    const item = page.getByTestId("answer-published").filter({ hasText: "오늘 주문하면 내일 출발해요." });
    await item.getByTestId("answer-delivery").filter({ hasText: "모든 시청자 샤드에 전달됨" }).waitFor();
    await context.close();
  });
});
