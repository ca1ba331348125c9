import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser.ts";
import { connected, newBroadcast, openBoard, signedInPage, type Target } from "./lib/dashboard.ts";

const target: Target = { base: inject("liveqUrl"), token: inject("liveqToken") };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("dashboard sessions in Chromium", () => {
  it("exchanges the npm start deep link for an HttpOnly session and keeps the token nowhere in the page", async () => {
    const id = await newBroadcast(target, "딥 링크 테스트");
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${target.base}/#token=${target.token}&board=${id}`);
    await connected(page);
    expect(page.url()).toBe(`${target.base}/#/board/${id}`);
    const kept = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
    );
    expect(kept).not.toContain(target.token);
    expect(kept).not.toContain("liveq_session");
    const session = (await context.cookies()).find((c) => c.name === "liveq_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(session?.value).not.toContain(target.token);

    // The owner's audit page lists the broadcast this test created.
    await page.getByTestId("audit-link").click();
    await page.getByTestId("audit-row").filter({ hasText: id }).first().waitFor();

    // Signing out revokes the session on the server: a copy of the cookie is refused afterwards.
    await page.getByRole("button", { name: /로그아웃|Sign out/ }).click();
    await page.getByTestId("login-token").waitFor();
    const copy = await fetch(`${target.base}/api/me`, { headers: { cookie: `liveq_session=${session!.value}` } });
    expect(copy.status).toBe(401);
    await context.close();
  });

  it("the owner adds an analyst on the team page; the analyst signs in with the one-time token and is cut off when revoked", async () => {
    const id = await newBroadcast(target, "팀원 테스트");
    const owner = await browser.newContext();
    const op = await owner.newPage();
    await op.goto(`${target.base}/#token=${target.token}`);
    await op.getByTestId("audit-link").click();
    await op.getByTestId("member-name").fill("인턴 분석가");
    await op.getByTestId("member-role").selectOption("analyst");
    await op.getByTestId("member-add").click();
    const token = (await op.getByTestId("member-token").locator("code").textContent()) ?? "";
    expect(token.length).toBeGreaterThanOrEqual(32);

    const analyst = await signedInPage(browser, { base: target.base, token });
    await analyst.page.getByTestId("signed-in-as").filter({ hasText: "인턴 분석가" }).waitFor();
    expect(await analyst.page.getByTestId("audit-link").count()).toBe(0);
    await openBoard(analyst.page, target, id);

    op.once("dialog", (dialog) => void dialog.accept());
    await op.getByTestId("member-row").filter({ hasText: "인턴 분석가" }).getByRole("button").click();
    // The analyst's board socket is closed by the server; reconnecting is refused and the page signs out.
    await analyst.page.getByTestId("login-token").waitFor({ timeout: 30_000 });
    await analyst.context.close();
    await owner.close();
  });

  it("a deep link pasted into an open page leaves no history entry holding the token", async () => {
    const id = await newBroadcast(target, "딥 링크 기록 테스트");
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(target.base);
    await page.getByTestId("login-token").waitFor();
    await page.goto(`${target.base}/#token=${target.token}&board=${id}`);
    await connected(page);
    expect(page.url()).toBe(`${target.base}/#/board/${id}`);
    await page.goBack();
    expect(page.url()).not.toContain(target.token);
    await page.goForward();
    expect(page.url()).toBe(`${target.base}/#/board/${id}`);
    await context.close();
  });
});
