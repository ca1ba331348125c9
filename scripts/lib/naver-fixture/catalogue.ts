import { mulberry32 } from "../../../core/simulator/random.ts";

/**
 * What the fixture's broadcasts sell and what shoppers asked before, in the field names and
 * nesting Naver's live pages return (routes.ts serves them at Naver's paths). Deterministic from the seed, so tests can assert on crawled content.
 */
export interface FixtureCatalogue {
  detail: Record<string, unknown>;
  products: Record<string, unknown>[];
  coupons: Record<string, unknown>[];
  benefits: Record<string, unknown>[];
  /** Inquiries per productNo, newest first, as the Q&A endpoint pages them. */
  inquiries: Map<string, FixtureInquiry[]>;
}

export interface FixtureInquiry {
  id: number;
  commentContent: string;
  secretYn: boolean;
  maskedWriterId: string;
  createDate: string;
  answer: string | null;
}

const PRODUCTS: [name: string, mall: string, price: number, rate: number][] = [
  ["[퓨어메르] 리셋 비타씨 앰플 (5g x 8ea)", "제니마켓S", 89000, 34],
  ["캐시미어 블렌드 라운드 니트", "모던하우스룩", 69000, 30],
  ["무선 핸디 청소기 V12", "테크플러스", 259000, 23],
  ["국내산 한우 불고기 1kg", "산지직송마켓", 45000, 20],
  ["유아 원목 놀이 매트", "키즈온", 129000, 15],
];

const QUESTIONS = [
  "사이즈 정사이즈인가요?",
  "배송 언제 출발하나요?",
  "교환 반품 가능한가요?",
  "세탁기 돌려도 되나요?",
  "재입고 예정 있나요?",
  "유통기한 얼마나 남았나요?",
  "색상 사진이랑 같나요?",
  "구성품이 어떻게 되나요?",
];

const ANSWERS = [
  "안녕하세요 고객님, 정사이즈로 제작되어 평소 사이즈로 주문하시면 됩니다.",
  "오후 2시 이전 주문 건은 당일 출고됩니다.",
  "수령 후 7일 이내 미사용 상품은 교환·반품 가능합니다.",
  "울 코스로 찬물 단독 세탁을 권장드립니다.",
  "다음 주 중 재입고 예정입니다.",
  "제조일로부터 24개월이며 최근 생산분으로 발송됩니다.",
  "모니터 환경에 따라 약간의 차이가 있을 수 있습니다.",
  "본품과 설명서, 사은품이 함께 구성되어 있습니다.",
];

/** Builds the catalogue of broadcast `broadcastId`. */
export function buildCatalogue(broadcastId: string, seed: number, inquiriesPerProduct = 23): FixtureCatalogue {
  const random = mulberry32(seed ^ Number(broadcastId.slice(-6)));
  const products = PRODUCTS.map(([name, mallName, price, discountRate], i) => {
    const productNo = 11932352421 + i * 1013;
    const salePrice = Math.round((price * (100 - discountRate)) / 100 / 100) * 100;
    return {
      key: String(productNo),
      productNo,
      name,
      brandName: i === 0 ? null : mallName,
      mallName,
      image: `https://shop-phinf.pstatic.net/fixture/${productNo}.png`,
      price,
      salePrice,
      discountRate,
      status: "SALE",
      broadcastProductStatus: "SALE",
      represent: i === 0,
      activeLiveDiscount: false,
      stock: 100 + i,
      productEndUrl: `https://smartstore.naver.com/main/products/${productNo}`,
    };
  });
  const inquiries = new Map(
    products.map((p) => [String(p.productNo), buildInquiries(p.productNo, inquiriesPerProduct, random)]),
  );
  return { detail: buildDetail(broadcastId, products), products, coupons: COUPONS, benefits: BENEFITS, inquiries };
}

function buildDetail(broadcastId: string, products: Record<string, unknown>[]): Record<string, unknown> {
  return {
    id: Number(broadcastId),
    title: "겨울 맞이 라이브 특가 ☃️ 오늘만 이 가격!",
    description: "리셋 앰플부터 캐시미어 니트까지, 라이브 전용 쿠폰과 사은품을 드려요.",
    status: "ONAIR",
    startDate: "2025-01-15T19:00:00",
    endDate: null,
    expectedStartDate: "2025-01-15T19:00:00",
    standByImage: "https://shop-phinf.pstatic.net/fixture/standby.png",
    nickname: "제니마켓S",
    broadcastEndUrl: `https://view.shoppinglive.naver.com/lives/${broadcastId}`,
    broadcastReplayEndUrl: `https://view.shoppinglive.naver.com/replays/${broadcastId}`,
    productCount: products.length,
    shoppingProducts: products.slice(0, 2),
    viewerCount: 1234,
  };
}

function buildInquiries(productNo: number, count: number, random: () => number): FixtureInquiry[] {
  return Array.from({ length: count }, (_, i) => {
    const q = Math.floor(random() * QUESTIONS.length);
    return {
      id: productNo * 100 + i,
      commentContent: QUESTIONS[q]!,
      secretYn: i % 5 === 3,
      maskedWriterId: `user${i}***`,
      createDate: new Date(Date.UTC(2025, 0, 14, 12, 0) - i * 3_600_000).toISOString(),
      answer: i % 7 === 6 ? null : ANSWERS[q]!,
    };
  });
}

const COUPONS = [
  {
    benefitPolicyName: "라이브 전용 10% 할인 쿠폰",
    benefitUnit: "PERCENT",
    benefitValue: 10,
    minOrderAmount: 30000,
    maxDiscountAmount: 10000,
    validPeriodStartDate: "2025-01-15",
    validPeriodEndDate: "2025-01-16",
  },
  {
    benefitPolicyName: "알림받기 고객 3,000원 쿠폰",
    benefitUnit: "WON",
    benefitValue: 3000,
    minOrderAmount: 20000,
    maxDiscountAmount: null,
    validPeriodStartDate: "2025-01-15",
    validPeriodEndDate: "2025-01-22",
  },
];

const BENEFITS = [
  { id: 1, message: "구매 고객 전원 미니 앰플 증정", detailMessage: "주문 순서대로 발송됩니다", type: "GIFT" },
  { id: 2, message: "라이브 중 구매 시 무료배송", detailMessage: null, type: "DELIVERY" },
];
