import data from "../../data/clusters/aspects-ko-v1.json" with { type: "json" };
import { lexiconMatches } from "../answers/lexicon.ts";
import { lexiconKey } from "../answers/lexicon-key.ts";
import { contentStems, diceOverlap, stemGrams } from "../answers/question-key.ts";

/**
 * What a viewer's question asks, in a form rewordings share: the aspects it asks about
 * (price, shipping time, size run, colour…) and the other content words it names (a product,
 * a detail). Aspects come from two data files: data/clusters/aspects-ko-v1.json (viewer words
 * → aspect, for the questions every broadcast hears) and the shopping paraphrase lexicon
 * (data/lexicon, 44k viewer phrases → concepts, each concept read as an aspect). So "배송 언제
 * 와요", "택배 언제 오나요" and "언제 받아볼 수 있나요" all ask `ship`, and "배송비 얼마예요"
 * asks `ship-fee`, a different question about the same thing.
 */
export interface QuestionMeaning {
  /** Aspects asked, sorted; a parent ("size") is dropped when a child ("size-run") is asked. */
  aspects: string[];
  /** Content stems no aspect explains, sorted (product names, details). */
  words: string[];
}

interface AspectFile {
  aspects: Record<string, { parent?: string; words: string[] }>;
  /** Lexicon concept id → aspect; null: too ambiguous to name an aspect; absent: the concept is its own aspect. */
  concepts: Record<string, string | null>;
  /** Words that ask an aspect only when nothing else is asked ("배송비 얼마" asks the fee, not the price). */
  weak: string[];
  /** Words of the question's frame ("괜찮", "어디서", "사용"): never what is asked. */
  frame: string[];
}

interface Tables {
  /** Word (no spaces, lower case) → aspect ("" for a frame word); words of two or more letters also match inside a stem. */
  words: Map<string, string>;
  longest: number;
  parents: Map<string, string>;
  weak: Set<string>;
  frame: Set<string>;
  concepts: Record<string, string | null>;
}

let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  const file = data as AspectFile;
  const words = new Map<string, string>();
  const parents = new Map<string, string>();
  let longest = 1;
  for (const [aspect, { parent, words: list }] of Object.entries(file.aspects)) {
    if (parent) parents.set(aspect, parent);
    for (const w of list) {
      const key = lexiconKey(w);
      if (!key || words.has(key)) continue;
      words.set(key, aspect);
      longest = Math.max(longest, key.length);
    }
  }
  for (const w of file.frame) {
    const key = lexiconKey(w);
    if (key && !words.has(key)) words.set(key, "");
    longest = Math.max(longest, key.length);
  }
  return (tables = {
    words,
    longest,
    parents,
    weak: new Set(file.weak.map(lexiconKey)),
    frame: new Set(file.frame.map(lexiconKey)),
    concepts: file.concepts,
  });
}

/** The aspects a stem names (longest words first, left to right) and whether anything is left unexplained. */
function stemAspects(stem: string, t: Tables): { aspects: string[]; weak: string[]; rest: boolean } {
  const exact = t.words.get(stem);
  if (exact === "") return { aspects: [], weak: [], rest: false };
  if (exact)
    return t.weak.has(stem) ? { aspects: [], weak: [exact], rest: false } : { aspects: [exact], weak: [], rest: false };
  const aspects: string[] = [];
  const weak: string[] = [];
  let covered = 0;
  let i = 0;
  while (i < stem.length) {
    let hit = 0;
    for (let len = Math.min(t.longest, stem.length - i); len >= 2; len--) {
      const aspect = t.words.get(stem.slice(i, i + len));
      if (aspect !== undefined) {
        if (aspect) (t.weak.has(stem.slice(i, i + len)) ? weak : aspects).push(aspect);
        hit = len;
        break;
      }
    }
    covered += hit;
    i += hit || 1;
  }
  // Aspect and frame words must cover most of a stem to speak for it ("할인쿠폰", "세탁방법"):
  // "전기포트" is a kettle, not electricity.
  if (covered * 2 <= stem.length) return { aspects: [], weak: [], rest: true };
  return { aspects, weak, rest: false };
}

/** Reads a question's aspects and remaining content words. */
export function questionMeaning(text: string): QuestionMeaning {
  const t = load();
  const aspects = new Set<string>();
  const weak = new Set<string>();
  const matches = lexiconMatches(text);
  for (const m of matches) {
    const mapped = t.concepts[m.concept.id];
    if (mapped !== null) aspects.add(mapped ?? `#${m.concept.id}`);
  }
  const words = new Set<string>();
  for (const stem of contentStems(text)) {
    const key = lexiconKey(stem);
    if (!key || t.frame.has(key)) continue;
    const found = stemAspects(key, t);
    for (const a of found.aspects) aspects.add(a);
    for (const a of found.weak) weak.add(a);
    const inPhrase = matches.some((m) => m.phrase.includes(key) || (key.length >= 2 && key.includes(m.phrase)));
    if (found.rest && !inPhrase && (key.length >= 2 || /\d/.test(key)) && !/^[\u1100-\u11ff\u3131-\u318e]+$/.test(key))
      words.add(key);
  }
  if (aspects.size === 0) for (const a of weak) aspects.add(a);
  for (const a of [...aspects]) {
    for (let p = t.parents.get(a); p; p = t.parents.get(p)) aspects.delete(p);
  }
  return { aspects: [...aspects].sort(), words: [...words].sort() };
}

/** The exact-match key of a meaning: questions with the same key are one question. */
export function meaningKey(m: QuestionMeaning): string {
  return `${m.aspects.join(" ")}|${m.words.join(" ")}`;
}

/**
 * Whether a leftover word reads as a noun (a product, a part) rather than a verb form ("돌려",
 * "넣어", "입어야"): only nouns say two questions are about different things.
 */
const VERB_ENDING = /[어아여해돼워져려와러쳐켜겨혀나까면고서야지는은을한된인게네데죠요봐줘]$/;
function nounLike(word: string): boolean {
  if (/^[a-z]+$/.test(word)) return word.length >= 3;
  return /^[\uac00-\ud7a3]{2,}$/.test(word) && !VERB_ENDING.test(word);
}

const setDice = (a: readonly string[], b: readonly string[]) => {
  if (a.length === 0 || b.length === 0) return 0;
  const small = new Set(a);
  let shared = 0;
  for (const x of b) if (small.has(x)) shared++;
  return (2 * shared) / (a.length + b.length);
};

/**
 * How surely two questions are one question, 0..1. With aspects on both sides the aspects
 * decide, and content words only count against a match when both name some and none agree
 * ("패딩 가격" vs "부츠 가격"); without aspects, the words' character bigrams are compared.
 */
export function meaningSimilarity(
  a: QuestionMeaning,
  b: QuestionMeaning,
  gramsA = stemGrams(a.words),
  gramsB = stemGrams(b.words),
): number {
  if (a.aspects.length > 0 && b.aspects.length > 0) {
    const aspects = setDice(a.aspects, b.aspects);
    const nounsA = a.words.filter(nounLike);
    const nounsB = b.words.filter(nounLike);
    if (nounsA.length === 0 || nounsB.length === 0) return aspects;
    return diceOverlap(stemGrams(nounsA), stemGrams(nounsB)) >= 0.34 ? aspects : aspects * 0.6;
  }
  if (a.aspects.length > 0 || b.aspects.length > 0) return 0.8 * diceOverlap(gramsA, gramsB);
  return diceOverlap(gramsA, gramsB);
}

/**
 * Whether two questions name the same things (or both none): "가격 얼마예요" and "부츠 가격
 * 얼마예요" ask the same aspect, but only the second says of what.
 */
export function sameNouns(a: QuestionMeaning, b: QuestionMeaning): boolean {
  const nounsA = a.words.filter(nounLike);
  const nounsB = b.words.filter(nounLike);
  if (nounsA.length === 0 || nounsB.length === 0) return nounsA.length === nounsB.length;
  return diceOverlap(stemGrams(nounsA), stemGrams(nounsB)) >= 0.34;
}
