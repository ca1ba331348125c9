import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminFetch, launchBrowser, OUTPUT_DIR } from "./browser.ts";

const base = inject("liveqUrl");
const token = inject("liveqToken");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function newBroadcast(title: string): Promise<string> {
  const res = await adminFetch(base, token, "/api/broadcasts", { title, source: "ingest" });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function postChats(id: string, messages: string[], firstNo: number): Promise<void> {
  const chats = messages.map((message, i) => ({
    commentNo: firstNo + i,
    nickname: "test****",
    message,
    at: Date.now(),
  }));
  const res = await adminFetch(base, token, `/api/broadcasts/${id}/chats`, { type: "chats", source: "e2e", chats });
  expect(res.status).toBe(200);
}

async function login(page: Page): Promise<void> {
  await page.goto(base);
  await page.getByTestId("login-token").fill(token);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("broadcast-row").first().waitFor();
}

describe("dashboard in Chromium", () => {
  it("refuses a wrong token and signs in with the right one", async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.getByTestId("login-token").fill("wrong-token");
    await page.getByTestId("login-submit").click();
    await expect.poll(() => page.getByTestId("broadcast-row").count(), { timeout: 2000 }).toBe(0);
    await newBroadcast("로그인 확인용");
    await login(page);
    expect(await page.getByTestId("broadcast-row").count()).toBeGreaterThan(0);
    await page.close();
  });

  it("shows chats in the right columns as they arrive, and chat HTML as text", async () => {
    const id = await newBroadcast("브라우저 보드 테스트");
    const page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
    await login(page);
    await page.goto(`${base}/#/board/${id}`);
    await page
      .getByTestId("connection-state")
      .filter({ hasText: /연결됨|Connected/ })
      .waitFor();

    const xss = `<img src=x onerror="window.__pwned=1">`;
    await postChats(
      id,
      ["이 니트 사이즈 몇까지 나와요?", "뒷모습 한번 보여주세요", "와 색감 진짜 예쁘다 ㅋㅋ", xss],
      1,
    );

    const question = page.getByTestId("column-question");
    const request = page.getByTestId("column-request");
    const general = page.getByTestId("column-general");
    await question.getByText("이 니트 사이즈 몇까지 나와요?").waitFor();
    await request.getByText("뒷모습 한번 보여주세요").waitFor();
    await general.getByText("와 색감 진짜 예쁘다 ㅋㅋ").waitFor();

    // Moderation holds the payload (it reads as spam): the held queue shows it as text; allowed, it joins a column.
    const held = page.getByTestId("held-chat").filter({ hasText: xss });
    await held.getByText(xss, { exact: true }).waitFor();
    expect(await page.getByTestId("chat-item").count()).toBe(3);
    await held.getByTestId("held-allow").click();
    await page.getByTestId("chat-item").getByText(xss, { exact: true }).waitFor();
    expect(await page.locator("[data-testid=chat-item] img, [data-testid=held-chat] img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.getByTestId("chat-item").count()).toBe(4);
    await page.screenshot({ path: path.join(OUTPUT_DIR, "e2e-board.png") });
    await page.close();
  });

  it("resumes after a socket drop without missing or repeating a chat", async () => {
    const id = await newBroadcast("재연결 테스트");
    const page = await browser.newPage();
    await login(page);
    await page.goto(`${base}/#/board/${id}`);
    await page
      .getByTestId("connection-state")
      .filter({ hasText: /연결됨|Connected/ })
      .waitFor();
    await postChats(
      id,
      Array.from({ length: 30 }, (_, i) => `첫 묶음 채팅 ${i}`),
      1,
    );
    await expect.poll(() => page.getByTestId("chat-item").count()).toBe(30);

    await page.context().setOffline(true);
    await page
      .getByTestId("connection-state")
      .filter({ hasNotText: /연결됨|Connected/ })
      .waitFor();
    await postChats(
      id,
      Array.from({ length: 20 }, (_, i) => `끊긴 동안 채팅 ${i}`),
      31,
    );
    await page.context().setOffline(false);
    await expect.poll(() => page.getByTestId("chat-item").count(), { timeout: 20_000 }).toBe(50);
    const seqs = await page
      .getByTestId("chat-item")
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-seq"))));
    expect(new Set(seqs).size).toBe(50);
    await page.close();
  });
});
