/**
 * Naver Shopping Live's public endpoints (paths verbatim from the Naver formats notes the project was given). Every
 * builder takes the base URL so tests and the fixture site can stand in for the real hosts.
 */
export const NAVER_HOSTS = {
  viewer: "https://view.shoppinglive.naver.com",
  api: "https://apis.naver.com",
  smartstore: "https://smartstore.naver.com",
  shopping: "https://shopping.naver.com",
} as const;

const LIVE_WEB = "/live_commerce_web/live_commerce_web/v1/broadcast";
const VIEWER_API = "/live_commerce_web/viewer_api_web";

const enc = encodeURIComponent;

/** Where each endpoint lives; the fixture serves all of them on one host. */
export interface NaverBases {
  viewer: string;
  api: string;
  /** Q&A pages (`/i/v1/comments/PRODUCTINQUIRY/…`). */
  smartstore: string;
  /** Q&A replies (`/shopv/v1/comments/replies/…`). */
  shopping: string;
}

/** All bases on one host (the fixture site, or a proxy). */
export function singleHostBases(base: string): NaverBases {
  return { viewer: base, api: base, smartstore: base, shopping: base };
}

function join(base: string, path: string): string {
  return base.replace(/\/+$/, "") + path;
}

export const naverPaths = {
  viewerPage: (id: string) => `/lives/${enc(id)}`,
  recentComments: (id: string) => `${LIVE_WEB}/${enc(id)}/recent-comments`,
  replayComments: (id: string) => `${VIEWER_API}/v1/broadcast/${enc(id)}/replays/comments`,
  broadcastDetail: (id: string) => `${VIEWER_API}/v1/broadcast/${enc(id)}`,
  products: (id: string) => `${VIEWER_API}/v1/broadcast/${enc(id)}/products`,
  coupons: (id: string) => `${VIEWER_API}/v2/broadcast/${enc(id)}/coupons`,
  benefits: (id: string) => `${VIEWER_API}/v1/broadcast/${enc(id)}/broadcast-benefits`,
  inquiries: (productNo: string) => `/i/v1/comments/PRODUCTINQUIRY/${enc(productNo)}`,
  inquiryReplies: (inquiryId: string) => `/shopv/v1/comments/replies/${enc(inquiryId)}`,
} as const;

/** URL builders over a set of bases. */
export function naverUrls(bases: NaverBases) {
  return {
    viewerPage: (id: string) => join(bases.viewer, naverPaths.viewerPage(id)),
    recentComments: (id: string, next: number | null, size = 20) =>
      join(bases.api, `${naverPaths.recentComments(id)}?${next === null ? "" : `next=${next}&`}size=${size}`),
    replayComments: (id: string, lastCommentNo: number | null, size = 100) =>
      join(
        bases.api,
        `${naverPaths.replayComments(id)}?size=${size}${lastCommentNo === null ? "" : `&lastCommentNo=${lastCommentNo}`}`,
      ),
    broadcastDetail: (id: string) => join(bases.api, `${naverPaths.broadcastDetail(id)}?needTimeMachine=true`),
    products: (id: string, page: number, size = 30) =>
      join(bases.api, `${naverPaths.products(id)}?attachmentType=MAIN&categoryId=-1&page=${page}&size=${size}`),
    coupons: (id: string) => join(bases.api, naverPaths.coupons(id)),
    benefits: (id: string) => join(bases.api, naverPaths.benefits(id)),
    inquiries: (productNo: string, page: number, size = 10) =>
      join(
        bases.smartstore,
        `${naverPaths.inquiries(productNo)}?filterMyComment=false&page=${page}&size=${size}&sellerAnswerYn=true`,
      ),
    inquiryReplies: (inquiryId: string) => join(bases.shopping, naverPaths.inquiryReplies(inquiryId)),
  };
}
export type NaverUrls = ReturnType<typeof naverUrls>;

/** Headers the viewer API expects. */
export const NAVER_API_HEADERS = { "x-external-service-id": "shoppinglive", accept: "application/json" } as const;
