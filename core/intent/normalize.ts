/**
 * Chat normalisation into a reused code-point buffer, so that feature extraction
 * allocates nothing per chat on the common path (precomposed Hangul, ASCII, emoji).
 */

/** Code points kept from the end of a chat; longer chats keep their tail (endings matter most). */
export const MAX_CHARS = 512;

/** Markers written around a normalised chat by feature extraction. */
export const BOS = 1;
export const EOS = 2;
export const SPACE = 32;

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const JAMO_FIRST = 0x3131;
const JAMO_LAST = 0x3163;
const JAMO_CONSONANT_LAST = 0x314e;

export function isHangulSyllable(c: number): boolean {
  return c >= HANGUL_FIRST && c <= HANGUL_LAST;
}

/** Compatibility jamo (ㄱ..ㅣ), as typed in chat abbreviations such as ㅇㄷ or ㅠㅠ. */
export function isCompatJamo(c: number): boolean {
  return c >= JAMO_FIRST && c <= JAMO_LAST;
}

export function isCompatConsonant(c: number): boolean {
  return c >= JAMO_FIRST && c <= JAMO_CONSONANT_LAST;
}

/** Hangul syllables, latin letters and (folded) digits: the characters a sentence ending is made of. */
export function isWordChar(c: number): boolean {
  return isHangulSyllable(c) || (c >= 97 && c <= 122) || c === 48;
}

/** Final consonant index (0 = none, 1..27) of a precomposed Hangul syllable, or -1. */
export function finalConsonant(c: number): number {
  return isHangulSyllable(c) ? (c - HANGUL_FIRST) % 28 : -1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 0x200b;
}

/** Decomposed jamo or combining marks: only these need the (slow) String#normalize. */
function needsUnicodeNormalize(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xd7b0 && c <= 0xd7ff)
  );
}

/** Emoji presentation selectors and joiners carry no meaning for intent. */
function isIgnorable(c: number): boolean {
  return c === 0xfe0f || c === 0xfe0e || c === 0x200d || c === 0xfeff;
}

/**
 * Folds one code point: ASCII lowercase, full-width ASCII to ASCII, digits to `0`,
 * half-width Hangul jamo to compatibility jamo.
 */
function fold(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 48 && c <= 57) return 48;
  if (c >= 0xffa1 && c <= 0xffdc) return c - 0xffa1 + JAMO_FIRST;
  return c;
}

/**
 * Writes the normalised code points of `text` into `out` and returns their count:
 * NFC when decomposed Hangul appears, case and width folding, digits folded, runs of
 * whitespace collapsed to one space and trimmed, and any character repeated more than
 * twice cut to two (ㅋㅋㅋㅋ → ㅋㅋ, ???? → ??). Writes from `out[offset]`.
 */
export function normalizeInto(text: string, out: Int32Array, offset = 0): number {
  let s = text;
  for (let i = 0; i < s.length; i++) {
    if (needsUnicodeNormalize(s.charCodeAt(i))) {
      s = s.normalize("NFC");
      break;
    }
  }
  const limit = Math.min(out.length - offset, MAX_CHARS);
  let n = 0;
  let prev = SPACE; // drops leading spaces
  let prev2 = -1;
  // Each UTF-16 unit yields at most one code point, so the tail always fits.
  for (let i = Math.max(0, s.length - limit); i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (isIgnorable(c)) continue;
    c = isSpace(c) ? SPACE : fold(c);
    if (c === SPACE && prev === SPACE) continue;
    if (c === prev && c === prev2) continue;
    out[offset + n++] = c;
    prev2 = prev;
    prev = c;
  }
  if (n > 0 && out[offset + n - 1] === SPACE) n--;
  return n;
}

const scratch = new Int32Array(MAX_CHARS);

/** The normalised chat as a string (for tests, debugging and the training scripts). */
export function normalize(text: string): string {
  const n = normalizeInto(text, scratch);
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCodePoint(scratch[i]!);
  return s;
}
