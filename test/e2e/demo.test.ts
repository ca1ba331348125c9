import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startDemo } from "../../scripts/lib/demo.ts";
import { adminFetch, launchBrowser } from "./browser.ts";
import { openBoard, screenshot, signedInPage, type Target } from "./lib/dashboard.ts";

const target: Target = { base: inject("liveqUrl"), token: inject("liveqToken") };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("the demo show (npm start)", () => {
  it("replays its chat into clusters with drafted answers from its knowledge, and publishes one", {
    timeout: 180_000,
  }, async () => {
    // The same seeding `npm start` does, on a broadcast of its own so other tests keep theirs.
    const id = await startDemo(target.base, target.token, { id: `demo-e2e-${Date.now()}`, ratePerMin: 600 });
    const { context, page } = await signedInPage(browser, target);
    await openBoard(page, target, id);

    // Within a minute a cluster shows a drafted (not abstained) answer.
    const ready = page.getByTestId("cluster").filter({ has: page.locator(".tag-ready") });
    await ready.first().waitFor({ timeout: 90_000 });
    await screenshot(page, "demo-board");

    await ready.first().getByTestId("cluster-answer").click();
    await page.getByTestId("draft-info").waitFor({ timeout: 30_000 });
    await page.getByTestId("draft-sources").waitFor();
    await page.getByTestId("answer-suggestion").first().waitFor();
    const drafted = await page.getByTestId("answer-draft").inputValue();
    expect(drafted.length).toBeGreaterThan(5);
    expect(drafted).not.toContain("답변을 생성할 수 없습니다");
    await screenshot(page, "demo-answer");

    await page.getByTestId("answer-send").click();
    await page.getByTestId("answer-published").first().waitFor({ timeout: 30_000 });
    const listed = await adminFetch(target.base, target.token, `/api/broadcasts/${id}/answers`);
    const { answers } = (await listed.json()) as { answers: { answer: string }[] };
    expect(answers.map((a) => a.answer)).toContain(drafted);

    const stopped = await fetch(`${target.base}/api/broadcasts/${id}/capture`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${target.token}` },
    });
    expect(stopped.ok).toBe(true);
    await context.close();
  });
});
