import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser.ts";
import {
  newBroadcast,
  openBoard,
  postChats,
  renderedSeqs,
  screenshot,
  signedInPage,
  type Target,
} from "./lib/dashboard.ts";

const target: Target = { base: inject("liveqUrl"), token: inject("liveqToken") };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("live board in Chromium", () => {
  it("sorts chats into 질문/요청/일반 with counts, and shows an HTML/JS payload as text", async () => {
    const id = await newBroadcast(target, "보드 열 테스트");
    const { context, page } = await signedInPage(browser, target);
    await openBoard(page, target, id);
    const payload = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"><b>굵게</b>`;
    await postChats(
      target,
      id,
      ["이 니트 사이즈 몇까지 나와요?", "뒷모습 한번 보여주세요", "와 색감 진짜 예쁘다 ㅋㅋ", payload],
      1,
    );

    await page.getByTestId("column-question").getByText("이 니트 사이즈 몇까지 나와요?").waitFor();
    await page.getByTestId("column-request").getByText("뒷모습 한번 보여주세요").waitFor();
    await page.getByTestId("column-general").getByText("와 색감 진짜 예쁘다 ㅋㅋ").waitFor();
    // Moderation holds the payload (it reads as spam): it waits in the held queue, as text.
    const held = page.getByTestId("held-chat").filter({ hasText: payload });
    await held.getByText(payload, { exact: true }).waitFor();
    expect(
      await page
        .locator("[data-testid=held-chat] img, [data-testid=held-chat] script, [data-testid=held-chat] b")
        .count(),
    ).toBe(0);
    // Allowed, it joins its column, still as text.
    await held.getByTestId("held-allow").click();
    await page.getByTestId("chat-item").getByText(payload, { exact: true }).waitFor();
    expect(
      await page
        .locator("[data-testid=chat-item] img, [data-testid=chat-item] script, [data-testid=chat-item] b")
        .count(),
    ).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Each header counts what its column holds (the payload's own intent is the model's call).
    for (const intent of ["question", "request", "general"]) {
      const rows = page.getByTestId(`column-${intent}`).getByTestId("chat-item");
      await expect
        .poll(async () => Number(await page.getByTestId(`count-${intent}`).textContent()))
        .toBe(await rows.count());
    }
    await screenshot(page, "dashboard-board");
    await context.close();
  });

  it("filters by search, pauses auto-scroll with a new-items badge, and moves by keyboard", async () => {
    const id = await newBroadcast(target, "보드 조작 테스트");
    const { context, page } = await signedInPage(browser, target);
    await openBoard(page, target, id);
    await postChats(
      target,
      id,
      ["니트 사이즈 몇까지 나와요?", "청소기 배터리 몇 시간 가요?", "니트 색상 몇 가지예요?"],
      1,
    );
    await expect.poll(() => page.getByTestId("column-question").getByTestId("chat-item").count()).toBe(3);

    await page.keyboard.press("/");
    await page.keyboard.type("니트");
    await expect.poll(() => page.getByTestId("column-question").getByTestId("chat-item").count()).toBe(2);
    await page.getByTestId("board-search").fill("");

    await page.getByTestId("board-pause").click();
    await postChats(target, id, ["니트 두께 어때요?", "니트 세탁 어떻게 해요?"], 10);
    await page.getByTestId("new-question").filter({ hasText: "2" }).waitFor();
    expect(await page.getByTestId("column-question").getByTestId("chat-item").count()).toBe(3);
    await screenshot(page, "dashboard-paused");
    await page.getByTestId("new-question").click();
    await expect.poll(() => page.getByTestId("column-question").getByTestId("chat-item").count()).toBe(5);
    expect(await page.getByTestId("board-pause").getAttribute("aria-pressed")).toBe("false");

    const newestFirst = await page
      .getByTestId("column-question")
      .getByTestId("chat-item")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-seq")));
    await page.getByTestId("column-question").getByTestId("chat-item").first().focus();
    const focusedSeq = () => page.evaluate(() => document.activeElement?.getAttribute("data-seq"));
    await page.keyboard.press("ArrowDown");
    await expect.poll(focusedSeq).toBe(newestFirst[1]);
    await page.keyboard.press("ArrowDown");
    await expect.poll(focusedSeq).toBe(newestFirst[2]);
    await page.keyboard.press("Enter");
    await page
      .getByTestId("answer-question")
      .filter({ hasText: (await page.locator(`[data-seq="${newestFirst[2]}"] .chat-text`).textContent()) ?? "" })
      .waitFor();
    await context.close();
  });

  it("switches to English and keeps the layout usable on a 1280×720 laptop screen", async () => {
    const id = await newBroadcast(target, "English board");
    const { context, page } = await signedInPage(browser, target, { width: 1280, height: 720 });
    await openBoard(page, target, id);
    await page.getByRole("button", { name: /Switch the language|영어로/ }).click();
    await page.getByRole("heading", { name: "Questions" }).waitFor();
    await postChats(target, id, ["What sizes do you have?", "Show the back please"], 1);
    await page.getByTestId("chat-item").getByText("What sizes do you have?").waitFor();
    for (const column of ["column-question", "column-request", "column-general"]) {
      const box = await page.getByTestId(column).boundingBox();
      expect(box!.width).toBeGreaterThan(180);
      expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
    }
    await screenshot(page, "dashboard-english-laptop");
    expect((await renderedSeqs(page)).length).toBe(2);
    await context.close();
  });
});
