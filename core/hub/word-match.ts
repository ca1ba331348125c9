/**
 * Word-level comparison for question meanings: which leftover words name things, how numbers
 * are written, and how alike two spellings are at the level of Korean letters (jamo), so a
 * typo ("겔럭시", "베게") still meets its word while "킹" and "퀸" stay apart.
 */

const VERB_ENDING =
  /[어아여해돼워져려와러쳐켜겨혀나까면고서야지는은을한된인게네데죠요봐줘시갔았었왔했됐났셨겠렸졌웠쳤뒀음임함욤염]$/;

/** Copula endings glued to a noun ("노견인데", "극세사라", "개월이면"): the noun is what is named. */
const COPULA = /(이라서|이라|라서|인데|이면|이니까|이구|인지|이고|쯤|정도|용)$/;

/** The noun under a copula ending, when at least two letters are left. */
export function stripCopula(word: string): string {
  const m = COPULA.exec(word);
  if (!m || word.length - m[0].length < (m[0] === "쯤" ? 1 : 2)) return word;
  return word.slice(0, -m[0].length);
}

/**
 * Whether a word reads as a noun (a product, a part, a size, a number) rather than a verb
 * form ("돌려", "넣어", "입어야"): only nouns say two questions are about different things.
 */
export function nounLike(word: string): boolean {
  if (/\d/.test(word)) return true;
  if (/^[a-z/+]+$/.test(word)) return true;
  if (/^[\uac00-\ud7a3]$/.test(word)) return !VERB_ENDING.test(word) && !NOT_NOUNS.has(word);
  return /^[\uac00-\ud7a3]{2,}$/.test(word) && !VERB_ENDING.test(word);
}

/** One-syllable words that are not things (adverbs, counters, verb stems): "닭", "알", "때" are. */
const NOT_NOUNS = new Set(
  "잘 다 좀 또 안 못 더 꼭 몇 뭐 왜 거 것 수 게 건 걸 번 한 두 세 네 중 전 후 쪽 등 및 제 저 내 새 참 막 늘 곧 쭉 걍 써 가 타 쓸 살 갈 올 볼 낼 될 할 줄 좋 같 많 크 작 길 넓 높 낮 빨 먹 입 신 사 받 보 주 둘 셋 넣 빼 싸 비싸 쌈 좋 편 듯 날 오 하 되 있 없 나 들 쓰 맞 잡 끼 뜨 빠 말 둬 놔 차 떠 열 켜 꺼 넘 젤 쫌 머 뭔 뭘 앞 뒤 옆 위 밑 속 겉".split(
    " ",
  ),
);

const SINO = "영일이삼사오육칠팔구";

/** Units a number keeps (one spelling each): "6kg" and "6개월" are different things; "245mm" is just 245. */
const UNITS: [RegExp, string][] = [
  [/^(kg|키로|킬로)$/, "kg"],
  [/^(g|그램)$/, "g"],
  [/^(cm|센치|센티)$/, "cm"],
  [/^(ml|미리리터)$/, "ml"],
  [/^(l|리터)$/, "l"],
  [/^개월$/, "개월"],
  [/^(살|세)$/, "살"],
  [/^년$/, "년"],
  [/^(%|프로|퍼센트)$/, "%"],
  [/^(평|평대|평형)$/, "평"],
];

const NUMBER =
  /(^|[^\d.,])(\d+(?:[.,]\d+)*)\s?(kg|키로|킬로|그램|g|cm|센치|센티|mm|미리|ml|리터|l|개월|살|세|년|%|프로|퍼센트|호|인치|p|개입|과|알|벌|세트|개|사이즈|평대|평형|평|짜리)?(짜리)?(?![a-z])/g;

/**
 * The numbers a question names, each with its unit in one spelling ("3키로", "3kg", "삼키로"
 * → "3kg"; "245mm", "245" → "245"), and the text without them. Numbers viewers spell in
 * Hangul before a unit ("오키로") count too.
 */
export function takeNumbers(text: string): { numbers: string[]; rest: string } {
  const numbers: string[] = [];
  const spelled = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(
      /(^|[^\uac00-\ud7a3])([영일이삼사오육칠팔구])\s?(키로|킬로|kg)/g,
      (_, pre: string, n: string, unit: string) => {
        return `${pre}${SINO.indexOf(n)}${unit}`;
      },
    );
  const rest = spelled.replace(NUMBER, (_, pre: string, digits: string, unit: string | undefined) => {
    const n = Number(digits.replace(/,/g, ""));
    const canonical = UNITS.find(([re]) => unit !== undefined && re.test(unit))?.[1] ?? "";
    numbers.push(`${Number.isFinite(n) ? n : digits}${canonical}`);
    return `${pre} `;
  });
  return { numbers, rest };
}

/** A number and its unit ("6kg" → 6, "kg"), or undefined for a word. */
function numberParts(word: string): { n: string; unit: string } | undefined {
  const m = /^(\d[\d.]*)(.*)$/.exec(word);
  return m ? { n: m[1]!, unit: m[2]! } : undefined;
}

/** Whether two numbers are one: the same number, and the same unit when both say one ("5kg" ~ "5", not "5개월"). */
export function sameNumber(a: string, b: string): boolean {
  const x = numberParts(a);
  const y = numberParts(b);
  if (!x || !y || x.n !== y.n) return false;
  return x.unit === y.unit || x.unit === "" || y.unit === "";
}

const JAMO_CACHE_SIZE = 4096;
const jamoCache = new Map<string, Set<string>>();

/** A text's Hangul syllables spelled as their jamo (initial, medial and final letters); other characters kept. */
export function toJamo(text: string): string {
  let letters = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0) - 0xac00;
    if (code < 0 || code > 11171) {
      letters += ch;
      continue;
    }
    letters += String.fromCharCode(0x1100 + Math.floor(code / 588), 0x1161 + Math.floor((code % 588) / 28));
    if (code % 28) letters += String.fromCharCode(0x11a7 + (code % 28));
  }
  return letters;
}

/** Bigrams of the word's jamo (initial, medial, final letters of each syllable). */
function jamoGrams(word: string): Set<string> {
  const cached = jamoCache.get(word);
  if (cached) return cached;
  const letters = toJamo(word);
  const grams = new Set<string>();
  for (let i = 0; i + 2 <= letters.length; i++) grams.add(letters.slice(i, i + 2));
  if (jamoCache.size >= JAMO_CACHE_SIZE) jamoCache.clear();
  jamoCache.set(word, grams);
  return grams;
}

/** Least jamo-bigram overlap for two spellings to count as one word. */
export const ALIKE_AT = 0.6;

/**
 * How alike two spellings are, 0..1: the Dice overlap of their jamo bigrams when at least
 * `ALIKE_AT`, else 0. Numbers and Latin words only match exactly ("245" is not "250", "s" is
 * not "ss").
 */
export function wordsAlike(a: string, b: string): number {
  if (a === b) return 1;
  if (/^\d/.test(a) && /^\d/.test(b)) return sameNumber(a, b) ? 1 : 0;
  if (/[\da-z]/.test(a) || /[\da-z]/.test(b)) return 0;
  const ga = jamoGrams(a);
  const gb = jamoGrams(b);
  if (ga.size === 0 || gb.size === 0) return 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  const dice = (2 * shared) / (ga.size + gb.size);
  return dice >= ALIKE_AT ? dice : 0;
}
