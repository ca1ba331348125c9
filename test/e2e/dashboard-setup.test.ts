import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminFetch, launchBrowser } from "./browser.ts";
import { newBroadcast, screenshot, signedInPage, type Target } from "./lib/dashboard.ts";

const target: Target = { base: inject("liveqUrl"), token: inject("liveqToken") };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("broadcast setup against the Naver fixture site", () => {
  it("loads detail and products, saves notes and detail lines, and follows the Q&A crawl to the end", {
    timeout: 300_000,
  }, async () => {
    const naverId = "4567890";
    const id = await newBroadcast(target, "셋업 테스트", {
      source: "naver",
      naverUrl: `https://view.shoppinglive.naver.com/lives/${naverId}`,
    });
    const { context, page } = await signedInPage(browser, target);
    await page.getByTestId("broadcast-row").filter({ hasText: id }).getByTestId("broadcast-setup").click();
    await expect.poll(() => page.getByTestId("setup-url").inputValue()).toContain(naverId);

    // A wrong URL fails visibly, with a retry; the right one then loads.
    await page.getByTestId("setup-url").fill("https://example.com/not-naver");
    await page.getByTestId("setup-load").click();
    await page.getByTestId("step-source").and(page.locator("[data-status=error]")).waitFor();
    await page.getByTestId("retry-source").waitFor();
    await page.getByTestId("setup-url").fill(`https://view.shoppinglive.naver.com/lives/${naverId}?tr=lim`);
    await page.getByTestId("retry-source").click();
    await page.getByTestId("step-source").and(page.locator("[data-status=done]")).waitFor({ timeout: 30_000 });
    await page.getByTestId("setup-loaded").waitFor();

    await expect.poll(() => page.getByTestId("product-card").count()).toBe(5);
    const knit = page.getByTestId("product-card").filter({ hasText: "캐시미어 블렌드 라운드 니트" });
    await knit.getByTestId("product-sale-price").waitFor();
    expect(await knit.locator("img").count()).toBe(1);

    await page.getByTestId("setup-notes").fill("오후 2시 이전 주문은 당일 출고\n\n방송 중 구매 시 사은품 증정");
    await page.getByTestId("setup-notes-save").click();
    await page.getByTestId("step-notes").and(page.locator("[data-status=done]")).waitFor();
    await knit.getByTestId("product-details").fill("소재: 캐시미어 30%, 울 70%\n사이즈: FREE (55~77)");
    await knit.getByTestId("product-details-save").click();
    await knit.getByText(/저장했습니다|Saved/).waitFor();

    const progress = page.getByTestId("crawl-progress");
    await progress.waitFor();
    await expect.poll(() => progress.getAttribute("data-crawl-status"), { timeout: 200_000 }).toBe("done");
    expect(await progress.getAttribute("aria-valuenow")).toBe("100");
    await screenshot(page, "dashboard-setup");

    const knowledge = (await (
      await adminFetch(target.base, target.token, `/api/broadcasts/${id}/knowledge`)
    ).json()) as {
      notes: string[];
      products: { name: string; details: string[] }[];
      qna: unknown[];
    };
    expect(knowledge.notes).toEqual(["오후 2시 이전 주문은 당일 출고", "방송 중 구매 시 사은품 증정"]);
    expect(knowledge.products.find((p) => p.name.includes("라운드 니트"))?.details).toEqual([
      "소재: 캐시미어 30%, 울 70%",
      "사이즈: FREE (55~77)",
    ]);
    expect(knowledge.qna.length).toBeGreaterThan(0);

    await page.getByTestId("setup-to-board").click();
    await page.getByTestId("column-question").waitFor();
    await expect.poll(() => page.getByTestId("board-product").locator("option").count()).toBe(6);
    await context.close();
  });
});
