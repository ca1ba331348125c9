/**
 * Korean-aware tokenization for retrieval and question matching. Korean words (eojeol) carry
 * particles and endings ("사이즈는", "나와요"), so a word is reduced to a stem by stripping
 * the longest known suffix, and character bigrams back it up for compounds and typos.
 */

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * Particles and polite/question endings, longest first so "이에요" wins over "요". Only
 * stripped when a stem of at least one syllable remains.
 */
const SUFFIXES = [
  "인가요",
  "이에요",
  "이예요",
  "인데요",
  "있나요",
  "없나요",
  "되나요",
  "하나요",
  "할까요",
  "일까요",
  "건가요",
  "나요",
  "까요",
  "에요",
  "예요",
  "어요",
  "아요",
  "해요",
  "돼요",
  "되요",
  "세요",
  "네요",
  "죠",
  "가요",
  "에서",
  "으로",
  "까지",
  "부터",
  "이랑",
  "한테",
  "처럼",
  "보다",
  "이나",
  "인지",
  "인가",
  "은",
  "는",
  "이",
  "가",
  "을",
  "를",
  "에",
  "로",
  "도",
  "만",
  "의",
  "와",
  "과",
  "랑",
  "요",
  "나",
  "지",
  "씩",
].sort((a, b) => b.length - a.length);

/** NFKC, lower case, punctuation to spaces, single spaces. Digits, Latin and Hangul stay. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%.]+/gu, " ")
    .replace(/(?<!\d)\.|\.(?!\d)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** `normalizeText` without spaces: viewers space at random, so matching ignores spacing. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/\s+/g, "");
}

/** The word without its trailing particle or ending (Hangul words only; one suffix). */
export function stemWord(word: string): string {
  if (!HANGUL.test(word.at(-1) ?? "")) return word;
  for (const suffix of SUFFIXES) {
    if (word.length > suffix.length && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/**
 * Splits mixed runs so "100%면" and "xl사이즈" give their parts: Hangul, Latin and digits
 * are different tokens ("m사이즈" → "m", "사이즈").
 */
export function words(text: string): string[] {
  const normalized = normalizeText(text);
  if (!normalized) return [];
  return normalized
    .split(" ")
    .flatMap((w) => w.match(/[\uac00-\ud7a3]+|[a-z]+|[\d.,]+%?|[^\s\uac00-\ud7a3a-z\d]+/g) ?? []);
}

/** Stems of every word, in order. */
export function stems(text: string): string[] {
  return words(text)
    .map(stemWord)
    .filter((s) => s.length > 0);
}

/** Character n-grams of one word with boundary marks, so short words still give grams. */
export function charGrams(word: string, n: number): string[] {
  const padded = `\u0002${word}\u0003`;
  if (padded.length <= n) return [padded];
  const grams: string[] = [];
  for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
  return grams;
}

/**
 * Terms for the lexical (BM25) index: stems, plus inner bigrams of long Hangul stems so
 * "사이즈표" still meets "사이즈".
 */
export function lexicalTerms(text: string): string[] {
  const terms: string[] = [];
  for (const stem of stems(text)) {
    terms.push(stem);
    if (stem.length >= 3 && HANGUL.test(stem)) {
      for (let i = 0; i + 2 <= stem.length; i++) terms.push(`~${stem.slice(i, i + 2)}`);
    }
  }
  return terms;
}

/** Whether a Hangul syllable ends in a final consonant (받침), for choosing 은/는, 이/가. */
export function hasFinalConsonant(text: string): boolean {
  const last = text.trim().at(-1) ?? "";
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  // Digits and Latin letters read aloud: 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔, 10 십; l/m/n/r end in a consonant.
  return /[013678lmnr]$/i.test(last);
}

/** The topic particle that fits the word: "소재는", "색상은". */
export function topicParticle(word: string): string {
  return hasFinalConsonant(word) ? "은" : "는";
}
