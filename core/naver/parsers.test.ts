import { describe, expect, it } from "vitest";
import { describeCoupon, parseBenefits, parseCoupons } from "./benefits.ts";
import { escapeJsString, extractViewerConfig, parseBroadcastDetail, unescapeJsString } from "./broadcast.ts";
import { currentPrice, parseProductPage } from "./products.ts";
import { parseInquiryPage, parseInquiryReply } from "./qna.ts";
import { naverBroadcastId, viewerPageBroadcastId } from "./url.ts";

const product = {
  key: "11932352421",
  productNo: 11932352421,
  name: "[퓨어메르] 리셋 비타씨 앰플 (5g x 8ea)",
  brandName: null,
  mallName: "제니마켓S",
  image: "https://shop-phinf.pstatic.net/a.png",
  price: 89000,
  salePrice: 59000,
  discountRate: 34,
  status: "SALE",
  broadcastProductStatus: "SALE",
  represent: true,
  activeLiveDiscount: false,
  productEndUrl: "https://smartstore.naver.com/main/products/11932352421",
};

describe("products", () => {
  it("parse a products page, skipping bad items", () => {
    const page = parseProductPage({
      list: [product, { key: "x" }, { ...product, key: 7, productNo: "7", name: "둘째" }],
      page: 0,
      totalCount: 3,
      totalPage: 1,
    });
    expect(page?.items.map((p) => [p.key, p.productNo])).toEqual([
      ["11932352421", "11932352421"],
      ["7", "7"],
    ]);
    expect(page).toMatchObject({ malformed: 1, totalPage: 1, page: 0 });
  });

  it("take the lower price as current only when the discount rate agrees", () => {
    expect(currentPrice({ price: 89000, salePrice: 59000, discountRate: 34 })).toBe(59000);
    expect(currentPrice({ price: 59000, salePrice: 89000, discountRate: 34 })).toBe(59000);
    expect(currentPrice({ price: 59000, salePrice: 89000, discountRate: 5 })).toBe(89000);
    expect(currentPrice({ price: 1000, salePrice: null, discountRate: null })).toBe(1000);
  });
});

describe("broadcast detail", () => {
  const detail = {
    id: 1234567,
    title: "겨울 니트 특가",
    status: "ONAIR",
    startDate: "2025-01-01T19:00:00",
    nickname: "제니마켓",
    productCount: 2,
    shoppingProducts: [product, 5],
    extra: true,
  };

  it("parses the detail and its products, with a live phase", () => {
    const parsed = parseBroadcastDetail(detail);
    expect(parsed).toMatchObject({
      id: "1234567",
      title: "겨울 니트 특가",
      phase: "live",
      malformedProducts: 1,
      description: null,
    });
    expect(parsed?.products).toHaveLength(1);
    expect(parseBroadcastDetail({ ...detail, status: "REPLAY" })?.phase).toBe("ended");
    expect(parseBroadcastDetail({ title: "no id" })).toBeNull();
  });

  it("reads the JSON the viewer page embeds in a single-quoted string", () => {
    const json = JSON.stringify({ ...detail, title: 'It\'s "큰" 세일\n</script>', description: "a\\b" });
    const html = `<script>window.__viewerConfig = {};window.__viewerConfig.broadcast = '${escapeJsString(json)}';</script>`;
    expect(extractViewerConfig(html)).toEqual(JSON.parse(json));
    expect(extractViewerConfig("<html></html>")).toBeUndefined();
    expect(unescapeJsString("\\'\\x41\\u0042\\u{1F600}\\n")).toBe("'AB😀\n");
  });
});

describe("coupons and benefits", () => {
  it("parse the real shapes and describe a coupon in Korean", () => {
    const coupons = parseCoupons({
      coupons: [
        {
          benefitPolicyName: "라이브 10% 쿠폰",
          benefitUnit: "PERCENT",
          benefitValue: 10,
          minOrderAmount: 30000,
          maxDiscountAmount: 5000,
          validPeriodEndDate: "2025-01-31",
        },
        { nope: 1 },
      ],
    });
    expect(coupons.malformed).toBe(1);
    expect(describeCoupon(coupons.items[0]!)).toBe(
      "라이브 10% 쿠폰, 10% 할인, 30,000원 이상 구매 시, 최대 5,000원, 2025-01-31까지",
    );
    const benefits = parseBenefits([
      { id: 1, message: "구매 고객 전원 사은품", detailMessage: "선착순 100명", type: "GIFT" },
    ]);
    expect(benefits.items[0]).toEqual({
      id: "1",
      message: "구매 고객 전원 사은품",
      detailMessage: "선착순 100명",
      type: "GIFT",
    });
    expect(parseBenefits("x")).toEqual({ items: [], malformed: 0 });
  });
});

describe("product Q&A", () => {
  it("parses a page, leaving out secret inquiries, and reads the seller's reply", () => {
    const page = parseInquiryPage({
      totalElements: 3,
      contents: [
        {
          id: 11,
          commentContent: "세탁기 돌려도 되나요?",
          secretYn: false,
          maskedWriterId: "abc***",
          createDate: "2025-01-01T10:00:00",
        },
        { id: 12, commentContent: "비밀 문의", secretYn: true },
        { id: 13 },
      ],
    });
    expect(page).toMatchObject({ secret: 1, malformed: 1, totalElements: 3 });
    expect(page?.items.map((q) => q.id)).toEqual(["11"]);
    expect(parseInquiryReply([{ commentContent: "네, 울 코스로 세탁 가능합니다." }])).toBe(
      "네, 울 코스로 세탁 가능합니다.",
    );
    expect(parseInquiryReply([])).toBeNull();
  });
});

describe("viewer URLs", () => {
  it("accepts any host for an explicit viewer page, Naver hosts only for a Naver URL", () => {
    expect(viewerPageBroadcastId("http://127.0.0.1:8840/lives/1234567?tr=lim")).toBe("1234567");
    expect(naverBroadcastId("http://127.0.0.1:8840/lives/1234567")).toBeNull();
    expect(naverBroadcastId("https://user@view.shoppinglive.naver.com:443/lives/1234567#x")).toBe("1234567");
  });
});
