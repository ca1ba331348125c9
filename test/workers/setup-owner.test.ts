import { env } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { buildCatalogue } from "../../scripts/lib/naver-fixture/catalogue.ts";
import { DEFAULT_BROADCAST } from "../../scripts/lib/naver-fixture/routes.ts";
import { DEFAULT_CRAWL_LIMITS } from "../../server/capture/setup-crawl.ts";
import { getCrawl } from "../../server/capture/setup-store.ts";
import { productQna } from "../../server/db/schema.ts";
import { MAX_FAILED_STEPS } from "../../durable-objects/capture-crawl.ts";
import { api, createBroadcast } from "./helpers.ts";

/**
 * The setup crawl's owner: the broadcast's ChatCapture object steps it from its alarm until
 * it is done, one crawl at a time, writing `failed` with the reason when Naver keeps failing,
 * resumable from where it stopped. Naver is the local server of test/servers/naver-server.ts
 * (NAVER_API_BASE), scripted to fail or slow down its Q&A; nobody polls the API meanwhile:
 * progress is read from D1.
 */
const naver = (path: string, init?: RequestInit) => fetch(`${env.TEST_NAVER_URL}${path}`, init);
const script = (body: { failStatus?: number; failCount?: number; delayMs?: number }) =>
  naver("/__test/qna", { method: "PUT", body: JSON.stringify(body) });

afterEach(async () => {
  await naver("/__test", { method: "DELETE" });
});

const expectedQna = (() => {
  const catalogue = buildCatalogue(DEFAULT_BROADCAST, 42);
  return [...catalogue.inquiries.values()].flatMap((list) =>
    list.slice(0, DEFAULT_CRAWL_LIMITS.maxPerProduct).filter((q) => !q.secretYn && q.answer !== null),
  ).length;
})();

async function naverBroadcast(): Promise<string> {
  const { id } = await createBroadcast({
    source: "naver",
    naverUrl: `https://view.shoppinglive.naver.com/lives/${DEFAULT_BROADCAST}`,
  });
  return id;
}

const setup = (id: string) => api(`/api/broadcasts/${id}/setup`, { method: "POST", body: "{}" });
const resume = (id: string) => api(`/api/broadcasts/${id}/setup/crawl`, { method: "POST" });
const crawlOf = (id: string) => getCrawl(drizzle(env.DB), id);
const storedQna = async (id: string) =>
  (await drizzle(env.DB).select().from(productQna).where(eq(productQna.broadcastId, id)).all()).length;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 25_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the setup crawl's owner", () => {
  it("drives the crawl to the end from its alarm, with nobody watching", async () => {
    const id = await naverBroadcast();
    expect((await setup(id)).status).toBe(200);
    const crawl = await until(
      () => crawlOf(id),
      (c) => c?.status === "done",
    );
    expect(crawl).toMatchObject({ status: "done", pending: [], error: null });
    expect(await storedQna(id)).toBe(expectedQna);
  });

  it("runs one crawl per broadcast at a time: a second start or a resume answers 409", async () => {
    await script({ delayMs: 150 });
    const id = await naverBroadcast();
    expect((await setup(id)).status).toBe(200);
    const again = await setup(id);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "crawl_running" } });
    expect((await resume(id)).status).toBe(409);
    await script({ delayMs: 0 });
    const crawl = await until(
      () => crawlOf(id),
      (c) => c?.status === "done",
    );
    expect(crawl?.status).toBe("done");
    // Nothing was stored twice or skipped by the refused starts.
    expect(await storedQna(id)).toBe(expectedQna);
    expect((await setup(id)).status).toBe(200);
  });

  it("retries a page Naver failed for a while, and skips nothing", async () => {
    await script({ failStatus: 503, failCount: 3 });
    const id = await naverBroadcast();
    expect((await setup(id)).status).toBe(200);
    const crawl = await until(
      () => crawlOf(id),
      (c) => c?.status === "done",
    );
    expect(crawl?.status).toBe("done");
    expect(await storedQna(id)).toBe(expectedQna);
    const stats = (await (await naver("/__test/qna")).json()) as { failed: number };
    expect(stats.failed).toBeGreaterThanOrEqual(3);
  });

  it("writes failed with the reason when Naver keeps failing, and resumes from there", async () => {
    await script({ failStatus: 503, failCount: -1 });
    const id = await naverBroadcast();
    expect((await setup(id)).status).toBe(200);
    const failed = await until(
      () => crawlOf(id),
      (c) => c?.status === "failed",
    );
    expect(failed?.status).toBe("failed");
    expect(failed?.error).toContain(`${MAX_FAILED_STEPS} attempts in a row failed`);
    expect(failed?.error).toContain("HTTP 503");
    expect(failed?.pending).toHaveLength(5);
    const progress = (await (await api(`/api/broadcasts/${id}/setup`)).json()) as {
      crawl: { status: string; error: string };
    };
    expect(progress.crawl).toMatchObject({ status: "failed", error: failed?.error });

    await naver("/__test", { method: "DELETE" });
    expect((await resume(id)).status).toBe(202);
    const done = await until(
      () => crawlOf(id),
      (c) => c?.status === "done",
    );
    expect(done?.status).toBe("done");
    expect(await storedQna(id)).toBe(expectedQna);
  });
});
