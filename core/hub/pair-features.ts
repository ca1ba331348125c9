import { contentStems } from "../answers/question-key.ts";
import { compactText } from "../answers/tokenize.ts";
import { toJamo } from "./word-match.ts";
import {
  DEFAULT_WEIGHTS,
  aspectsContrast,
  bareAspect,
  isValueWord,
  meaningSimilarity,
  nounLike,
  questionMeaning,
  softDice,
  type QuestionMeaning,
  type WordWeight,
} from "./question-meaning.ts";

/**
 * What a "same question" scorer sees of one question, computed once per text: its meaning
 * (aspects and things, question-meaning.ts), and its letters with spacing, particles and
 * endings gone (character bigrams and jamo trigrams of the content stems), so a new author's
 * wording that no table knows still meets a rewording by shared letters.
 */
export interface QuestionProfile {
  meaning: QuestionMeaning;
  /** Character bigrams of the content stems written together ("커버력좋" → 커버, 버력, 력좋), as `Gram` codes. */
  grams: Grams;
  /** Jamo trigrams of the content stems (a typo or another ending changes few of them), as codes. */
  jamo: Grams;
  /** Character bigrams of the whole compact text, endings included, as codes. */
  whole: Grams;
  /** Which kinds of question word it uses (when, how much, where, how many, what, how, can, is there), a bit each. */
  asks: number;
  /** The first letter pair of each content stem: what clusters sharing its letters are found by. */
  starts: string[];
  /** The meaning's parts, computed once (a question meets many exemplars). */
  nouns: string[];
  /** Aspects the aspect table read / every aspect, unmarked, sorted. */
  tableAspects: readonly string[];
  anyAspects: readonly string[];
}

/** Question words by kind; a text may use several ("언제 몇시에 와요"). Read on the compact text. */
const ASKS: RegExp[] = [
  /언제|며칠|몇일|몇시|얼마나걸|걸려/,
  /얼마(?!나)|가격|금액/,
  /얼마나|어느정도|정도/,
  /어디|어느/,
  /몇(?!시|일)/,
  /뭐|뭔|뭘|무슨|무엇|머에|머예|어떤(?!가)/,
  /어떻|어케|어떡|어때|어떤가|어떠/,
  /되나|돼|되요|될까|가능|ㄱㄴ|수있|괜찮|ㄱㅊ|되죠|돼죠/,
  /있|없/,
];

export function questionProfile(text: string, meaning: QuestionMeaning = questionMeaning(text)): QuestionProfile {
  const compact = compactText(text).replace(/[ㄱ-ㅎㅏ-ㅣ]+$/u, "");
  const stems = contentStems(text);
  const content = stems.join("");
  let asks = 0;
  ASKS.forEach((re, i) => {
    if (re.test(compact)) asks |= 1 << i;
  });
  return {
    meaning,
    grams: bigrams(content),
    jamo: jamoTrigrams(content),
    whole: bigrams(compact),
    asks,
    starts: [...new Set(stems.filter((x) => x.length >= 2).map((x) => x.slice(0, 2)))],
    nouns: meaning.words.filter(nounLike),
    tableAspects: sortedOnce(meaning.aspects.filter((x) => bareAspect(x) === x)),
    anyAspects: sortedOnce(meaning.aspects.map(bareAspect)),
  };
}

function sortedOnce(xs: Iterable<string>): string[] {
  return [...new Set(xs)].sort();
}

/**
 * Runs of two or three letters, each as one number (16 bits a UTF-16 unit), sorted and once
 * each: a profile is cached per text, and a set of ten short strings weighs several times as much.
 */
export type Grams = readonly number[];

function codes(values: number[]): number[] {
  values.sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of values) if (out.at(-1) !== v) out.push(v);
  return out;
}

function bigrams(s: string): Grams {
  const out: number[] = [];
  if (s.length === 1) out.push(s.charCodeAt(0));
  for (let i = 0; i + 2 <= s.length; i++) out.push(s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1));
  return codes(out);
}

function jamoTrigrams(s: string): Grams {
  const letters = toJamo(s);
  const code = (i: number) => letters.charCodeAt(i);
  const out: number[] = [];
  if (letters.length === 1) out.push(code(0));
  if (letters.length === 2) out.push(code(0) * 65536 + code(1));
  for (let i = 0; i + 3 <= letters.length; i++) out.push((code(i) * 65536 + code(i + 1)) * 65536 + code(i + 2));
  return codes(out);
}

/** How many entries two sorted, duplicate-free arrays share (one merge pass). */
function sharedCount<T extends string | number>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

function dice<T extends string | number>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * sharedCount(a, b)) / (a.length + b.length);
}

/** How much a letter pair counts, 0..1: the hub weighs pairs by how few of its broadcast's questions hold them. */
export type GramWeight = (gram: number) => number;

/**
 * A gram's weight from how many of `questions` hold it (`count`): 1 for a gram one question
 * holds, falling towards 0 for one every question holds ("사이즈" in a clothes show).
 */
export function gramWeight(count: number, questions: number): number {
  if (questions <= 1 || count <= 1) return 1;
  return Math.log(1 + questions / count) / Math.log(1 + questions);
}

const EVEN: GramWeight = () => 1;

/** Whether one aspect set holds the other and more ("사이즈 교환" asks the size and the return). */
function aspectRelation(x: readonly string[], y: readonly string[]): "equal" | "extra" | "each" | "other" {
  const shared = sharedCount(x, y);
  const onlyX = x.length - shared;
  const onlyY = y.length - shared;
  if (onlyX === 0 && onlyY === 0) return "equal";
  if (onlyX === 0 || onlyY === 0) return "extra";
  // Both ask something the other does not, yet share an aspect: "컬러 구성" and "사이즈 구성".
  return shared > 0 ? "each" : "other";
}

/** The features, in the order of the weights in data/clusters/pair-model-*.json. */
export const PAIR_FEATURES = [
  "bias",
  "meaningSimilarity",
  "tableAspects",
  "anyAspects",
  "aspectConflict",
  "oneSidedAspect",
  "things",
  "oneSidedThings",
  "contentBigrams",
  "contentContainment",
  "contentJamo",
  "rareContent",
  "sameAspects",
  "extraAspect",
  "eachOwnAspect",
  "wholeBigrams",
  "sameAsk",
  "otherAsk",
  "noContent",
] as const;

/**
 * The pair's features for the "same question" scorer (all 0..1). Two questions naming
 * different values (245 and 250) are never one question: `valueConflict` says so before any
 * score is computed.
 */
export function pairFeatures(
  a: QuestionProfile,
  b: QuestionProfile,
  weight?: WordWeight,
  grams: GramWeight = EVEN,
  out: number[] = new Array<number>(PAIR_FEATURES.length),
): number[] {
  const ma = a.meaning;
  const mb = b.meaning;
  const hasA = ma.aspects.length > 0;
  const hasB = mb.aspects.length > 0;
  const any = dice(a.anyAspects, b.anyAspects);
  const nounsA = a.nouns;
  const nounsB = b.nouns;
  const bothThings = nounsA.length > 0 && nounsB.length > 0;
  const asksShared = (a.asks & b.asks) !== 0;
  const relation = hasA && hasB ? aspectRelation(a.anyAspects, b.anyAspects) : "other";
  // One merge pass over the content grams for their plain, contained and weighted overlaps.
  const ga = a.grams;
  const gb = b.grams;
  let shared = 0;
  let sharedWeight = 0;
  let totalWeight = 0;
  let x = 0;
  let y = 0;
  while (x < ga.length || y < gb.length) {
    if (y >= gb.length || (x < ga.length && ga[x]! < gb[y]!)) totalWeight += grams(ga[x++]!);
    else if (x >= ga.length || gb[y]! < ga[x]!) totalWeight += grams(gb[y++]!);
    else {
      const w = grams(ga[x]!);
      totalWeight += 2 * w;
      sharedWeight += 2 * w;
      shared++;
      x++;
      y++;
    }
  }
  const sizes = ga.length + gb.length;
  const smaller = Math.min(ga.length, gb.length);
  let i = 0;
  out[i++] = 1;
  out[i++] = meaningSimilarity(ma, mb, DEFAULT_WEIGHTS, weight);
  out[i++] = dice(a.tableAspects, b.tableAspects);
  out[i++] = any;
  out[i++] = hasA && hasB && any === 0 ? 1 : 0;
  out[i++] = hasA !== hasB ? 1 : 0;
  out[i++] = bothThings ? softDice(nounsA, nounsB, weight) : 0;
  out[i++] = nounsA.length > 0 !== nounsB.length > 0 ? 1 : 0;
  out[i++] = smaller === 0 ? 0 : (2 * shared) / sizes;
  out[i++] = smaller === 0 ? 0 : shared / smaller;
  out[i++] = dice(a.jamo, b.jamo);
  out[i++] = smaller === 0 || totalWeight === 0 ? 0 : sharedWeight / totalWeight;
  out[i++] = relation === "equal" ? 1 : 0;
  out[i++] = relation === "extra" ? 1 : 0;
  out[i++] = relation === "each" ? 1 : 0;
  out[i++] = dice(a.whole, b.whole);
  out[i++] = asksShared ? 1 : 0;
  out[i++] = a.asks !== 0 && b.asks !== 0 && !asksShared ? 1 : 0;
  out[i++] = smaller === 0 ? 1 : 0;
  return out;
}

const valueWords = new WeakMap<QuestionMeaning, string[]>();
function valuesOf(m: QuestionMeaning): string[] {
  let values = valueWords.get(m);
  if (!values) valueWords.set(m, (values = m.words.filter(isValueWord)));
  return values;
}

/** Whether two questions name different values of one thing ("245" / "250", "아이폰" / "갤럭시"). */
export function valueConflict(a: QuestionMeaning, b: QuestionMeaning): boolean {
  const va = valuesOf(a);
  const vb = valuesOf(b);
  return va.length > 0 && vb.length > 0 && softDice(va, vb) === 0;
}

/**
 * Whether two questions are surely two, before any score: they name different values of one
 * thing, or each asks a different aspect of one contrast group (an item's weight and the
 * weight it holds; run time and charging time). The clusterer never joins such a pair, so the
 * scorer is not trained on them.
 */
export function differentQuestions(a: QuestionMeaning, b: QuestionMeaning): boolean {
  return valueConflict(a, b) || aspectsContrast(a, b);
}
