import { COLOUR_CLAIMS, extractClaims } from "./grounding.ts";

/**
 * The near-miss check: a question naming a colour or a letter size ("XL 있어요?", "화이트도
 * 나와요?") is answered only by a source that states that option. A line listing the other
 * sizes or colours answers another question ("XL" is not sold when the line says "S / M / L"):
 * the draft abstains and the suggestions still show the line.
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
const NOT_A_COLOUR = (key: string, text: string) => key === "term:크림" || (key === "term:실버" && !/실버|(?<![가-힣])은색/.test(text));

function colours(text: string): string[] {
  return extractClaims(text)
    .map((c) => c.key)
    .filter((k) => COLOUR_CLAIMS.has(k) && !NOT_A_COLOUR(k, text));
}

/**
 * Whether a question asks if something is sold or comes in something ("블랙 있어요?", "핑크도
 * 나와요?"): only then does a colour it names have to be stated. Otherwise a colour names
 * the product ("베이지 그거 세탁기 돼요?", "카멜 머플러 어디서 만든 거예요").
 */
const ASKS_AVAILABILITY = /(?<!수)(있|없)(나|어|을까|는지|죠|나요|어요|습니까|으세요|으신가)|나와요|나오나요|나오는지|팔아요|파나요/;

/** The colours (when availability is asked) and letter sizes a question names, as keys (`term:블랙`, `size:XL`). */
export function namedOptions(question: string): string[] {
  const upper = question.normalize("NFKC").toUpperCase();
  const asked = ASKS_AVAILABILITY.test(question.replace(/\s+/g, "")) ? colours(question) : [];
  return [...new Set([...asked, ...[...upper.matchAll(ASKED_SIZE)].map((m) => size(m[1]!))])];
}

/** Whether a source states every option the question names; a letter-size range ("S~XL") states the sizes inside it. */
export function statesOptions(source: string, asked: readonly string[]): boolean {
  if (asked.length === 0) return true;
  const upper = source.normalize("NFKC").toUpperCase();
  const stated = new Set([...colours(source), ...[...upper.matchAll(STATED_SIZE)].map((m) => size(m[1]!))]);
  for (const m of upper.matchAll(SIZE_RANGE)) {
    const from = LETTERS.indexOf(size(m[1]!).slice(5));
    const to = LETTERS.indexOf(size(m[2]!).slice(5));
    for (let i = from; i >= 0 && i <= to; i++) stated.add(`size:${LETTERS[i]}`);
  }
  return asked.every((k) => stated.has(k));
}
