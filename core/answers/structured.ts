import { availability, formatWon, resolvePrice } from "./facts.ts";
import type { Topic } from "./topics.ts";
import { topicParticle } from "./tokenize.ts";
import type { ProductKnowledge } from "./types.ts";

const topic = (subject: string) => `${subject}${topicParticle(subject)}`;

/** An answer from Naver's own product fields, or null when they do not say. */
export function structuredAnswer(product: ProductKnowledge, topics: readonly Topic[], subject: string): string | null {
  if (topics.includes("stock")) {
    const answer = stockAnswer(product, subject);
    if (answer) return answer;
  }
  if (topics.includes("discount") || topics.includes("price"))
    return priceAnswer(product, subject, topics.includes("discount"));
  return null;
}

function stockAnswer(product: ProductKnowledge, subject: string): string | null {
  switch (availability(product.status)) {
    case "sale":
      return `${topic(subject)} 현재 판매 중이라 바로 구매하실 수 있습니다.`;
    case "soldout":
      return `${topic(subject)} 현재 품절입니다.`;
    case "closed":
      return `${topic(subject)} 판매가 종료되었습니다.`;
    default:
      return null;
  }
}

function priceAnswer(product: ProductKnowledge, subject: string, askedDiscount: boolean): string | null {
  const facts = resolvePrice(product);
  switch (facts.kind) {
    case "none":
      return null;
    case "single":
      return askedDiscount && product.discountRate === 0
        ? `${topic(subject)} 현재 별도 할인 없이 ${formatWon(facts.current)}입니다.`
        : `${subject} 가격은 ${formatWon(facts.current)}입니다.`;
    case "discounted":
      return `${topic(subject)} 정가 ${formatWon(facts.original)}에서 ${facts.rate}% 할인된 ${formatWon(facts.current)}입니다.`;
    case "ambiguous":
      // The two figures disagree with the rate: report both as listed rather than guess.
      return `${topic(subject)} 상품 정보에 정가 ${formatWon(facts.price)}, 판매가 ${formatWon(facts.salePrice)}으로 표시되어 있습니다.`;
  }
}
