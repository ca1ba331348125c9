import { contentStems } from "../answers/question-key.ts";
import { compactText } from "../answers/tokenize.ts";
import {
  DEFAULT_WEIGHTS,
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
  /** Character bigrams of the content stems written together ("커버력좋" → 커버, 버력, 력좋). */
  grams: Set<string>;
  /** Jamo trigrams of the content stems: a typo or another ending changes few of them. */
  jamo: Set<string>;
  /** Character bigrams of the whole compact text, endings included. */
  whole: Set<string>;
  /** Which kinds of question word it uses (when, how much, where, how many, what, how, can, is there), a bit each. */
  asks: number;
  /** The first letter pair of each content stem: what clusters sharing its letters are found by. */
  starts: string[];
  /** The meaning's parts, computed once (a question meets many exemplars). */
  nouns: string[];
  tableAspects: Set<string>;
  anyAspects: Set<string>;
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
    tableAspects: new Set(meaning.aspects.filter((x) => bareAspect(x) === x)),
    anyAspects: new Set(meaning.aspects.map(bareAspect)),
  };
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  if (s.length === 1) out.add(s);
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function jamoTrigrams(s: string): Set<string> {
  let letters = "";
  for (const ch of s) {
    const code = ch.charCodeAt(0) - 0xac00;
    if (code < 0 || code > 11171) {
      letters += ch;
      continue;
    }
    letters += String.fromCharCode(0x1100 + Math.floor(code / 588), 0x1161 + Math.floor((code % 588) / 28));
    if (code % 28) letters += String.fromCharCode(0x11a7 + (code % 28));
  }
  const out = new Set<string>();
  if (letters.length > 0 && letters.length < 3) out.add(letters);
  for (let i = 0; i + 3 <= letters.length; i++) out.add(letters.slice(i, i + 3));
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** How much a letter pair counts, 0..1: the hub weighs pairs by how few of its broadcast's questions hold them. */
export type GramWeight = (gram: string) => number;

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
function aspectRelation(x: Set<string>, y: Set<string>): "equal" | "extra" | "each" | "other" {
  let onlyX = 0;
  let onlyY = 0;
  for (const v of x) if (!y.has(v)) onlyX++;
  for (const v of y) if (!x.has(v)) onlyY++;
  if (onlyX === 0 && onlyY === 0) return "equal";
  if (onlyX === 0 || onlyY === 0) return "extra";
  // Both ask something the other does not, yet share an aspect: "컬러 구성" and "사이즈 구성".
  return onlyX < x.size ? "each" : "other";
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
  // One pass over the content grams for their plain, contained and weighted overlaps.
  let shared = 0;
  let sharedWeight = 0;
  let totalWeight = 0;
  for (const g of a.grams) {
    const w = grams(g);
    totalWeight += w;
    if (b.grams.has(g)) {
      shared++;
      sharedWeight += 2 * w;
    }
  }
  for (const g of b.grams) totalWeight += grams(g);
  const sizes = a.grams.size + b.grams.size;
  const smaller = Math.min(a.grams.size, b.grams.size);
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
