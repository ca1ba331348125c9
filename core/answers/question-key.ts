import { charGrams, stemWord, stems, words } from "./tokenize.ts";

/**
 * Words that make a chat a question without saying what it is about: interrogatives,
 * fillers and the verbs of asking. Dropping them lets "사이즈 몇이에요" meet "사이즈 몇 나와요?".
 */
const FILLER_STEMS = new Set([
  "혹시",
  "이거",
  "이건",
  "이게",
  "저거",
  "저건",
  "그거",
  "그건",
  "이",
  "그",
  "저",
  "좀",
  "근데",
  "그럼",
  "그러면",
  "여기",
  "지금",
  "이번",
  "상품",
  "제품",
  "이상품",
  "몇",
  "어떻게",
  "어떤",
  "어떠",
  "뭐",
  "뭔",
  "무슨",
  "뭐예",
  "언제",
  "어디",
  "얼마나",
  "있",
  "있어",
  "있나",
  "없",
  "없어",
  "되",
  "돼",
  "되나",
  "하",
  "해",
  "할",
  "될",
  "나와",
  "나오",
  "나오나",
  "가능",
  "가능한",
  "알려",
  "알려주",
  "알려주세",
  "주세",
  "주",
  "궁금",
  "궁금해",
  "궁금합니다",
  "문의",
  "질문",
  "인가",
  "건가",
  "건지",
  "요",
  "네",
  "ㅎㅎ",
  "ㅋㅋ",
  "ㅠㅠ",
  "님",
  "사장",
  "사장님",
  "언니",
  "쌤",
  "이에",
  "예",
  "에",
  "은",
  "는",
  "그리고",
  "또",
  "들어있",
  "들어있어",
  "들어가",
  "들었",
  "씩",
  "되나요",
  "있나요",
  "없나요",
  "하나요",
  "돼요",
  "되요",
  "해요",
  "나요",
  "인가요",
  "건가요",
  "이에요",
  "예요",
]);

/** The stems that carry a question's content, in order (fillers and question verbs removed). */
export function contentStems(text: string): string[] {
  return stems(text).filter((s) => !FILLER_STEMS.has(s) && !/^[ㄱ-ㅎㅏ-ㅣ]+$/.test(s));
}

/** Content words with their stems, in order: the word as typed still says what a stem may have lost ("길이" → "길"). */
export function contentWords(text: string): { word: string; stem: string }[] {
  const out: { word: string; stem: string }[] = [];
  for (const word of words(text)) {
    const stem = stemWord(word);
    if (stem && !FILLER_STEMS.has(stem) && !/^[ㄱ-ㅎㅏ-ㅣ]+$/.test(stem)) out.push({ word, stem });
  }
  return out;
}

/**
 * A grouping key for near-duplicate questions: their content stems, deduplicated and
 * sorted, so word order and question endings do not split a group. "" for no content.
 */
export function questionKey(text: string): string {
  return keyOfStems(contentStems(text));
}

/** `questionKey` from stems already computed. */
export function keyOfStems(stems: readonly string[]): string {
  return [...new Set(stems)].sort().join(" ");
}

/** Character bigrams of content stems: what question similarity compares. */
export function stemGrams(stems: readonly string[]): Set<string> {
  const grams = new Set<string>();
  for (const stem of stems) for (const g of charGrams(stem, 2)) grams.add(g);
  return grams;
}

/** Dice overlap of two gram sets, 0..1 (0 when either is empty). */
export function diceOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * How alike two questions are, 0..1: Dice overlap of the character bigrams of their content
 * stems. Robust to endings, spacing and small typos ("사이즈 몇이에요" ~ "사이즈 몇 나와요?" = 1).
 */
export function questionSimilarity(a: string, b: string): number {
  return diceOverlap(stemGrams(contentStems(a)), stemGrams(contentStems(b)));
}
