import { env } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { naverUrls, singleHostBases } from "../../core/naver/endpoints.ts";
import type { buildCatalogue } from "../../scripts/lib/naver-fixture/catalogue.ts";
import { quietFixtureSite } from "../../scripts/lib/naver-fixture/quiet-site.ts";
import type { FetchLike } from "../../server/capture/naver-api.ts";
import { crawlQnaStep, DEFAULT_CRAWL_LIMITS } from "../../server/capture/setup-crawl.ts";
import { fetchSetupSnapshot } from "../../server/capture/setup-fetch.ts";
import { storeSnapshot } from "../../server/capture/setup-store.ts";
import { broadcastBenefits, productQna, products } from "../../server/db/schema.ts";
import { api, createBroadcast } from "./helpers.ts";

const NAVER_ID = "1234567";
const FIXTURE = "http://naver-fixture.test";

/**
 * The Naver fixture site's own request handler (the same code `npm run fixture:naver`
 * serves over HTTP), reached through a `fetch` that speaks HTTP semantics: URL in, JSON out.
 */
function fixtureSite() {
  const { catalogue, hits, routes } = quietFixtureSite(NAVER_ID);
  const fetch: FetchLike = async (input) => {
    const answer = routes(new URL(input));
    return answer
      ? Response.json(answer.body, { status: answer.status ?? 200 })
      : Response.json({ code: "NOT_FOUND" }, { status: 404 });
  };
  return { catalogue, hits, fetch };
}

/** What a complete crawl should store: public, answered inquiries, up to the cap. */
function expectedQna(catalogue: ReturnType<typeof buildCatalogue>, cap: number) {
  return [...catalogue.inquiries.values()].flatMap((list) =>
    list.slice(0, cap).filter((q) => !q.secretYn && q.answer !== null),
  );
}

async function runSetup(site: ReturnType<typeof fixtureSite>, broadcastId: string) {
  const urls = naverUrls(singleHostBases(FIXTURE));
  const snapshot = await fetchSetupSnapshot(site.fetch, urls, NAVER_ID);
  if ("error" in snapshot) throw new Error(snapshot.error);
  await storeSnapshot(drizzle(env.DB), broadcastId, snapshot, Date.now());
  return (maxRequests: number) =>
    crawlQnaStep({
      db: drizzle(env.DB),
      fetch: site.fetch,
      urls,
      broadcastId,
      limits: { ...DEFAULT_CRAWL_LIMITS, maxRequests, deadline: Date.now() + 60_000 },
      sleep: async () => {},
    });
}

describe("setup crawl", () => {
  it("stores products, coupons, benefits and every public answered Q&A", async () => {
    const site = fixtureSite();
    const { id } = await createBroadcast({
      source: "naver",
      naverUrl: `https://view.shoppinglive.naver.com/lives/${NAVER_ID}`,
    });
    const step = await runSetup(site, id);
    const crawl = await step(10_000);
    expect(crawl).toMatchObject({ status: "done", productsTotal: 5, error: null });

    const db = drizzle(env.DB);
    const stored = await db.select().from(productQna).where(eq(productQna.broadcastId, id)).all();
    const expected = expectedQna(site.catalogue, DEFAULT_CRAWL_LIMITS.maxPerProduct);
    expect(stored.map((q) => q.question).sort()).toEqual(expected.map((q) => q.commentContent).sort());
    expect(stored.every((q) => q.answer.length > 0)).toBe(true);
    expect(crawl?.secretSkipped).toBe([...site.catalogue.inquiries.values()].flat().filter((q) => q.secretYn).length);

    const productRows = await db.select().from(products).where(eq(products.broadcastId, id)).all();
    expect(productRows.map((p) => p.name)).toContain("[퓨어메르] 리셋 비타씨 앰플 (5g x 8ea)");
    expect(productRows.find((p) => p.key === "11932352421")?.salePrice).toBe(58700);
    const lines = await db.select().from(broadcastBenefits).where(eq(broadcastBenefits.broadcastId, id)).all();
    expect(lines.filter((l) => l.kind === "coupon").map((l) => l.text)).toContain(
      "라이브 전용 10% 할인 쿠폰, 10% 할인, 30,000원 이상 구매 시, 최대 10,000원, 2025-01-16까지",
    );
    expect(lines.filter((l) => l.kind === "benefit")).toHaveLength(2);
  });

  it("resumes a crawl cut short without storing anything twice or asking for a page again", async () => {
    const site = fixtureSite();
    const { id } = await createBroadcast({
      source: "naver",
      naverUrl: `https://view.shoppinglive.naver.com/lives/${NAVER_ID}`,
    });
    const step = await runSetup(site, id);
    const first = await step(7);
    expect(first?.status).toBe("paused");
    let crawl = first;
    for (let i = 0; i < 100 && crawl?.status !== "done"; i++) crawl = await step(7);
    expect(crawl?.status).toBe("done");
    const stored = await drizzle(env.DB).select().from(productQna).where(eq(productQna.broadcastId, id)).all();
    expect(stored).toHaveLength(expectedQna(site.catalogue, DEFAULT_CRAWL_LIMITS.maxPerProduct).length);
    // 23 inquiries per product at 10 a page: 3 pages each, never re-read on resume.
    expect(site.hits.get("inquiries")).toBe(5 * 3);
  });

  it("reports progress over the API and refuses to resume what never started", async () => {
    const { id } = await createBroadcast({
      source: "naver",
      naverUrl: `https://view.shoppinglive.naver.com/lives/${NAVER_ID}`,
    });
    expect(await (await api(`/api/broadcasts/${id}/setup`)).json()).toEqual({ crawl: null });
    expect((await api(`/api/broadcasts/${id}/setup/crawl`, { method: "POST" })).status).toBe(404);
    expect((await api(`/api/broadcasts/${id}/setup`, { token: null })).status).toBe(401);
    const site = fixtureSite();
    await (await runSetup(site, id))(3);
    const progress = (await (await api(`/api/broadcasts/${id}/setup`)).json()) as {
      crawl: { status: string; productsLeft: number; qnaStored: number };
    };
    expect(progress.crawl).toMatchObject({ status: "paused", productsLeft: 5 });
  });
});
