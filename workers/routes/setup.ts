import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import { BroadcastId } from "../../core/protocol/api.ts";
import type { CrawlAnswer, CrawlProgress, SetupResult } from "../../core/protocol/responses.ts";
import { naverBroadcastId } from "../../core/naver/url.ts";
import { requirePermission } from "../auth.ts";
import { naverEndpoints } from "../../server/capture/naver-api.ts";
import { fetchSetupSnapshot } from "../../server/capture/setup-fetch.ts";
import { getCrawl, reopenCrawl, storeSnapshot, type CrawlRow } from "../../server/capture/setup-store.ts";
import { getBroadcast } from "../../server/db/queries.ts";
import type { AppContext, AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { validate } from "../validate.ts";

/** `NAVER_API_BASE`: every Naver endpoint on one base (the fixture site, a proxy); the real hosts when empty. */
interface NaverVars {
  NAVER_API_BASE?: string;
}

const IdParam = z.object({ id: BroadcastId });
const SetupBody = z.object({ naverUrl: z.url().max(500).optional() });
function crawlProgress(crawl: CrawlRow | null): CrawlProgress | null {
  if (!crawl) return null;
  const { broadcastId: _, pending, ...rest } = crawl;
  return { ...rest, productsLeft: pending.length };
}

/** The broadcast's crawl owner (its ChatCapture object), after a claim: 409 while a crawl runs. */
async function claimCrawl(c: AppContext, id: string) {
  const owner = c.env.CHAT_CAPTURE.getByName(id);
  if (!(await owner.claimCrawl(id)))
    throw new AppError(
      "crawl_running",
      409,
      "a setup crawl of this broadcast is running; wait for it to finish or fail",
    );
  return owner;
}

async function naverIdFor(c: AppContext, id: string, naverUrl: string | undefined): Promise<string> {
  const broadcast = await getBroadcast(drizzle(c.env.DB), id);
  if (!broadcast) throw new AppError("not_found", 404, "no such broadcast");
  const naverId = naverUrl ? naverBroadcastId(naverUrl) : broadcast.naverId;
  if (!naverId) throw new AppError("invalid_request", 400, "naverUrl: a Naver Shopping Live viewer URL is needed");
  return naverId;
}

/**
 * Setup from Naver: `POST /:id/setup` reads the broadcast detail, products, coupons and
 * benefits, stores them and starts the product Q&A crawl; `POST /:id/setup/crawl` resumes a
 * paused or failed crawl; `GET /:id/setup` reports progress. The crawl is owned by the
 * broadcast's ChatCapture object, whose alarm drives it to the end; one at a time (409).
 */
export const setupRoutes = new Hono<AppEnv>()
  .post(
    "/:id/setup",
    requirePermission("broadcast.setup"),
    validate("param", IdParam),
    validate("json", SetupBody),
    async (c) => {
      const { id } = c.req.valid("param");
      const naverId = await naverIdFor(c, id, c.req.valid("json").naverUrl);
      const urls = naverEndpoints((c.env as Env & NaverVars).NAVER_API_BASE);
      // Claimed before anything is stored, so a running crawl's cursor is never overwritten.
      const owner = await claimCrawl(c, id);
      let crawl: CrawlRow;
      let snapshot: Awaited<ReturnType<typeof fetchSetupSnapshot>>;
      try {
        snapshot = await fetchSetupSnapshot((input, init) => fetch(input, init), urls, naverId);
        if ("error" in snapshot)
          throw new AppError("naver_unavailable", 502, `could not read the broadcast from Naver (${snapshot.error})`);
        crawl = await storeSnapshot(drizzle(c.env.DB), id, snapshot, Date.now());
      } catch (err) {
        await owner.releaseCrawl();
        throw err;
      }
      await owner.startCrawl(id);
      return c.json({
        naverId,
        title: snapshot.detail.title,
        status: snapshot.detail.status,
        products: snapshot.products.length,
        coupons: snapshot.coupons.length,
        benefits: snapshot.benefits.length,
        malformed: snapshot.malformed,
        failures: snapshot.failures,
        crawl: crawlProgress(crawl),
      } satisfies SetupResult);
    },
  )
  .post("/:id/setup/crawl", requirePermission("broadcast.setup"), validate("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    const db = drizzle(c.env.DB);
    const existing = await getCrawl(db, id);
    if (!existing) throw new AppError("not_found", 404, "no setup has run for this broadcast");
    if (existing.status === "done") return c.json({ crawl: crawlProgress(existing) } satisfies CrawlAnswer, 200);
    const owner = await claimCrawl(c, id);
    // A failed crawl resumes from its cursor: the page that failed is read again.
    const crawl = await reopenCrawl(db, id, Date.now());
    await owner.startCrawl(id);
    return c.json({ crawl: crawlProgress(crawl) } satisfies CrawlAnswer, 202);
  })
  .get("/:id/setup", requirePermission("broadcast.read"), validate("param", IdParam), async (c) => {
    return c.json({
      crawl: crawlProgress(await getCrawl(drizzle(c.env.DB), c.req.valid("param").id)),
    } satisfies CrawlAnswer);
  });
