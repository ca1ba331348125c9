import type { NaverUrls } from "../../core/naver/endpoints.ts";
import { parseInquiryPage, parseInquiryReply, type NaverInquiry } from "../../core/naver/qna.ts";
import type { Db } from "../db/queries.ts";
import { getNaverJson, type FetchLike } from "./naver-api.ts";
import { getCrawl, productNoOf, saveCrawl, storeQna, type CrawlRow } from "./setup-store.ts";

export interface CrawlLimits {
  /** Pause between requests: Naver is crawled politely (default 250 ms, four a second). */
  delayMs: number;
  /** Inquiries read per product at most. */
  maxPerProduct: number;
  pageSize: number;
  /** This step stops (status `paused`) after this many requests or at this time. */
  maxRequests: number;
  deadline: number;
}

export const DEFAULT_CRAWL_LIMITS = { delayMs: 250, maxPerProduct: 100, pageSize: 10 } as const;

interface CrawlDeps {
  db: Db;
  fetch: FetchLike;
  urls: NaverUrls;
  broadcastId: string;
  limits: CrawlLimits;
  /** Injected so the Worker and tests share one code path. */
  sleep: (ms: number) => Promise<void>;
}

/** What one step did: the crawl after it, and why it stopped early when Naver failed it. */
export interface CrawlStepOutcome {
  crawl: CrawlRow | null;
  /** A request that failed in a way worth retrying (network, timeout, 429, 5xx); null otherwise. */
  interrupted: string | null;
}

/**
 * Runs the Q&A crawl of a broadcast for one step: product by product, page by page, public
 * inquiries only, each answered one with its seller reply, stored as it goes. The cursor is
 * saved after every page, so a step cut short (budget, crash, a failed request) resumes
 * where it stopped: a page whose requests failed is read again, never skipped.
 */
export async function runCrawlStep(deps: CrawlDeps): Promise<CrawlStepOutcome> {
  const crawl = await getCrawl(deps.db, deps.broadcastId);
  if (!crawl || crawl.status === "done" || crawl.status === "failed") return { crawl, interrupted: null };
  crawl.status = "running";
  let stepRequests = 0;
  let interrupted: string | null = null;
  const budgetLeft = () => stepRequests < deps.limits.maxRequests && Date.now() < deps.limits.deadline;
  const get = async (url: string) => {
    if (crawl.requests > 0) await deps.sleep(deps.limits.delayMs);
    stepRequests++;
    crawl.requests++;
    return getNaverJson(deps.fetch, url);
  };
  while (crawl.pending.length > 0 && budgetLeft()) {
    const key = crawl.pending[0]!;
    const productNo = await productNoOf(deps.db, deps.broadcastId, key);
    const page = productNo === null ? "done" : await crawlPage(deps, crawl, key, productNo, get);
    if (page === "done") {
      crawl.pending = crawl.pending.slice(1);
      crawl.nextPage = 1;
    } else if (page !== "more") {
      interrupted = page.retry;
      crawl.error = page.retry;
    }
    crawl.updatedAt = Date.now();
    await saveCrawl(deps.db, crawl);
    if (interrupted) break;
  }
  if (crawl.pending.length === 0) crawl.status = "done";
  else if (crawl.status === "running") crawl.status = "paused";
  crawl.updatedAt = Date.now();
  await saveCrawl(deps.db, crawl);
  return { crawl, interrupted };
}

/** One step, returning the crawl after it (see `runCrawlStep`). */
export async function crawlQnaStep(deps: CrawlDeps): Promise<CrawlRow | null> {
  return (await runCrawlStep(deps)).crawl;
}

type Get = (url: string) => ReturnType<typeof getNaverJson>;
type PageResult = "done" | "more" | { retry: string };

/** Failures that a later try may not see: no answer, a timeout, rate limiting, a server error. */
function transient(answer: { ok: false; status: number }): boolean {
  return answer.status === 0 || answer.status === 408 || answer.status === 429 || answer.status >= 500;
}

/** One Q&A page of one product: its product finished, more pages to read, or retry this page. */
async function crawlPage(
  deps: CrawlDeps,
  crawl: CrawlRow,
  key: string,
  productNo: string,
  get: Get,
): Promise<PageResult> {
  const { pageSize, maxPerProduct } = deps.limits;
  const where = `Q&A of ${productNo} page ${crawl.nextPage}`;
  const answer = await get(deps.urls.inquiries(productNo, crawl.nextPage, pageSize));
  if (!answer.ok && transient(answer)) return { retry: `${where}: ${answer.error}` };
  const page = answer.ok ? parseInquiryPage(answer.body) : null;
  // A product whose Q&A cannot be read (gone, unreadable) is skipped, not retried forever; the error is kept.
  if (!page) {
    crawl.error = `${where}: ${answer.ok ? "unreadable" : answer.error}`;
    return "done";
  }
  const pairs: Parameters<typeof storeQna>[3] = [];
  for (const inquiry of page.items) {
    if (inquiry.answerYn === false) continue;
    const reply = await get(deps.urls.inquiryReplies(inquiry.id));
    if (!reply.ok && transient(reply)) {
      // What was read is kept (stored once by id); the page is read again on resume.
      await storeQna(deps.db, deps.broadcastId, key, pairs);
      return { retry: `${where}, reply to ${inquiry.id}: ${reply.error}` };
    }
    const text = reply.ok ? parseInquiryReply(reply.body) : null;
    if (text) pairs.push({ id: inquiry.id, question: inquiry.commentContent, answer: text, askedAt: askedAt(inquiry) });
  }
  await storeQna(deps.db, deps.broadcastId, key, pairs);
  crawl.secretSkipped += page.secret;
  crawl.qnaStored += pairs.length;
  const seen = crawl.nextPage * pageSize;
  const total = page.totalElements ?? Infinity;
  crawl.nextPage++;
  return page.items.length + page.secret + page.malformed === 0 || seen >= total || seen >= maxPerProduct
    ? "done"
    : "more";
}

function askedAt(inquiry: NaverInquiry): number | null {
  const ms = inquiry.createDate ? Date.parse(inquiry.createDate) : NaN;
  return Number.isNaN(ms) ? null : ms;
}
