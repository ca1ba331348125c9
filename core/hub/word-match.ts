/**
 * Word-level comparison for question meanings: which leftover words name things, how numbers
 * are written, and how alike two spellings are at the level of Korean letters (jamo), so a
 * typo ("겔럭시", "베게") still meets its word while "킹" and "퀸" stay apart.
 */

const VERB_ENDING =
  /[어아여해돼워져려와러쳐켜겨혀나까면고서야지는은을한된인게네데죠요봐줘시갔았었왔했됐났셨겠렸졌웠쳤뒀음임함욤염]$/;

/** Copula endings glued to a noun ("노견인데", "극세사라", "개월이면"): the noun is what is named. */
const COPULA = /(이라서|이라|라서|인데|이면|이니까|이구|인지|이고|쯤|정도)$/;

/** The noun under a copula ending, when at least two letters are left. */
export function stripCopula(word: string): string {
  const m = COPULA.exec(word);
  if (!m || word.length - m[0].length < (m[0].length === 1 ? 1 : 2)) return word;
  return word.slice(0, -m[0].length);
}

/**
 * Whether a word reads as a noun (a product, a part, a size, a number) rather than a verb
 * form ("돌려", "넣어", "입어야"): only nouns say two questions are about different things.
 */
export function nounLike(word: string): boolean {
  if (/\d/.test(word)) return true;
  if (/^[a-z/+]+$/.test(word)) return true;
  return /^[\uac00-\ud7a3]{2,}$/.test(word) && !VERB_ENDING.test(word);
}

/** A count, size, shade or percentage: digits, optionally with "%". */
export function isNumberWord(word: string): boolean {
  return /^\d[\d.,]*%?$/.test(word);
}

/** One spelling per number: "1,000" → "1000", "3.0" → "3". */
export function canonicalNumber(word: string): string {
  const percent = word.endsWith("%") ? "%" : "";
  const digits = word.replace(/[,%]/g, "");
  const n = Number(digits);
  return (Number.isFinite(n) ? String(n) : digits) + percent;
}

const SINO = "영일이삼사오육칠팔구";

/**
 * Numbers viewers spell in Hangul before a unit ("삼키로", "오 키로") written as digits, and
 * units glued to their number ("3kg", "245mm", "23호", "100프로") split off, so the number is
 * one word however it was typed. Units after a number say nothing the number does not.
 */
export function spellNumbers(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/(^|[^\uac00-\ud7a3])([영일이삼사오육칠팔구])\s?(키로|킬로|kg)/g, (_, pre: string, n: string) => {
      return `${pre}${SINO.indexOf(n)}kg`;
    })
    .replace(/(\d)\s?(프로|퍼센트)/g, "$1%")
    .replace(
      /(\d)\s?(kg|키로|킬로|g|그램|cm|센치|센티|mm|미리|ml|리터|호|인치|p|개입|과|알|벌|세트)(짜리)?(?![a-z])/g,
      "$1 ",
    );
}

const JAMO_CACHE_SIZE = 4096;
const jamoCache = new Map<string, Set<string>>();

/** Bigrams of the word's jamo (initial, medial, final letters of each syllable). */
function jamoGrams(word: string): Set<string> {
  const cached = jamoCache.get(word);
  if (cached) return cached;
  let letters = "";
  for (const ch of word) {
    const code = ch.charCodeAt(0) - 0xac00;
    if (code < 0 || code > 11171) {
      letters += ch;
      continue;
    }
    letters += String.fromCharCode(0x1100 + Math.floor(code / 588), 0x1161 + Math.floor((code % 588) / 28));
    if (code % 28) letters += String.fromCharCode(0x11a7 + (code % 28));
  }
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
  if (/[\da-z]/.test(a) || /[\da-z]/.test(b)) return 0;
  const ga = jamoGrams(a);
  const gb = jamoGrams(b);
  if (ga.size === 0 || gb.size === 0) return 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  const dice = (2 * shared) / (ga.size + gb.size);
  return dice >= ALIKE_AT ? dice : 0;
}
