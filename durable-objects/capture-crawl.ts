import { drizzle } from "drizzle-orm/d1";
import { naverEndpoints } from "../server/capture/naver-api.ts";
import { crawlQnaStep, DEFAULT_CRAWL_LIMITS } from "../server/capture/setup-crawl.ts";
import { getCrawl } from "../server/capture/setup-store.ts";

/** One step's budget: a slice of the alarm, so chat capture keeps its cadence around it. */
const STEP_MS = 20_000;
const STEP_REQUESTS = 60;
/** A crawl marked running but untouched this long was cut off (its request's waitUntil ended). */
const STALE_RUNNING_MS = 60_000;

/** `NAVER_API_BASE`: every Naver endpoint on one base (fixture site, proxy); the real hosts when empty. */
export function naverApiBase(env: Env): string | undefined {
  return (env as Env & { NAVER_API_BASE?: string }).NAVER_API_BASE || undefined;
}

/**
 * Continues a broadcast's setup Q&A crawl by one step when it is paused (or was cut off while
 * running). True while more steps are needed, false when it is done, failed or absent.
 */
export async function continueSetupCrawl(env: Env, broadcastId: string): Promise<boolean> {
  const db = drizzle(env.DB);
  const crawl = await getCrawl(db, broadcastId);
  if (!crawl || crawl.status === "done" || crawl.status === "failed") return false;
  // A step started by the setup route may still be running; leave it alone until it goes stale.
  if (crawl.status === "running" && Date.now() - crawl.updatedAt < STALE_RUNNING_MS) return true;
  const after = await crawlQnaStep({
    db,
    fetch: (input, init) => fetch(input, init),
    urls: naverEndpoints(naverApiBase(env)),
    broadcastId,
    limits: { ...DEFAULT_CRAWL_LIMITS, maxRequests: STEP_REQUESTS, deadline: Date.now() + STEP_MS },
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  });
  return after !== null && after.status !== "done" && after.status !== "failed";
}
