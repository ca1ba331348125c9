import { COLOUR_CLAIMS, extractClaims } from "./grounding.ts";
import { namesProduct } from "./product-target.ts";
import type { ProductKnowledge } from "./types.ts";

/**
 * The near-miss check: a question naming a colour or a letter size ("XL 있어요?", "화이트도
 * 나와요?") is answered only by a source that states that option. A line listing the other
 * sizes or colours answers another question ("XL" is not sold when the line says "S / M / L"):
 * the draft abstains and the suggestions still show the line. The same holds for a bed size
 * ("킹 사이즈도 있나요?" is not answered by "퀸 200x230cm"). Appliances and phones are not
 * checked: "식세기 돼요?" is answered by "손세척 권장", "아이폰 연동돼요?" by "iOS 13 이상".
 */

const LETTERS = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL"];
const SIZE = "XXXL|XXL|XXS|XL|XS|3XL|2XL|S|M|L";
/** In a question: a whole token, not "A/S", "S24" or "5L". */
const ASKED_SIZE = new RegExp(`(?<![A-Z0-9/])(${SIZE})(?![A-Z0-9])`, "g");
/** In a source: also in lists ("S/M/L") and ranges ("S~XL"). */
const STATED_SIZE = new RegExp(`(?<![A-Z0-9])(${SIZE})(?![A-Z0-9])`, "g");
const SIZE_RANGE = new RegExp(`(?<![A-Z0-9])(${SIZE})\\s*[~∼-]\\s*(${SIZE})(?![A-Z0-9])`, "g");

function size(letters: string): string {
  return `size:${letters.replace(/^2XL$/, "XXL").replace(/^3XL$/, "XXXL")}`;
}

/** Colour words that are also products or other words: "크림" (a cream), "밝은 색" (not 은색). */
const NOT_A_COLOUR = (key: string, text: string) =>
  key === "term:크림" || (key === "term:실버" && !/실버|(?<![가-힣])은색/.test(text));

export function colours(text: string): string[] {
  return extractClaims(text)
    .map((c) => c.key)
    .filter((k) => COLOUR_CLAIMS.has(k) && !NOT_A_COLOUR(k, text));
}

const BED = "슈퍼\\s*싱글|라지\\s*킹|싱글|더블|퀸|킹";
/** A bed size as a word of its own ("킹 사이즈도", "퀸은"), not inside "킹크랩" or "파킹". */
const ASKED_BED = new RegExp(`(?<![가-힣])(${BED})(?=\\s|사이즈|size|도|은|는|이|가|로|으로|[?!.,]|$)`, "giu");
const STATED_BED = new RegExp(`(${BED})`, "giu");
const bed = (word: string) => `bed:${word.replace(/\s+/g, "")}`;

/**
 * Whether a question asks if something is sold or comes in something ("블랙 있어요?", "핑크도
 * 나와요?"): only then does a colour it names have to be stated. Otherwise a colour names
 * the product ("베이지 그거 세탁기 돼요?", "카멜 머플러 어디서 만든 거예요").
 */
export const ASKS_AVAILABILITY =
  /(?<!수)(있|없)(나|어|을까|는지|죠|나요|어요|습니까|으세요|으신가)|나와요|나오나요|나오는지|팔아요|파나요/;

/**
 * The colours (when availability is asked) and letter and bed sizes a question names, as keys
 * (`term:블랙`, `size:XL`, `bed:킹`); colours and bed sizes only when it asks whether one is sold. A colour in a product's name (`productNames`) names that
 * product, not an option ("카멜 머플러" of "카멜 울 머플러").
 */
export function namedOptions(question: string, productNames: readonly string[] = []): string[] {
  const upper = question.normalize("NFKC").toUpperCase();
  // Colours and bed sizes often say which product or option the question is about ("퀸 사면
  // 사은품 뭐 있어요"): they must be stated only when the question asks whether they are sold.
  const availability = ASKS_AVAILABILITY.test(question.replace(/\s+/g, ""));
  const asked = availability ? colours(question) : [];
  const named = new Set(productNames.flatMap(colours));
  return [
    ...new Set([
      ...asked.filter((k) => !named.has(k)),
      ...[...upper.matchAll(ASKED_SIZE)].map((m) => size(m[1]!)),
      ...(availability ? [...question.normalize("NFKC").matchAll(ASKED_BED)].map((m) => bed(m[1]!)) : []),
    ]),
  ];
}

/** Whether a source states every option the question names; a letter-size range ("S~XL") states the sizes inside it. */
export function statesOptions(source: string, asked: readonly string[]): boolean {
  if (asked.length === 0) return true;
  const upper = source.normalize("NFKC").toUpperCase();
  const normal = source.normalize("NFKC");
  const stated = new Set([
    ...colours(source),
    ...[...upper.matchAll(STATED_SIZE)].map((m) => size(m[1]!)),
    ...[...normal.matchAll(STATED_BED)].map((m) => bed(m[1]!)),
  ]);
  for (const m of upper.matchAll(SIZE_RANGE)) {
    const from = LETTERS.indexOf(size(m[1]!).slice(5));
    const to = LETTERS.indexOf(size(m[2]!).slice(5));
    for (let i = from; i >= 0 && i <= to; i++) stated.add(`size:${LETTERS[i]}`);
  }
  return asked.every((k) => stated.has(k));
}

/**
 * Whether a broadcast-wide source (a note, a benefit, a Q&A of no product) names another of
 * the broadcast's products and not the one asked about: "주방놀이는 부피가 커서 도서산간
 * 배송 불가" says nothing of the blocks a viewer asks about.
 */
export function aboutAnotherProduct(
  text: string,
  products: readonly ProductKnowledge[],
  target: ProductKnowledge | undefined,
): boolean {
  if (!target || products.length < 2) return false;
  return !namesProduct(text, target) && products.some((p) => p.key !== target.key && namesProduct(text, p));
}
