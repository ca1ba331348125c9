/**
 * Curses held by rule: spellings that are never praise or shopping talk, matched in the
 * letters pass (spaces, digits and punctuation already dropped, so 시1발 and 시 발 read as
 * 시발) and through drawn-out vowels (씨이이발). They are the evasions a model trained on
 * standard spellings misses: curses typed on a Korean keyboard left in English mode
 * (tlqkf = 시발), romanised (sibal, s1bal with its digit dropped), respelled (씌발, 싀발, 씨빨, 뷰웅신, 조까라) and
 * family insults (엠창, 느금마), and 병신 as 초성 where it cannot be anything else (ㅄ typed as one jamo; ㅂㅅ
 * followed by 같/아/들).
 * Intensifiers that are usually praise (존나, 개-, 미친) are left to the model.
 */
import { lettersOf, moderationPass } from "./features.ts";

const CURSES = [
  "시발",
  "씨발",
  "씌발",
  "싀발",
  "쉬발",
  "씨빨",
  "시빨",
  "씨팔",
  "씨바ㄹ",
  "병신",
  "븅신",
  "빙신",
  "ㅄ",
  "ㅂㅅ같",
  "ㅂㅅ아",
  "ㅂㅅ들",
  "뷰웅신",
  "벼엉신",
  "개섀끼",
  "개색기",
  "개쉑",
  "좆같",
  "좆까",
  "조까라",
  "조까세",
  "좃같",
  "니애미",
  "느금마",
  "느금",
  "ㄴㄱㅁ",
  "느그애미",
  "엠창",
  "애미뒤",
  "애미없",
  "애비없",
  "씹새",
  "썅년",
  "호로새끼",
  "tlqkf",
  "qudtls",
  "rotorl",
  "sibal",
  "ssibal",
  "shibal",
  "sbal",
  "byungsin",
].map(lettersOf);

/** Places and words that contain a curse's letters: 시발점 (starting point), 시발역 (first station). */
const EXCEPTIONS = ["시발점", "시발역"].map(lettersOf);

const HANGUL_FIRST = 0xac00;
/**
 * The curses by their first letter, in a 256-slot open-addressing table (1 KB with its buckets):
 * every letter of every chat is looked up, so the table has to stay in the fastest cache. A
 * table indexed by syllable (11 KB) cost several times more in the hub's pass than alone,
 * evicted by the models' weights between chats.
 */
const SLOTS = 256;
const slotCode = new Int32Array(SLOTS);
const slotBucket = new Uint8Array(SLOTS);
const byFirst: Int32Array[][] = [];
const slotOf = (c: number) => Math.imul(c, 0x9e3779b1) >>> 24;
for (const w of CURSES) {
  const c = w[0]!;
  let h = slotOf(c);
  while (slotCode[h] !== 0 && slotCode[h] !== c) h = (h + 1) & (SLOTS - 1);
  if (slotCode[h] === 0) {
    slotCode[h] = c;
    byFirst.push([]);
    slotBucket[h] = byFirst.length;
  }
  byFirst[slotBucket[h]! - 1]!.push(w);
}

/** The bucket (1-based) of the curses starting with `c`, or 0. */
function bucketOf(c: number): number {
  let h = slotOf(c);
  for (;;) {
    const code = slotCode[h]!;
    if (code === c) return slotBucket[h]!;
    if (code === 0) return 0;
    h = (h + 1) & (SLOTS - 1);
  }
}

/** 이, 아, 어, 으 … (silent onset, no final consonant): what a drawn-out vowel adds (씨이이발). */
function isFiller(c: number): boolean {
  if (c < HANGUL_FIRST || c > 0xd7a3) return false;
  const i = c - HANGUL_FIRST;
  return ((i / 588) | 0) === 11 && i % 28 === 0;
}

/** Whether letter `i` is a word of its own. */
function alone(starts: Uint8Array, n: number, i: number): boolean {
  return starts[i] === 1 && (i + 1 >= n || starts[i + 1] === 1);
}

/**
 * Where `word` matches letters from `at`, skipping drawn-out vowels inside it; -1 if it does not.
 * It may cross a space only between letters standing alone (시 발, 씨 바 ㄹ spell one word out),
 * so 다시 발송, 반품 시 발송 and 아저씨 발 are not curses.
 */
function matchAt(letters: Int32Array, starts: Uint8Array, n: number, at: number, word: Int32Array): number {
  let i = at;
  for (let j = 0; j < word.length; j++) {
    if (j > 0) {
      const prev = i - 1;
      while (i < n && letters[i] !== word[j] && isFiller(letters[i]!)) i++;
      if (i < n && starts[i] === 1 && !(alone(starts, n, prev) && alone(starts, n, i))) return -1;
    }
    if (i >= n || letters[i] !== word[j]) return -1;
    i++;
  }
  return i;
}

/** Whether the chat of the last letters pass (features.ts) contains a curse. */
export function containsCurse(): boolean {
  const { letters, wordStarts: starts } = moderationPass,
    n = moderationPass.lettersLength;
  for (let i = 0; i < n; i++) {
    const c = letters[i]!;
    const bucket = bucketOf(c);
    if (bucket === 0) continue;
    // Most candidates fail on the next letter: check it here before matching in full.
    const next = i + 1 < n ? letters[i + 1]! : 0;
    const drawnOut = isFiller(next);
    const words = byFirst[bucket - 1]!;
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      // A one-letter curse (ㅄ, typed as one jamo only to mean 병신) matches alone.
      if ((w.length > 1 && !drawnOut && w[1] !== next) || matchAt(letters, starts, n, i, w) < 0) continue;
      if (EXCEPTIONS.some((e) => matchAt(letters, starts, n, i, e) >= 0)) continue;
      return true;
    }
  }
  return false;
}
