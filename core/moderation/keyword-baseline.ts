/**
 * The keyword-list baseline eval:moderation reports beside the model: what a console's
 * banned-words list does (substring match on the chat without spaces). First list that
 * matches wins: personal information, spam, abuse.
 */
import type { HoldCategory } from "./types.ts";

const LISTS: readonly (readonly [HoldCategory, readonly string[]])[] = [
  ["personal_info", ["010", "@", "계좌", "주민번호", "주민등록", "주소"]],
  [
    "spam",
    ["http", "www.", ".com", ".kr", "카톡", "텔레", "부업", "대출", "토토", "바카라", "카지노", "알바", "리딩방"],
  ],
  [
    "abuse",
    [
      "시발",
      "씨발",
      "ㅅㅂ",
      "ㅆㅂ",
      "병신",
      "ㅂㅅ",
      "븅신",
      "개새끼",
      "새끼",
      "좆",
      "존나",
      "지랄",
      "꺼져",
      "닥쳐",
      "미친년",
      "미친놈",
      "애미",
      "느금",
      "쓰레기",
      "돼지",
    ],
  ],
];

export function keywordVerdict(text: string): HoldCategory | null {
  const compact = text.replace(/\s+/g, "").toLowerCase();
  for (const [category, words] of LISTS) if (words.some((w) => compact.includes(w))) return category;
  return null;
}
