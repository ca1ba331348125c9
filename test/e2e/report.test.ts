import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, OUTPUT_DIR } from "./browser.ts";
import { newBroadcast, openBoard, postChats, screenshot, signedInPage, type Target } from "./lib/dashboard.ts";

const target: Target = { base: inject("liveqUrl"), token: inject("liveqToken") };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const value = (page: Page, card: string) => page.getByTestId(card).locator(".report-card-value").textContent();

describe("broadcast report in Chromium", () => {
  it("answers on the board, then reads the report from the board and the list, and prints it on A4", {
    timeout: 120_000,
  }, async () => {
    const id = await newBroadcast(target, "리포트 확인 방송");
    const { context, page } = await signedInPage(browser, target);
    await openBoard(page, target, id);
    await postChats(
      target,
      id,
      [
        "니트 사이즈 몇까지 나와요?",
        "니트 사이즈 몇까지 나와요??",
        "니트 사이즈 몇까지 나오나요?",
        "배송 언제 와요?",
        "배송은 언제 와요?",
        "환불 되나요?",
        "와 예쁘다 ㅋㅋ",
        "오늘 방송 재밌네요",
      ],
      1,
    );

    // The board's live panel: the most asked open question on top.
    const top = page.getByTestId("unanswered-panel").getByTestId("unanswered-top");
    await expect.poll(() => top.first().textContent()).toContain("3회");
    expect(await top.first().textContent()).toContain("니트 사이즈");

    await page.getByTestId("cluster").filter({ hasText: "니트 사이즈" }).getByTestId("cluster-answer").click();
    // The draft (here an abstention: no knowledge) replaces the text once it arrives: wait for it.
    await page.getByTestId("draft-info").waitFor({ timeout: 30_000 });
    await page.getByTestId("answer-draft").fill("S부터 XL까지 있어요");
    await page.getByTestId("answer-send").click();
    await page.getByTestId("answer-published").filter({ hasText: "S부터 XL까지" }).waitFor();
    await expect.poll(() => top.first().textContent()).toContain("배송");

    await page.getByTestId("board-report").click();
    await page.getByTestId("report").waitFor();
    await expect.poll(() => value(page, "card-chats")).toBe("8");
    expect(await page.getByTestId("report-title").textContent()).toBe("리포트 확인 방송");
    expect(await value(page, "card-chatters")).toBe("8");
    expect(await value(page, "card-questions")).toBe("6");
    expect(await value(page, "card-unanswered")).toBe("2");
    expect(await value(page, "card-answered")).toBe("1");
    const todo = page.getByTestId("unanswered-item");
    expect(await todo.count()).toBe(2);
    expect(await todo.first().textContent()).toContain("2회");
    expect(await todo.first().textContent()).toContain("배송");
    const answered = page.getByTestId("answered-item");
    expect(await answered.count()).toBe(1);
    expect(await answered.textContent()).toContain("S부터 XL까지 있어요");
    // Answered by the signed-in member: the owner, named by OWNER_NAME (unset here).
    expect(await answered.textContent()).toContain("Owner");
    expect(await answered.getByTestId("time-to-answer").textContent()).toMatch(/초 만에 답변$/);
    expect(await page.getByTestId("answer-mark").count()).toBe(1);
    expect(await page.getByTestId("answer-row").count()).toBe(1);
    expect(await page.getByTestId("report-chart").locator("rect.bar-question").count()).toBeGreaterThan(0);

    // A tick on the to-do list stays on this browser.
    await todo.first().locator("input").check();
    await page.reload();
    await page.getByTestId("unanswered-item").first().waitFor();
    expect(await page.getByTestId("unanswered-item").first().locator("input").isChecked()).toBe(true);
    await screenshot(page, "report-screen");

    const file = path.join(OUTPUT_DIR, "report.pdf");
    await page.pdf({ path: file, format: "A4", printBackground: true });
    const pdf = readFileSync(file).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    // A4 in points, and the navigation buttons left out of the printed page.
    expect(pdf).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".report-nav").isVisible()).toBe(false);
    expect(await page.locator(".top-bar").isVisible()).toBe(false);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: path.join(OUTPUT_DIR, "report-print.png"), fullPage: true });
    await page.emulateMedia({ media: "screen" });

    await page.goto(`${target.base}/#/`);
    await page.locator(`[data-broadcast-id="${id}"]`).getByTestId("broadcast-report").click();
    await page
      .getByTestId("report")
      .and(page.locator(`[data-broadcast-id="${id}"]`))
      .waitFor();
    await context.close();
  });
});
