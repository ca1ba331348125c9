import type { FixtureCatalogue } from "./catalogue.ts";
import type { ChatStream } from "./chat-stream.ts";

/** What the API answers from: a broadcast's catalogue and its chat history. */
export interface FixtureApiBroadcast {
  catalogue: FixtureCatalogue;
  stream: Pick<ChatStream, "recent">;
}

/** A JSON answer from the fixture's API. */
export interface ApiAnswer {
  status?: number;
  body: unknown;
}

type Handler = (match: string, query: URLSearchParams) => ApiAnswer;

const LIVE_WEB = "/live_commerce_web/live_commerce_web/v1/broadcast";
const VIEWER_API = "/live_commerce_web/viewer_api_web";

function intParam(query: URLSearchParams, name: string, fallback: number, max = 1000): number {
  const value = Number(query.get(name));
  return query.has(name) && Number.isInteger(value) && value >= 0 ? Math.min(value, max) : fallback;
}

/**
 * The viewer API and Q&A endpoints under Naver's real paths (see core/naver/endpoints.ts).
 * recent-comments pages forward: `next=N` gives up to `size` chats after commentNo N
 * (ascending) with `next` = the last one; without `next`, the latest `size` chats.
 */
export function naverApiRoutes(broadcast: (id: string) => FixtureApiBroadcast, hits: Map<string, number>) {
  const routes: [name: string, pattern: RegExp, handler: Handler][] = [
    [
      "recent-comments",
      new RegExp(`^${LIVE_WEB}/(\\d+)/recent-comments$`),
      (id, q) => {
        const next = q.has("next") ? Number(q.get("next")) : null;
        const list = broadcast(id).stream.recent(Number.isFinite(next) ? next : null, intParam(q, "size", 20, 100));
        return { body: { list, next: list.at(-1)?.commentNo ?? next } };
      },
    ],
    [
      "replay-comments",
      new RegExp(`^${VIEWER_API}/v1/broadcast/(\\d+)/replays/comments$`),
      (id, q) => {
        const after = q.has("lastCommentNo") ? Number(q.get("lastCommentNo")) : -1;
        const size = intParam(q, "size", 100, 100);
        const page = broadcast(id).stream.recent(after, size + 1);
        const comments = page.slice(0, size).map((c, i) => ({
          ...c,
          id: c.commentNo,
          createdAt: new Date(c.createdAtMilli).toISOString(),
          hasAnswer: i % 50 === 0,
          recordStartedAt: 0,
        }));
        return { body: { comments, hasNext: page.length > size, lastCommentNo: comments.at(-1)?.commentNo ?? null } };
      },
    ],
    [
      "coupons",
      new RegExp(`^${VIEWER_API}/v2/broadcast/(\\d+)/coupons$`),
      (id) => ({ body: { coupons: broadcast(id).catalogue.coupons } }),
    ],
    [
      "benefits",
      new RegExp(`^${VIEWER_API}/v1/broadcast/(\\d+)/broadcast-benefits$`),
      (id) => ({ body: broadcast(id).catalogue.benefits }),
    ],
    ["products", new RegExp(`^${VIEWER_API}/v1/broadcast/(\\d+)/products$`), (id, q) => productsPage(broadcast(id), q)],
    ["detail", new RegExp(`^${VIEWER_API}/v1/broadcast/(\\d+)$`), (id) => ({ body: broadcast(id).catalogue.detail })],
    [
      "inquiries",
      /^\/(?:i\/v1|shopv\/v1)\/comments\/PRODUCTINQUIRY\/(\d+)$/,
      (productNo, q) => inquiriesPage(broadcast, productNo, q),
    ],
    ["replies", /^\/shopv\/v1\/comments\/replies\/(\d+)$/, (inquiryId) => replies(broadcast, inquiryId)],
  ];
  return (url: URL): ApiAnswer | null => {
    for (const [name, pattern, handler] of routes) {
      const match = pattern.exec(url.pathname);
      if (!match) continue;
      hits.set(name, (hits.get(name) ?? 0) + 1);
      return handler(match[1]!, url.searchParams);
    }
    return null;
  };
}

function productsPage(b: FixtureApiBroadcast, q: URLSearchParams): ApiAnswer {
  const size = Math.max(1, intParam(q, "size", 30, 100));
  const page = intParam(q, "page", 0);
  const all = b.catalogue.products;
  return {
    body: {
      list: all.slice(page * size, (page + 1) * size),
      page,
      totalCount: all.length,
      totalPage: Math.ceil(all.length / size),
    },
  };
}

/** Q&A of a product sold in any broadcast the fixture has made so far; pages start at 1. */
function inquiriesPage(
  broadcast: (id: string) => FixtureApiBroadcast,
  productNo: string,
  q: URLSearchParams,
): ApiAnswer {
  const inquiries = findInquiries(broadcast, productNo);
  if (!inquiries) return { status: 404, body: { code: "NOT_FOUND", message: "no such product" } };
  const size = Math.max(1, intParam(q, "size", 10, 100));
  const page = Math.max(1, intParam(q, "page", 1));
  const contents = inquiries
    .slice((page - 1) * size, page * size)
    .map(({ answer, ...item }) => ({ ...item, answerYn: answer !== null, productNo: Number(productNo) }));
  return { body: { totalElements: inquiries.length, totalPages: Math.ceil(inquiries.length / size), page, contents } };
}

function replies(broadcast: (id: string) => FixtureApiBroadcast, inquiryId: string): ApiAnswer {
  const productNo = String(Math.floor(Number(inquiryId) / 100));
  const inquiry = findInquiries(broadcast, productNo)?.find((i) => String(i.id) === inquiryId);
  if (!inquiry) return { status: 404, body: { code: "NOT_FOUND", message: "no such inquiry" } };
  return {
    body:
      inquiry.answer === null
        ? []
        : [
            {
              id: inquiry.id * 10,
              commentContent: inquiry.answer,
              maskedWriterId: "판매자",
              createDate: inquiry.createDate,
            },
          ],
  };
}

/** Every fixture broadcast sells the same catalogue, so the default one answers for all. */
function findInquiries(broadcast: (id: string) => FixtureApiBroadcast, productNo: string) {
  return broadcast(DEFAULT_BROADCAST).catalogue.inquiries.get(productNo);
}

/** The broadcast id `npm run fixture:naver` advertises. */
export const DEFAULT_BROADCAST = "1234567";
