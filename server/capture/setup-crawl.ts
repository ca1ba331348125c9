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

/**
 * Runs the Q&A crawl of a broadcast for one step: product by product, page by page, public
 * inquiries only, each answered one with its seller reply, stored as it goes. The cursor is
 * saved after every page, so a step cut short (budget, crash) resumes where it stopped.
 */
export async function crawlQnaStep(deps: CrawlDeps): Promise<CrawlRow | null> {
  const crawl = await getCrawl(deps.db, deps.broadcastId);
  if (!crawl || crawl.status === "done" || crawl.status === "failed") return crawl;
  crawl.status = "running";
  let stepRequests = 0;
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
    const done = productNo === null || (await crawlPage(deps, crawl, key, productNo, get));
    if (done) {
      crawl.pending = crawl.pending.slice(1);
      crawl.nextPage = 1;
    }
    crawl.updatedAt = Date.now();
    await saveCrawl(deps.db, crawl);
  }
  if (crawl.pending.length === 0) crawl.status = "done";
  else if (crawl.status === "running") crawl.status = "paused";
  crawl.updatedAt = Date.now();
  await saveCrawl(deps.db, crawl);
  return crawl;
}

type Get = (url: string) => ReturnType<typeof getNaverJson>;

/** One Q&A page of one product; true when the product is finished. */
async function crawlPage(deps: CrawlDeps, crawl: CrawlRow, key: string, productNo: string, get: Get): Promise<boolean> {
  const { pageSize, maxPerProduct } = deps.limits;
  const answer = await get(deps.urls.inquiries(productNo, crawl.nextPage, pageSize));
  const page = answer.ok ? parseInquiryPage(answer.body) : null;
  // A product whose Q&A cannot be read is skipped, not retried forever; the error is kept.
  if (!page) {
    crawl.error = `Q&A of ${productNo} page ${crawl.nextPage}: ${answer.ok ? "unreadable" : answer.error}`;
    return true;
  }
  crawl.secretSkipped += page.secret;
  const pairs: Parameters<typeof storeQna>[3] = [];
  for (const inquiry of page.items) {
    const reply = inquiry.answerYn === false ? null : await fetchReply(deps, inquiry, get);
    if (reply) pairs.push({ id: inquiry.id, question: inquiry.commentContent, answer: reply, askedAt: askedAt(inquiry) });
  }
  await storeQna(deps.db, deps.broadcastId, key, pairs);
  crawl.qnaStored += pairs.length;
  const seen = crawl.nextPage * pageSize;
  const total = page.totalElements ?? Infinity;
  crawl.nextPage++;
  return page.items.length + page.secret + page.malformed === 0 || seen >= total || seen >= maxPerProduct;
}

async function fetchReply(deps: CrawlDeps, inquiry: NaverInquiry, get: Get): Promise<string | null> {
  const answer = await get(deps.urls.inquiryReplies(inquiry.id));
  return answer.ok ? parseInquiryReply(answer.body) : null;
}

function askedAt(inquiry: NaverInquiry): number | null {
  const ms = inquiry.createDate ? Date.parse(inquiry.createDate) : NaN;
  return Number.isNaN(ms) ? null : ms;
}
