import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminFetch, launchBrowser } from "./browser.ts";
import { newBroadcast, openBoard, screenshot, signedInPage, type Target } from "./lib/dashboard.ts";

const target: Target = { base: inject("liveqUrl"), token: inject("liveqToken") };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("YouTube in the dashboard", () => {
  it("creates a YouTube broadcast from a video URL in the form, Korean first and in English", {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await signedInPage(browser, target);
    const form = page.locator(".create-form");
    await form.locator("select[name=source]").selectOption("youtube");
    await page.getByText("YouTube 영상 URL 또는 ID").waitFor();
    await form.locator("input[name=title]").fill("유튜브 라이브 만들기");
    await form.locator("input[name=youtubeVideoId]").fill("https://www.youtube.com/live/dQw4w9WgXcQ?feature=share");
    await form.locator("button[type=submit]").click();
    await page.getByTestId("create-continue").waitFor();
    const list = (await (await adminFetch(target.base, target.token, "/api/broadcasts?limit=200")).json()) as {
      broadcasts: { title: string; source: string; youtubeVideoId: string | null }[];
    };
    expect(list.broadcasts.find((b) => b.title === "유튜브 라이브 만들기")).toMatchObject({
      source: "youtube",
      youtubeVideoId: "dQw4w9WgXcQ",
    });

    // Not a YouTube address: the server says so and nothing is created.
    await form.locator("input[name=title]").fill("잘못된 유튜브");
    await form.locator("input[name=youtubeVideoId]").fill("https://example.com/watch?v=dQw4w9WgXcQ");
    await form.locator("button[type=submit]").click();
    await page.locator(".notice.error").waitFor();
    await page.getByRole("button", { name: /Switch the language|영어로/ }).click();
    await page.getByText("YouTube video URL or ID").waitFor();
    await screenshot(page, "dashboard-youtube-create");
    await context.close();
  });

  it("shows a Super Chat's amount beside the chat, as text", { timeout: 120_000 }, async () => {
    const id = await newBroadcast(target, "슈퍼챗 보드", { source: "youtube", youtubeVideoId: "dQw4w9WgXcQ" });
    const { context, page } = await signedInPage(browser, target);
    await openBoard(page, target, id);
    const chats = [
      { commentNo: 0, sourceId: "sc-1", nickname: "큰손", message: "배송 언제 와요?", badge: "₩5,000", at: Date.now() },
      { commentNo: 0, sourceId: "sc-2", nickname: "민지", message: "<b>굵게</b> 안 돼요", at: Date.now() },
    ];
    const res = await adminFetch(target.base, target.token, `/api/broadcasts/${id}/chats`, {
      type: "chats",
      source: "youtube",
      chats,
    });
    expect(res.status).toBe(200);
    const row = page.getByTestId("chat-item").filter({ hasText: "배송 언제 와요?" });
    await row.getByTestId("chat-badge").filter({ hasText: "₩5,000" }).waitFor();
    await page.getByTestId("chat-item").getByText("<b>굵게</b> 안 돼요").waitFor();
    expect(await page.getByTestId("chat-badge").count()).toBe(1);
    await context.close();
  });
});
