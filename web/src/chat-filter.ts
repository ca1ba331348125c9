import type { BoardChat } from "../../core/protocol/index.ts";

/** What the manager narrowed the board to. Empty fields filter nothing. */
export interface ChatFilter {
  /** Free text: every word must appear in the message or the nickname. */
  query: string;
  /** Words naming one product (from `productTerms`): any of them must appear. */
  productTerms: readonly string[];
}

export const NO_FILTER: ChatFilter = { query: "", productTerms: [] };

function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** Words too generic to identify a product in chat. */
const GENERIC = new Set(["세트", "set", "1kg", "무료", "배송", "정품", "특가", "단독", "신상", "할인"]);

/**
 * The words viewers use for a product, from its name: bracketed brand tags and
 * quantities like "(5g x 8ea)" are dropped, and only words of two characters or more kept.
 */
export function productTerms(name: string): string[] {
  const plain = fold(name).replace(/\[[^\]]*\]|\([^)]*\)/g, " ");
  const words = plain.split(/[\s,/·+&-]+/).filter((w) => w.length >= 2 && !/^\d/.test(w) && !GENERIC.has(w));
  return [...new Set(words)];
}

export function isFiltering(filter: ChatFilter): boolean {
  return filter.query.trim() !== "" || filter.productTerms.length > 0;
}

/** A predicate for the filter; chat text is compared as folded plain text. */
export function chatMatcher(filter: ChatFilter): (chat: BoardChat) => boolean {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  const terms = filter.productTerms.map(fold);
  return (chat) => {
    const text = fold(chat.message);
    if (terms.length && !terms.some((t) => text.includes(t))) return false;
    if (!words.length) return true;
    const haystack = `${text} ${fold(chat.nickname)}`;
    return words.every((w) => haystack.includes(w));
  };
}

const cache = new WeakMap<readonly BoardChat[], { key: string; result: readonly BoardChat[] }>();

/** The column's chats through the filter, memoised per column array so unchanged columns cost nothing. */
export function filterColumn(chats: readonly BoardChat[], filter: ChatFilter): readonly BoardChat[] {
  if (!isFiltering(filter)) return chats;
  const key = `${filter.query}\u0000${filter.productTerms.join(" ")}`;
  const hit = cache.get(chats);
  if (hit?.key === key) return hit.result;
  const result = chats.filter(chatMatcher(filter));
  cache.set(chats, { key, result });
  return result;
}
