import { describeCoupon, parseBenefits, parseCoupons } from "../../core/naver/benefits.ts";
import { parseBroadcastDetail, type NaverBroadcast } from "../../core/naver/broadcast.ts";
import type { NaverUrls } from "../../core/naver/endpoints.ts";
import { parseProductPage, type NaverProduct } from "../../core/naver/products.ts";
import { getNaverJson, type FetchLike } from "./naver-api.ts";

/** What setup learns about a broadcast before the Q&A crawl. */
export interface SetupSnapshot {
  detail: NaverBroadcast;
  products: NaverProduct[];
  /** One Korean line per coupon / benefit. */
  coupons: string[];
  benefits: string[];
  malformed: number;
  /** Endpoints that failed (the rest is still used). */
  failures: string[];
}

const MAX_PRODUCT_PAGES = 20;

/**
 * Broadcast detail, every products page, coupons and benefits from the viewer API. The
 * detail is required; the others fail soft (recorded in `failures`). Products found only in
 * the detail's `shoppingProducts` are kept too.
 */
export async function fetchSetupSnapshot(
  fetchImpl: FetchLike,
  urls: NaverUrls,
  naverId: string,
): Promise<SetupSnapshot | { error: string }> {
  const detailAnswer = await getNaverJson(fetchImpl, urls.broadcastDetail(naverId));
  if (!detailAnswer.ok) return { error: `broadcast detail: ${detailAnswer.error}` };
  const detail = parseBroadcastDetail(detailAnswer.body);
  if (!detail) return { error: "broadcast detail: not a broadcast" };
  const failures: string[] = [];
  let malformed = detail.malformedProducts;
  const byKey = new Map(detail.products.map((p) => [p.key, p]));
  for (let page = 0; page < MAX_PRODUCT_PAGES; page++) {
    const answer = await getNaverJson(fetchImpl, urls.products(naverId, page));
    const parsed = answer.ok ? parseProductPage(answer.body) : null;
    if (!parsed) {
      failures.push(`products page ${page}`);
      break;
    }
    malformed += parsed.malformed;
    for (const p of parsed.items) byKey.set(p.key, p);
    if (parsed.items.length === 0 || parsed.totalPage === null || page + 1 >= parsed.totalPage) break;
  }
  const couponsAnswer = await getNaverJson(fetchImpl, urls.coupons(naverId));
  const coupons = couponsAnswer.ok
    ? parseCoupons(couponsAnswer.body)
    : (failures.push("coupons"), { items: [], malformed: 0 });
  const benefitsAnswer = await getNaverJson(fetchImpl, urls.benefits(naverId));
  const benefits = benefitsAnswer.ok
    ? parseBenefits(benefitsAnswer.body)
    : (failures.push("benefits"), { items: [], malformed: 0 });
  return {
    detail,
    products: [...byKey.values()],
    coupons: coupons.items.map(describeCoupon),
    benefits: benefits.items.map((b) => (b.detailMessage ? `${b.message} (${b.detailMessage})` : b.message)),
    malformed: malformed + coupons.malformed + benefits.malformed,
    failures,
  };
}
