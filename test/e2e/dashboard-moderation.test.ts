import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser.ts";
import { newBroadcast, openBoard, postChats, screenshot, signedInPage, type Target } from "./lib/dashboard.ts";

const target: Target = { base: inject("liveqUrl"), token: inject("liveqToken") };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("held queue (보류) in Chromium", () => {
  it("shows held chats masked with their category, opens a nickname, and allows or denies them", async () => {
    const id = await newBroadcast(target, "모더레이션 테스트");
    const { context, page } = await signedInPage(browser, target);
    await openBoard(page, target, id);
    const pii = "제 번호 010-1234-5678 이에요 당첨되면 연락주세요";
    const spam = "하루 30분 부업 bit.ly/3xYz9 수익 보장";
    await postChats(target, id, ["이 니트 사이즈 몇까지 나와요?", pii, spam], 1);

    const held = page.getByTestId("held-panel").getByTestId("held-chat");
    await expect.poll(() => held.count()).toBe(2);
    const piiRow = held.filter({ hasText: "제 번호" });
    expect(await piiRow.getAttribute("data-category")).toBe("personal_info");
    expect(await piiRow.textContent()).not.toContain("1234");
    expect(await page.getByTestId("chat-item").filter({ hasText: "bit.ly" }).count()).toBe(0);

    await piiRow.locator("button.nickname").click();
    await page.getByTestId("nickname-panel").waitFor();
    await screenshot(page, "dashboard-held");

    await piiRow.getByTestId("held-allow").click();
    await page.getByTestId("chat-item").filter({ hasText: "제 번호" }).waitFor();
    expect(await page.getByTestId("chat-item").filter({ hasText: "제 번호" }).textContent()).not.toContain("5678");
    await held.filter({ hasText: "bit.ly" }).getByTestId("held-deny").click();
    await expect.poll(() => held.count()).toBe(0);
    expect(await page.getByTestId("chat-item").filter({ hasText: "bit.ly" }).count()).toBe(0);

    // A manager's blocked word applies live, through spacing.
    await page.getByTestId("moderation-rules").locator("summary").click();
    await page.getByTestId("moderation-blockedWords").fill("경쟁사");
    await page.getByTestId("moderation-save").click();
    await expect.poll(async () => page.getByTestId("moderation-blockedWords").inputValue()).toBe("경쟁사");
    await postChats(target, id, ["경 쟁 사 몰이 더 싸요"], 10);
    await held.filter({ hasText: "경 쟁 사" }).waitFor();
    expect(await held.filter({ hasText: "경 쟁 사" }).getAttribute("data-category")).toBe("abuse");
    await context.close();
  });
});
