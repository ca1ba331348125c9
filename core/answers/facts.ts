import { lineTopics, type Topic } from "./topics.ts";
import type { ProductKnowledge } from "./types.ts";

/**
 * What a product's Naver price fields say. In some collected data `price` and `salePrice`
 * are swapped (`price` below `salePrice` with a discount rate set), so the lower one is the current price only when the discount rate
 * agrees with the gap; otherwise both figures are reported as listed.
 */
export type PriceFacts =
  | { kind: "none" }
  | { kind: "single"; current: number }
  | { kind: "discounted"; current: number; original: number; rate: number }
  | { kind: "ambiguous"; price: number; salePrice: number; rate: number | null };

/** Allowed gap between the stated rate and the one the two prices imply (Naver rounds). */
const RATE_TOLERANCE = 1.5;

/** Resolves the current price from Naver's `price`, `salePrice` and `discountRate`. */
export function resolvePrice(p: Pick<ProductKnowledge, "price" | "salePrice" | "discountRate">): PriceFacts {
  const price = positive(p.price);
  const sale = positive(p.salePrice);
  const rate = p.discountRate ?? null;
  if (price === null && sale === null) return { kind: "none" };
  if (price === null || sale === null || price === sale) return { kind: "single", current: (sale ?? price) as number };
  const low = Math.min(price, sale);
  const high = Math.max(price, sale);
  const implied = ((high - low) / high) * 100;
  if (rate !== null && rate > 0 && Math.abs(implied - rate) <= RATE_TOLERANCE) {
    return { kind: "discounted", current: low, original: high, rate };
  }
  return { kind: "ambiguous", price, salePrice: sale, rate };
}

function positive(n: number | null | undefined): number | null {
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? Math.round(n) : null;
}

/** 59000 → "59,000원" (no Intl: identical output in Node and workerd). */
export function formatWon(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}원`;
}

/** A short price description for the product's summary chunk. */
export function describePrice(p: ProductKnowledge): string {
  const facts = resolvePrice(p);
  switch (facts.kind) {
    case "none":
      return "";
    case "single":
      return `가격 ${formatWon(facts.current)}`;
    case "discounted":
      return `판매가 ${formatWon(facts.current)} (정가 ${formatWon(facts.original)}, ${facts.rate}% 할인)`;
    case "ambiguous":
      return `가격 ${formatWon(facts.price)}, 판매가 ${formatWon(facts.salePrice)}`;
  }
}

/** A knowledge line with the topics it speaks to. */
export interface FactLine {
  text: string;
  topics: Topic[];
}

/** The product's detail lines with their topics (size, material, care, shipping, …). */
export function productFactLines(product: ProductKnowledge): FactLine[] {
  return product.details
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => ({ text, topics: lineTopics(text) }));
}

/** Lines (product details, notes, benefits) speaking to any of the topics, in input order. */
export function linesAbout(lines: FactLine[], topics: readonly Topic[]): FactLine[] {
  return lines.filter((l) => l.topics.some((t) => topics.includes(t)));
}

/** Naver's product status as an availability fact, or null when the status says nothing. */
export function availability(status: string | null | undefined): "sale" | "soldout" | "closed" | null {
  if (status === "SALE") return "sale";
  if (status === "OUTOFSTOCK") return "soldout";
  if (status === "CLOSE") return "closed";
  return null;
}
