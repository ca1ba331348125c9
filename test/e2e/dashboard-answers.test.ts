import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminFetch, launchBrowser } from "./browser.ts";
import { newBroadcast, openBoard, postChats, screenshot, signedInPage, type Target } from "./lib/dashboard.ts";

const target: Target = { base: inject("liveqUrl"), token: inject("liveqToken") };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A Naver broadcast loaded from the fixture site, so drafts have products to answer from. */
async function broadcastWithKnowledge(naverId: string): Promise<string> {
  const id = await newBroadcast(target, "답변 흐름 테스트", {
    source: "naver",
    naverUrl: `https://view.shoppinglive.naver.com/lives/${naverId}`,
  });
  const res = await adminFetch(target.base, target.token, `/api/broadcasts/${id}/setup`, {});
  expect(res.status).toBe(200);
  return id;
}

/** A manager member added by the owner: signs in with their own token, and boards show their name. */
async function manager(name: string): Promise<Target> {
  const res = await adminFetch(target.base, target.token, "/api/members", { name, role: "manager" });
  expect(res.status).toBe(201);
  return { base: target.base, token: ((await res.json()) as { token: string }).token };
}

function cluster(page: Page, text: string) {
  return page.getByTestId("cluster").filter({ hasText: text });
}

describe("answering with two managers", () => {
  it("drafts, warns about a second manager, publishes to both boards, and shares dismissals", {
    timeout: 120_000,
  }, async () => {
    const id = await broadcastWithKnowledge("5678901");
    const a = await signedInPage(browser, await manager("매니저 가"));
    const b = await signedInPage(browser, await manager("매니저 나"));
    await openBoard(a.page, target, id);
    await openBoard(b.page, target, id);

    const asked = ["니트 가격 얼마예요?", "니트 가격 얼마예요?", "니트 가격 얼마예요?", "니트 가격 얼마에요?"];
    await postChats(target, id, asked, 1);
    await postChats(target, id, ["청소기 무게 몇 키로예요?", "청소기 무게가 몇 키로예요?"], 100);

    const priceA = cluster(a.page, "가격");
    await priceA.first().waitFor({ timeout: 30_000 });
    await expect
      .poll(() => priceA.first().getByTestId("cluster-count").textContent(), { timeout: 30_000 })
      .toMatch(/^[34]/);

    // Manager A opens the cluster (answering under the member's own name); the draft appears with its sources.
    await priceA.first().getByTestId("cluster-answer").click();
    await a.page.getByTestId("answering-as").filter({ hasText: "매니저 가" }).waitFor();
    await a.page.getByTestId("draft-info").waitFor({ timeout: 30_000 });
    // Manager B opens the same cluster and is warned that A is answering it.
    await cluster(b.page, "가격").first().getByTestId("cluster-answer").click();
    await b.page.getByTestId("claim-warning").filter({ hasText: "매니저 가" }).waitFor();
    await a.page.getByTestId("claim-warning").filter({ hasText: "매니저 나" }).waitFor();
    await screenshot(a.page, "dashboard-answer-draft");
    await b.page.getByRole("button", { name: /닫기|Close/ }).click();

    const answer = "라운드 니트는 지금 방송 특가로 판매 중입니다.";
    await a.page.getByTestId("answer-draft").fill(answer);
    await a.page.getByTestId("answer-send").click();
    await a.page.getByTestId("answer-published").filter({ hasText: answer }).waitFor();
    await b.page.getByTestId("answer-published").filter({ hasText: answer }).waitFor();
    await expect.poll(() => cluster(b.page, "가격").count()).toBe(0);

    // A dismisses the other cluster; B's board drops it from the open list.
    const weightB = cluster(b.page, "무게");
    await weightB.first().waitFor();
    await cluster(a.page, "무게").first().getByTestId("cluster-dismiss").click();
    await expect.poll(() => weightB.count()).toBe(0);
    await b.page.getByRole("button", { name: /답변·무시한 묶음 보기|Show answered/ }).click();
    await expect.poll(() => cluster(b.page, "무게").first().getAttribute("data-status")).toBe("dismissed");
    await screenshot(b.page, "dashboard-second-manager");

    // A takes the answer down; it leaves B's list too.
    await a.page.getByTestId("answer-published").filter({ hasText: answer }).getByTestId("published-unpublish").click();
    await expect.poll(() => b.page.getByTestId("answer-published").filter({ hasText: answer }).count()).toBe(0);
    await a.context.close();
    await b.context.close();
  });

  it("answers a single chat picked from the question column and edits the published answer", async () => {
    const id = await broadcastWithKnowledge("6789012");
    const { context, page } = await signedInPage(browser, target);
    await openBoard(page, target, id);
    await postChats(target, id, ["청소기 배송 언제 와요?"], 1);
    await page.getByTestId("column-question").getByText("청소기 배송 언제 와요?").click();
    await expect.poll(() => page.getByTestId("answer-question").textContent()).toBe("청소기 배송 언제 와요?");
    await page.getByTestId("draft-info").waitFor({ timeout: 30_000 });
    await page.getByTestId("answer-draft").fill("오늘 주문하시면 내일 출발합니다.");
    await page.getByTestId("answer-send").click();
    const sent = page.getByTestId("answer-published").filter({ hasText: "오늘 주문하시면" });
    await sent.waitFor();
    const item = page.locator(`[data-answer-id="${await sent.getAttribute("data-answer-id")}"]`);
    await item.getByTestId("published-edit").click();
    await item.locator("textarea").fill("오후 2시 전 주문은 오늘 출발합니다.");
    await item.getByRole("button", { name: /저장하고 다시 보내기|Save and resend/ }).click();
    await page.getByTestId("answer-published").filter({ hasText: "오후 2시 전 주문은" }).waitFor();
    const listed = await adminFetch(target.base, target.token, `/api/broadcasts/${id}/answers?status=published`);
    const { answers } = (await listed.json()) as { answers: { answer: string; sourceCommentNo: number | null }[] };
    expect(answers.map((x) => [x.answer, x.sourceCommentNo])).toEqual([["오후 2시 전 주문은 오늘 출발합니다.", 1]]);
    await context.close();
  });
});
