import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminFetch, launchBrowser } from "./browser.ts";

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

async function login(page: Page): Promise<void> {
  await page.goto(base);
  await page.getByTestId("login-token").fill(token);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("broadcast-row").first().waitFor();
}

describe("broadcast list in Chromium", () => {
  it("pages with a more button, and deletes a broadcast only after the confirmation", async () => {
    // More than one page (50 by default) exists whatever other tests created.
    for (let i = 0; i < 51; i++) await newBroadcast(`페이지 ${i}`);
    const doomed = await newBroadcast("삭제할 방송");
    const page = await browser.newPage();
    await login(page);
    expect(await page.getByTestId("broadcast-row").count()).toBe(50);
    await page.getByTestId("broadcast-more").click();
    await expect.poll(() => page.getByTestId("broadcast-row").count()).toBeGreaterThan(50);

    const row = page.locator(`[data-broadcast-id="${doomed}"]`);
    await row.getByTestId("broadcast-delete").click();
    await row.getByText("취소").click();
    expect(await row.count()).toBe(1);
    expect(
      (await fetch(`${base}/api/broadcasts/${doomed}`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);

    await row.getByTestId("broadcast-delete").click();
    await row.getByTestId("broadcast-delete-confirm").click();
    await expect.poll(() => row.count()).toBe(0);
    expect(
      (await fetch(`${base}/api/broadcasts/${doomed}`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(404);
    await page.reload();
    await page.getByTestId("broadcast-row").first().waitFor();
    expect(await page.locator(`[data-broadcast-id="${doomed}"]`).count()).toBe(0);
    await page.close();
  });
});
