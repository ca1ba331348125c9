/**
 * Hashed features of one chat for the intent model: character n-grams with and without
 * spaces, word unigrams and bigrams, sentence-ending suffixes and ending classes, jamo
 * abbreviations, punctuation, emoji and length buckets. Indices are FNV-1a hashes over
 * code points folded into `2^bits` buckets, written into a caller-owned Int32Array.
 */
import { ENDING_CLASSES, ENDING_CLASS_NAMES, FINAL_SYLLABLE_VARIANTS } from "./endings.ts";
import { type IntTable, createIntTable } from "./int-table.ts";
import {
  BOS,
  EOS,
  MAX_CHARS,
  SPACE,
  finalConsonant,
  isCompatConsonant,
  isHangulSyllable,
  isWordChar,
  normalizeInto,
} from "./normalize.ts";

/** Bumped whenever extraction changes, so stale weights are refused. */
export const FEATURE_VERSION = 1;

/** Room for the features of the longest chat (MAX_CHARS code points). */
export const MAX_FEATURES = MAX_CHARS * 8 + 64;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

// One seed per feature family keeps families apart in the shared hash space.
const S_NGRAM = 11,
  S_NOSPACE = 13,
  S_WORD = 17,
  S_WORD2 = 19,
  S_SUFFIX = 23,
  S_SUFFIX_VAR = 29,
  S_ENDCLASS = 31,
  S_FINAL_JAMO = 37,
  S_JAMO = 41,
  S_FLAG = 43,
  S_LEN = 47,
  S_TOKENS = 53,
  S_END_CHAR = 59;

const F_BIAS = 0,
  F_QMARK = 1,
  F_QMARK_END = 2,
  F_EXCL = 3,
  F_EMOJI = 4,
  F_LAUGH = 5,
  F_CRY = 6,
  F_LATIN = 7,
  F_DIGIT = 8,
  F_JAMO_ABBR = 9,
  F_NO_HANGUL = 10,
  F_DOT_END = 11,
  F_TILDE = 12;

const LAUGH_K = 0x314b,
  LAUGH_H = 0x314e,
  CRY_U = 0x3160,
  CRY_YU = 0x315c;

function mix(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

function seeded(seed: number): number {
  return mix(FNV_OFFSET, seed);
}

function finish(h: number, mask: number): number {
  return (h ^ (h >>> 15)) & mask;
}

/** Hash of codes[from..to) under `seed` (not yet masked). */
function hashRange(codes: Int32Array, from: number, to: number, seed: number): number {
  let h = seeded(seed);
  for (let i = from; i < to; i++) h = mix(h, codes[i]!);
  return h;
}

const endingClassByHash = buildEndingLexicon();

function buildEndingLexicon(): IntTable {
  const entries: [number, number][] = [];
  ENDING_CLASS_NAMES.forEach((name, cls) => {
    for (const ending of ENDING_CLASSES[name]!) {
      const codes = Int32Array.from(ending, (ch) => ch.codePointAt(0)!);
      entries.push([hashRange(codes, 0, codes.length, S_SUFFIX), cls]);
    }
  });
  return createIntTable(entries);
}

/** Scratch buffers shared by every call: extraction is synchronous and never re-entered. */
const spaced = new Int32Array(MAX_CHARS + 2);
const compact = new Int32Array(MAX_CHARS + 2);
const MAX_SUFFIX = 6;

/**
 * The normalised chat of the last extraction, for models that add their own features in
 * the same pass (moderation): `spaced[1..spacedLength]` with spaces, `compact[1..compactLength]`
 * without, both framed by BOS at 0 and EOS after. Valid until the next extraction.
 */
export const lastPass = { spaced, compact, spacedLength: 0, compactLength: 0 };

/**
 * Writes the feature indices of `text` into `out` (length ≥ MAX_FEATURES) and returns
 * how many were written. A feature may repeat; repeats count as a larger value.
 */
export function extractFeatures(text: string, out: Int32Array, bits: number): number {
  const mask = (1 << bits) - 1;
  const n = normalizeInto(text, spaced, 1);
  spaced[0] = BOS;
  spaced[n + 1] = EOS;
  let k = 0;
  out[k++] = finish(mix(seeded(S_FLAG), F_BIAS), mask);
  k = ngrams(spaced, n + 2, 1, S_NGRAM, mask, out, k);
  let m = 1;
  compact[0] = BOS;
  for (let i = 1; i <= n; i++) if (spaced[i] !== SPACE) compact[m++] = spaced[i]!;
  compact[m++] = EOS;
  lastPass.spacedLength = n;
  lastPass.compactLength = m - 2;
  k = ngrams(compact, m, 2, S_NOSPACE, mask, out, k);
  k = words(n, mask, out, k);
  k = endings(m - 1, mask, out, k);
  return charFlags(n, m - 2, mask, out, k);
}

/** Chained n-grams (orders minOrder..3) over codes[0..len). */
function ngrams(
  codes: Int32Array,
  len: number,
  minOrder: number,
  seed: number,
  mask: number,
  out: Int32Array,
  k: number,
): number {
  const base = seeded(seed);
  for (let i = 0; i < len; i++) {
    let h = mix(base, codes[i]!);
    if (minOrder === 1 && i > 0 && i < len - 1) out[k++] = finish(h, mask);
    if (i + 1 < len) {
      h = mix(h, codes[i + 1]!);
      out[k++] = finish(h, mask);
      if (i + 2 < len) out[k++] = finish(mix(h, codes[i + 2]!), mask);
    }
  }
  return k;
}

/** Word unigrams and bigrams, jamo abbreviations (ㅇㄷ, 블랙ㅇㄷ) and a token-count bucket. */
function words(n: number, mask: number, out: Int32Array, k: number): number {
  let prev = seeded(S_WORD2);
  let start = 1;
  let tokens = 0;
  for (let i = 1; i <= n + 1; i++) {
    if (i <= n && spaced[i] !== SPACE) continue;
    if (i > start) {
      const h = hashRange(spaced, start, i, S_WORD);
      out[k++] = finish(h, mask);
      out[k++] = finish(mix(prev, h), mask);
      prev = h;
      tokens++;
      k = jamoRun(start, i, mask, out, k);
    }
    start = i + 1;
  }
  out[k++] = finish(mix(prev, EOS), mask);
  out[k++] = finish(mix(seeded(S_TOKENS), Math.min(tokens, 6)), mask);
  return k;
}

/** A token's trailing run of 2+ compatibility consonants that is not just laughter. */
function jamoRun(start: number, end: number, mask: number, out: Int32Array, k: number): number {
  let j = end;
  let laughOnly = true;
  while (j > start && isCompatConsonant(spaced[j - 1]!)) {
    const c = spaced[j - 1]!;
    if (c !== LAUGH_K && c !== LAUGH_H) laughOnly = false;
    j--;
  }
  if (end - j < 2 || laughOnly) return k;
  out[k++] = finish(hashRange(spaced, j, end, S_JAMO), mask);
  out[k++] = finish(mix(seeded(S_FLAG), F_JAMO_ABBR), mask);
  return k;
}

/**
 * Sentence-ending features from the last word characters of the chat without spaces,
 * after trailing laughter, emoji and punctuation: suffixes of 1..6 characters, their
 * ending classes (also for the standard spelling of a slang final syllable), and the
 * final consonant before each short suffix (할까 → ㄹ+까, 는지 → ㄴ+지).
 */
function endings(endExclusive: number, mask: number, out: Int32Array, k: number): number {
  let e = endExclusive;
  while (e > 1 && !isWordChar(compact[e - 1]!)) e--;
  if (e <= 1) return k;
  const last = compact[e - 1]!;
  const variant = FINAL_SYLLABLE_VARIANTS.get(last) ?? 0;
  const maxLen = Math.min(MAX_SUFFIX, e - 1);
  for (let len = 1; len <= maxLen; len++) {
    const h = hashRange(compact, e - len, e, S_SUFFIX);
    out[k++] = finish(h, mask);
    const cls = endingClassByHash.get(h);
    if (cls >= 0) out[k++] = finish(mix(seeded(S_ENDCLASS), cls), mask);
    if (variant !== 0) {
      const hv = mix(hashRange(compact, e - len, e - 1, S_SUFFIX), variant);
      out[k++] = finish(mix(hv, S_SUFFIX_VAR), mask);
      const clsv = endingClassByHash.get(hv);
      if (clsv >= 0) out[k++] = finish(mix(seeded(S_ENDCLASS), clsv), mask);
    }
    if (len <= 3 && e - len - 1 >= 1) {
      const fc = finalConsonant(compact[e - len - 1]!);
      if (fc > 0) out[k++] = finish(mix(mix(h, S_FINAL_JAMO), fc), mask);
    }
  }
  // How the chat ends after the last word character: ?, !, emoji, ㅋㅋ, ㅠㅠ, nothing.
  const tail = e < endExclusive ? compact[e]! : EOS;
  out[k++] = finish(mix(seeded(S_END_CHAR), tail > 0xffff ? 0x1f600 : tail), mask);
  return k;
}

function lengthBucket(len: number): number {
  if (len <= 3) return len;
  if (len <= 5) return 4;
  if (len <= 8) return 5;
  if (len <= 12) return 6;
  if (len <= 20) return 7;
  if (len <= 35) return 8;
  return 9;
}

/** Presence flags (each emitted once) and the length bucket of the chat without spaces. */
function charFlags(n: number, len: number, mask: number, out: Int32Array, k: number): number {
  let flags = 0;
  for (let i = 1; i <= n; i++) {
    const c = spaced[i]!;
    if (isHangulSyllable(c)) flags |= 1 << F_NO_HANGUL;
    else if (c === 63) flags |= 1 << F_QMARK;
    else if (c === 33) flags |= 1 << F_EXCL;
    else if (c === 126) flags |= 1 << F_TILDE;
    else if (c === LAUGH_K || c === LAUGH_H) flags |= 1 << F_LAUGH;
    else if (c === CRY_U || c === CRY_YU) flags |= 1 << F_CRY;
    else if (c >= 97 && c <= 122) flags |= 1 << F_LATIN;
    else if (c === 48) flags |= 1 << F_DIGIT;
    else if (c > 0xffff || (c >= 0x2600 && c <= 0x27bf)) flags |= 1 << F_EMOJI;
  }
  flags ^= 1 << F_NO_HANGUL; // the loop set it when Hangul was present
  const lastChar = spaced[n]!;
  if (lastChar === 63) flags |= 1 << F_QMARK_END;
  if (lastChar === 46) flags |= 1 << F_DOT_END;
  const base = seeded(S_FLAG);
  for (let f = 1; f <= F_TILDE; f++) if (flags & (1 << f)) out[k++] = finish(mix(base, f), mask);
  out[k++] = finish(mix(seeded(S_LEN), lengthBucket(len)), mask);
  return k;
}

/** Index of the feature emitted when a chat ends in an ending of class `name` (see endings.ts). */
export function endingClassFeature(name: string, bits: number): number {
  const cls = ENDING_CLASS_NAMES.indexOf(name);
  if (cls < 0) throw new Error(`unknown ending class ${name}`);
  return finish(mix(seeded(S_ENDCLASS), cls), (1 << bits) - 1);
}

/** Index of the feature emitted for a jamo abbreviation such as ㅇㄷ. */
export function jamoAbbreviationFeature(abbreviation: string, bits: number): number {
  const codes = Int32Array.from(abbreviation, (ch) => ch.codePointAt(0)!);
  return finish(hashRange(codes, 0, codes.length, S_JAMO), (1 << bits) - 1);
}
