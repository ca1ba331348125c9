/**
 * Moderation features, computed in the intent model's pass: the moderation model reads the
 * intent features already hashed for the chat (folded into its own smaller table) and adds
 * a few families of its own from the same normalised buffers (intent/features.ts lastPass):
 *
 * - syllable n-grams (2–4) over letters only, so 시1발, 시.발 and 시 발 read as 시발;
 * - initial-consonant (초성) n-grams (2–4) with tense consonants folded, so ㅅㅂ, 씨발 and
 *   시벌 share features;
 * - character 4-grams over the chat without spaces.
 *
 * Integer work on typed arrays only; nothing allocates per chat.
 */
import { MAX_FEATURES, lastPass } from "../intent/features.ts";
import { MAX_CHARS, normalize } from "../intent/normalize.ts";

/**
 * Feature sets the code extracts (1: intent features plus ours; 2: the lean set alone; 3: the
 * rich set of the second stage, intent features plus the families of 1 and 2).
 * A set's extraction never changes: a change is a new number, so stale weights are refused.
 */
export const MODERATION_FEATURE_VERSIONS: readonly number[] = [1, 2, 3];

/** Room for the intent features, the first stage's and the second stage's (at most 19 per character). */
export const MAX_MODERATION_FEATURES = MAX_FEATURES + MAX_CHARS * 20;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const S_LETTERS = 101,
  S_ONSETS = 103,
  S_FOUR = 107,
  S_WORDS = 109,
  S_BIAS = 113;

const HANGUL_FIRST = 0xac00,
  HANGUL_LAST = 0xd7a3;
/** Compatibility jamo of the 19 initial consonants, tense ones folded to plain (ㄲ→ㄱ, ㅆ→ㅅ…). */
const ONSET = Int32Array.from([
  0x3131, 0x3131, 0x3134, 0x3137, 0x3137, 0x3139, 0x3141, 0x3142, 0x3142, 0x3145, 0x3145, 0x3147, 0x3148, 0x3148,
  0x314a, 0x314b, 0x314c, 0x314d, 0x314e,
]);

function mix(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

function finish(h: number, mask: number): number {
  return (h ^ (h >>> 15)) & mask;
}

/** A typed compatibility consonant folded like ONSET (ㅆ→ㅅ), or 0 when `c` is not one. */
function foldConsonant(c: number): number {
  switch (c) {
    case 0x3132:
      return 0x3131;
    case 0x3138:
      return 0x3137;
    case 0x3143:
      return 0x3142;
    case 0x3146:
      return 0x3145;
    case 0x3149:
      return 0x3148;
    default:
      return c >= 0x3131 && c <= 0x314e ? c : 0;
  }
}

const letters = new Int32Array(MAX_CHARS + 2);
const onsets = new Int32Array(MAX_CHARS + 2);
/** 1 where a letter starts a word (a space before it), filled by the lean letters pass only. */
const wordStarts = new Uint8Array(MAX_CHARS + 2);

/**
 * The letters-only chat of the last extraction (blocked and allowed words match against it);
 * `wordStarts` is filled by feature set 2's letters pass (curses.ts), all 0 after set 1's.
 */
export const moderationPass = { letters, wordStarts, lettersLength: 0 };

/** `word` as the letters-only code points features see (normalised, spaces, digits and marks dropped). */
export function lettersOf(word: string): Int32Array {
  const out: number[] = [];
  for (const ch of normalize(word)) {
    const c = ch.codePointAt(0)!;
    if ((c >= HANGUL_FIRST && c <= HANGUL_LAST) || (c >= 97 && c <= 122)) out.push(c);
    else if (foldConsonant(c) !== 0) out.push(foldConsonant(c));
  }
  return Int32Array.from(out);
}

/** Whether letters[0..length) contains `word`. */
export function containsLetters(word: Int32Array): boolean {
  const n = moderationPass.lettersLength,
    w = word.length;
  if (w === 0) return false;
  outer: for (let i = 0; i + w <= n; i++) {
    for (let j = 0; j < w; j++) if (letters[i + j] !== word[j]) continue outer;
    return true;
  }
  return false;
}

/** Appends the moderation families for the chat of the last intent extraction; returns how many. */
export function appendModerationFeatures(out: Int32Array, start: number, bits: number): number {
  const mask = (1 << bits) - 1;
  const compact = lastPass.compact;
  const m = lastPass.compactLength;
  let nl = 0,
    no = 0;
  for (let i = 1; i <= m; i++) {
    const c = compact[i]!;
    if (c >= HANGUL_FIRST && c <= HANGUL_LAST) {
      letters[nl++] = c;
      onsets[no++] = ONSET[((c - HANGUL_FIRST) / 588) | 0]!;
    } else if (c >= 97 && c <= 122) {
      letters[nl++] = c;
      onsets[no++] = c;
    } else {
      const j = foldConsonant(c);
      if (j !== 0) {
        letters[nl++] = j;
        onsets[no++] = j;
      }
    }
  }
  moderationPass.lettersLength = nl;
  wordStarts.fill(0, 0, nl);
  let k = start;
  k = grams(letters, nl, 2, S_LETTERS, mask, out, k);
  k = grams(onsets, no, 2, S_ONSETS, mask, out, k);
  k = grams(compact, m + 2, 4, S_FOUR, mask, out, k, 4);
  return k - start;
}

/**
 * Feature set 2, the lean one the shipped model uses: the moderation model reads only these
 * (not the intent features), so it sums about half as many weights from a table that fits
 * in cache. Syllable 1–3-grams over letters only, initial-consonant 2–3-grams, and whole
 * words (letters only). Fills `letters` like appendModerationFeatures.
 */
export function appendLeanFeatures(out: Int32Array, start: number, bits: number): number {
  const mask = (1 << bits) - 1;
  let k = start;
  out[k++] = finish(mix(FNV_OFFSET, S_BIAS), mask);
  k = leanLetters(out, k, mask);
  const nl = moderationPass.lettersLength;
  k = grams(letters, nl, 1, S_LETTERS, mask, out, k, 3);
  k = grams(onsets, nl, 2, S_ONSETS, mask, out, k, 3);
  return k - start;
}

/**
 * The letters pass of feature set 2 over the last intent extraction: fills `letters` and
 * `onsets` (as many of each; moderationPass.lettersLength) and writes the whole-word features
 * from out[k]; returns the new k. The bias comes before them and the n-grams after.
 */
export function leanLetters(out: Int32Array, k: number, mask: number): number {
  const spaced = lastPass.spaced;
  const n = lastPass.spacedLength;
  let nl = 0;
  let word = mix(FNV_OFFSET, S_WORDS),
    wordLen = 0;
  for (let i = 1; i <= n + 1; i++) {
    const c = i <= n ? spaced[i]! : 32;
    let letter = 0,
      onset = 0;
    if (c >= HANGUL_FIRST && c <= HANGUL_LAST) {
      letter = c;
      onset = ONSET[((c - HANGUL_FIRST) / 588) | 0]!;
    } else if (c >= 97 && c <= 122) {
      letter = onset = c;
    } else if (c !== 32) {
      letter = onset = foldConsonant(c);
    }
    if (letter !== 0) {
      wordStarts[nl] = wordLen === 0 ? 1 : 0;
      letters[nl] = letter;
      onsets[nl++] = onset;
      word = mix(word, letter);
      wordLen++;
    } else if (c === 32 && wordLen > 0) {
      out[k++] = finish(word, mask);
      word = mix(FNV_OFFSET, S_WORDS);
      wordLen = 0;
    }
  }
  moderationPass.lettersLength = nl;
  return k;
}

/** Scratch for the bias and word features of leanSums (at most one word per two characters, plus one). */
const leanHead = new Int32Array(MAX_CHARS + 2);

/**
 * Feature set 2 summed straight into the three class sums (`sums[0..2]`, integers) from
 * int8 weights packed one bucket to an Int32 (packWeights): the same features as
 * appendLeanFeatures, in the same pass that fills `letters`, without writing them out and
 * reading them back, and with one table read per feature instead of three.
 */
export function leanSums(packed: Int32Array, bits: number, sums: Int32Array): void {
  const mask = (1 << bits) - 1;
  leanHead[0] = finish(mix(FNV_OFFSET, S_BIAS), mask);
  const heads = leanLetters(leanHead, 1, mask);
  let z1 = 0,
    z2 = 0,
    z3 = 0;
  for (let i = 0; i < heads; i++) {
    const v = packed[leanHead[i]!]!;
    z1 += (v << 24) >> 24;
    z2 += (v << 16) >> 24;
    z3 += (v << 8) >> 24;
  }
  const nl = moderationPass.lettersLength;
  // Syllable 1–3-grams over letters, then initial-consonant 2–3-grams (grams(), unrolled to sums).
  const baseL = mix(FNV_OFFSET, S_LETTERS);
  for (let i = 0; i < nl; i++) {
    let h = mix(baseL, letters[i]!);
    let v = packed[finish(h, mask)]!;
    z1 += (v << 24) >> 24;
    z2 += (v << 16) >> 24;
    z3 += (v << 8) >> 24;
    if (i + 1 < nl) {
      h = mix(h, letters[i + 1]!);
      v = packed[finish(h, mask)]!;
      z1 += (v << 24) >> 24;
      z2 += (v << 16) >> 24;
      z3 += (v << 8) >> 24;
      if (i + 2 < nl) {
        v = packed[finish(mix(h, letters[i + 2]!), mask)]!;
        z1 += (v << 24) >> 24;
        z2 += (v << 16) >> 24;
        z3 += (v << 8) >> 24;
      }
    }
  }
  const baseO = mix(FNV_OFFSET, S_ONSETS);
  for (let i = 0; i + 1 < nl; i++) {
    const h = mix(mix(baseO, onsets[i]!), onsets[i + 1]!);
    let v = packed[finish(h, mask)]!;
    z1 += (v << 24) >> 24;
    z2 += (v << 16) >> 24;
    z3 += (v << 8) >> 24;
    if (i + 2 < nl) {
      v = packed[finish(mix(h, onsets[i + 2]!), mask)]!;
      z1 += (v << 24) >> 24;
      z2 += (v << 16) >> 24;
      z3 += (v << 8) >> 24;
    }
  }
  sums[0] = z1;
  sums[1] = z2;
  sums[2] = z3;
}

/** Int8 weights of `columns` = 3 per bucket packed into one Int32 per bucket (low byte first), for leanSums. */
export function packWeights(weights: Int8Array): Int32Array {
  const packed = new Int32Array(weights.length / 3);
  for (let b = 0; b < packed.length; b++)
    packed[b] = (weights[3 * b]! & 0xff) | ((weights[3 * b + 1]! & 0xff) << 8) | ((weights[3 * b + 2]! & 0xff) << 16);
  return packed;
}

/** Chained n-grams of orders minOrder..maxOrder over codes[0..len). */
function grams(
  codes: Int32Array,
  len: number,
  minOrder: number,
  seed: number,
  mask: number,
  out: Int32Array,
  k: number,
  maxOrder = 4,
): number {
  const base = mix(FNV_OFFSET, seed);
  for (let i = 0; i + minOrder <= len; i++) {
    let h = base;
    for (let j = 0; j < maxOrder && i + j < len; j++) {
      h = mix(h, codes[i + j]!);
      if (j + 1 >= minOrder) out[k++] = finish(h, mask);
    }
  }
  return k;
}
