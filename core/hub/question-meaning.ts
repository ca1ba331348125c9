import data from "../../data/clusters/aspects-ko-v1.json" with { type: "json" };
import { lexiconMatches } from "../answers/lexicon.ts";
import { lexiconKey } from "../answers/lexicon-key.ts";
import { contentWords } from "../answers/question-key.ts";
import { stemWord, words as splitWords } from "../answers/tokenize.ts";
import { wordsAlike } from "./word-match.ts";
import { nounLike as nounShaped, stripCopula, takeNumbers } from "./word-match.ts";

/**
 * What a viewer's question asks, in a form rewordings share: the aspects it asks about
 * (price, shipping time, size run, colour…) and the things it names (a product, a size, a
 * colour, a device, a number). Aspects come from two data files: data/clusters/aspects-ko-v1.json
 * (viewer words → aspect, for the questions every broadcast hears) and the shopping paraphrase
 * lexicon (data/lexicon, 50k viewer phrases → concepts, each concept read as an aspect). So
 * "배송 언제 와요", "택배 언제 오나요" and "언제 받아볼 수 있나요" all ask `ship`, and "배송비
 * 얼마예요" asks `ship-fee`, a different question about the same thing; "245 있어요" and "250
 * 있어요" ask one aspect of two different things.
 */
export interface QuestionMeaning {
  /** Aspects asked, sorted; a parent ("size") is dropped when a child ("size-run") is asked. */
  aspects: string[];
  /** Content words no aspect explains and the values named (a colour, a size, a number), sorted. */
  words: string[];
}

interface AspectFile {
  aspects: Record<string, { parent?: string; words: string[]; values?: string[] }>;
  /** Lexicon concept id → aspect; null: too ambiguous to name an aspect; absent: the concept is its own aspect. */
  concepts: Record<string, string | null>;
  /** Words that ask an aspect only when nothing else is asked ("배송비 얼마" asks the fee, not the price). */
  weak: string[];
  /** Words of the question's frame ("괜찮", "어디서", "사용"): never what is asked. */
  frame: string[];
  /** Other spellings of one word (라지, 엘 → l). */
  aliases?: Record<string, string>;
  /**
   * Groups of words viewers use for one thing (초보, 입문자, 비기너, 골린이): the first is the
   * spelling the others read as, like an alias; kept as groups so the file stays writable by hand.
   */
  synonyms?: Record<string, string[][]>;
  /** Aspect → the aspects that, asked together, ask it ("return-fee": return and ship-fee). */
  combine?: Record<string, string[]>;
  /**
   * Groups of aspects that are different questions about one thing, asked in look-alike
   * words: an item's weight and the weight it holds, run time and charging time, when it
   * ships and what shipping costs. Two questions each asking a different aspect of one group
   * (and not the other's) are two questions.
   */
  contrasts?: string[][];
}

interface Tables {
  /** Word (no spaces, lower case) → aspect ("" for a frame word); words of two or more letters also match inside a stem. */
  words: Map<string, string>;
  /** Words that also name one thing of their aspect: kept as words too. */
  values: Set<string>;
  /** Wordings that start with a value ("세탁기에", "세탁기돌"): the value they name. */
  valueIn: Map<string, string>;
  aliases: Map<string, string>;
  /** What aliases read as ("노트북", "에어프라이어"): words the tables know too. */
  heads: Set<string>;
  combine: [string, string[]][];
  longest: number;
  parents: Map<string, string>;
  weak: Set<string>;
  frame: Set<string>;
  concepts: Record<string, string | null>;
  /** Aspect → the aspects it contrasts with (`contrasts`). */
  contrasts: Map<string, Set<string>>;
}

let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  const file = data as AspectFile;
  const words = new Map<string, string>();
  const values = new Set<string>();
  const parents = new Map<string, string>();
  let longest = 1;
  const add = (w: string, aspect: string) => {
    const key = lexiconKey(w);
    if (!key || words.has(key)) return;
    words.set(key, aspect);
    longest = Math.max(longest, key.length);
  };
  for (const [aspect, { parent, words: list, values: named = [] }] of Object.entries(file.aspects)) {
    if (parent) parents.set(aspect, parent);
    for (const w of list) add(w, aspect);
    for (const w of named) {
      add(w, aspect);
      values.add(lexiconKey(w));
    }
  }
  for (const w of file.frame) add(w, "");
  const aliases = new Map(Object.entries(file.aliases ?? {}).map(([from, to]) => [lexiconKey(from), lexiconKey(to)]));
  for (const groups of Object.values(file.synonyms ?? {})) {
    for (const [head, ...others] of groups) {
      const to = lexiconKey(head!);
      for (const from of others) {
        const key = lexiconKey(from);
        if (key && key !== to && !aliases.has(key)) aliases.set(key, aliases.get(to) ?? to);
      }
    }
  }
  // An alias of a value reads as that value inside longer words too ("라지사이즈").
  for (const [from, to] of aliases) {
    const aspect = words.get(to);
    if (aspect === undefined || !values.has(to)) continue;
    add(from, aspect);
    values.add(from);
  }
  // A wording that starts with a value names it ("세탁기에 넣어도" asks of the washing machine, not the dryer).
  const valueIn = new Map<string, string>();
  for (const w of words.keys()) {
    if (values.has(w)) continue;
    for (let end = w.length - 1; end >= 2; end--) {
      if (values.has(w.slice(0, end))) {
        valueIn.set(w, w.slice(0, end));
        break;
      }
    }
  }
  const contrasts = new Map<string, Set<string>>();
  for (const group of file.contrasts ?? []) {
    for (const a of group) {
      const others = contrasts.get(a) ?? new Set<string>();
      for (const b of group) if (b !== a) others.add(b);
      contrasts.set(a, others);
    }
  }
  return (tables = {
    words,
    values,
    valueIn,
    contrasts,
    aliases,
    heads: new Set(aliases.values()),
    combine: Object.entries(file.combine ?? {}),
    longest,
    parents,
    weak: new Set(file.weak.map(lexiconKey)),
    frame: new Set(file.frame.map(lexiconKey)),
    concepts: file.concepts,
  });
}

interface StemReading {
  aspects: string[];
  weak: string[];
  values: string[];
  /** Whether letters no aspect or frame word explains are left. */
  rest: boolean;
}

/**
 * Whether a word asks its aspect only when nothing else is asked: a weak word, or a value,
 * which names one thing of its aspect ("아이보리", "l") rather than asking it: "아이보리 있어요"
 * asks the colours, "아이보리 때 타요" asks about stains on the ivory one.
 */
function asksWeakly(word: string, t: Tables): boolean {
  return t.weak.has(word) || t.values.has(word);
}

/** The aspects a stem names (longest words first, left to right) and whether anything is left unexplained. */
function stemAspects(stem: string, t: Tables): StemReading {
  const exact = t.words.get(stem);
  if (exact === "") return { aspects: [], weak: [], values: [], rest: false };
  if (exact !== undefined) {
    const named = t.values.has(stem) ? stem : t.valueIn.get(stem);
    const values = named === undefined ? [] : [named];
    return asksWeakly(stem, t)
      ? { aspects: [], weak: [exact], values, rest: false }
      : { aspects: [exact], weak: [], values, rest: false };
  }
  const found: StemReading = { aspects: [], weak: [], values: [], rest: false };
  let covered = 0;
  let i = 0;
  let left = "";
  while (i < stem.length) {
    let hit = 0;
    for (let len = Math.min(t.longest, stem.length - i); len >= 2; len--) {
      const word = stem.slice(i, i + len);
      const aspect = t.words.get(word);
      if (aspect !== undefined) {
        if (aspect) (asksWeakly(word, t) ? found.weak : found.aspects).push(aspect);
        const named = t.values.has(word) ? word : t.valueIn.get(word);
        if (named !== undefined) found.values.push(named);
        hit = len;
        break;
      }
    }
    if (!hit) left += stem[i];
    covered += hit;
    i += hit || 1;
  }
  // A value of one letter is never looked for inside a stem, but the letters no other word
  // explains may be one ("퀸사이즈", "킹침대"): the size asked of is named.
  const leftValue = t.aliases.get(left) ?? left;
  if (left && t.values.has(leftValue) && !found.values.includes(leftValue)) {
    found.values.push(leftValue);
    covered += left.length;
  }
  // Aspect and frame words must cover most of a stem to speak for it ("할인쿠폰", "세탁방법"):
  // "전기포트" is a kettle, not electricity.
  if (covered * 2 <= stem.length) return { aspects: [], weak: [], values: [], rest: true };
  // Korean compounds are right-headed: "할인쿠폰" is a coupon, "세탁망" is no washing.
  if (found.aspects.length > 1) found.aspects = found.aspects.slice(-1);
  return found;
}

/** Whether a word names a thing: a noun-shaped word, a value of the aspect table ("킹", "s") or what aliases read as ("에어프라이어"). */
export function nounLike(word: string): boolean {
  const t = load();
  return nounShaped(word) || t.values.has(word) || t.heads.has(word);
}

/**
 * The lexicon's matches that start where a word starts: one that starts inside a word reads a
 * phrase into letters that belong to another ("몇시간이에요" holds "간이", salty).
 */
function wordStartMatches(text: string) {
  const starts = new Set<number>();
  let at = 0;
  for (const word of text.split(/\s+/)) {
    starts.add(at);
    at += lexiconKey(word).length;
  }
  return lexiconMatches(text).filter((m) => starts.has(m.at));
}

/** The value a word of three letters or more misspells (jamo overlap ≥ 0.7), if any. */
function misspeltValue(word: string, t: Tables): string | undefined {
  // Only a value's own spelling: another spelling of it ("아기강아지" for 퍼피) holds common words ("강아지").
  for (const value of t.values) {
    if (value.length >= 3 && !t.aliases.has(value) && wordsAlike(word, value) >= 0.7) return value;
  }
  return undefined;
}

/**
 * The longest start of the typed word that names a thing the tables know, when the stemmer cut
 * into it: a noun ending in a letter that is also a particle or an ending ("강아지도" stems to
 * "강아", "그레이" to "그레", "어린이도" to "어린").
 */
function knownThing(raw: string, stem: string, t: Tables): string | undefined {
  if (t.heads.has(stem) || t.values.has(stem) || t.words.has(stem)) return undefined;
  for (let end = raw.length; end > stem.length && end >= 2; end--) {
    const start = raw.slice(0, end);
    const known = t.aliases.get(start) ?? (t.heads.has(start) || t.values.has(start) ? start : undefined);
    if (known !== undefined) return known;
  }
  return undefined;
}

/** Endings of a 하다 word the stemmer leaves on (하게, 한지, 해서…). */
const HADA_ENDING = /(하게|한지|해서|하고|하니|한가|할까|하진|하긴)$/;

/** Predicates viewers type onto a noun without a space (있어요, 생기나요, 심해요…). */
const PREDICATE_TAIL = /(있|잇|없|되|돼|생기|생겨|심하|심해|많|좋|괜찮|가능|어때)/;

const JAMO_ONLY = /^[\u1100-\u11ff\u3131-\u318e]+$/;

/** Whether the tables know a word written together: an aspect word (not a frame word) or an alias. */
function knowsWhole(word: string, t: Tables): boolean {
  return word.length >= 3 && (!!t.words.get(word) || t.aliases.has(word) || t.heads.has(word));
}

/**
 * Two words a viewer spaced apart that the tables know written together ("에어 프라이어",
 * "무료 배송", "식기 세척기"), joined; "a/s" written as one word, so its letters are not two sizes.
 */
function joinSpaced(text: string, t: Tables): string {
  const parts = text.replace(/(^|[^a-z])a\s*\/\s*s(?![a-z])/gi, "$1as").split(/\s+/);
  if (parts.length < 2) return parts.join(" ");
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i]!;
    const next = parts[i + 1];
    if (next && word && !/\d/.test(word)) {
      const joined = lexiconKey(word + next);
      if (knowsWhole(joined, t) || knowsWhole(stripCopula(stemWord(joined)), t)) {
        out.push(word + next);
        i++;
        continue;
      }
    }
    out.push(word);
  }
  return out.join(" ");
}

/**
 * The content words, and the values among the words the stemmer drops as filler ("하의"
 * stems to "하"): a value is what is asked about whatever its letters look like.
 */
function contentWordsAndValues(text: string, t: Tables): { word: string; stem: string }[] {
  const content = contentWords(text);
  for (const word of splitWords(text)) {
    const key = lexiconKey(word);
    if (t.values.has(key) && !content.some((c) => c.word === word)) content.push({ word, stem: key });
  }
  return content;
}

/** Reads a question's aspects and the words that say what it is about. */
export function questionMeaning(question: string): QuestionMeaning {
  const t = load();
  const text = joinSpaced(question, t);
  const aspects = new Set<string>();
  const weak = new Set<string>();
  const matches = wordStartMatches(text);
  const fromLexicon = new Set<string>();
  for (const m of matches) {
    const mapped = t.concepts[m.concept.id];
    if (mapped !== null) fromLexicon.add(mapped ?? `#${m.concept.id}`);
  }
  const words = new Set<string>();
  // Numbers name a thing (a size, a box, a shade): "245" and "250" are two questions.
  const { numbers, rest } = takeNumbers(text);
  for (const n of numbers) words.add(n);
  for (const { word, stem } of contentWordsAndValues(rest, t)) {
    // The word as typed when the table knows it ("길이", whose stem "길" it does not), else its stem.
    const raw = lexiconKey(word);
    let key = t.words.has(raw) || t.aliases.has(raw) ? raw : stripCopula(stemWord(stripCopula(lexiconKey(stem))));
    key = t.aliases.get(key) ?? knownThing(raw, key, t) ?? key;
    if (!key || t.frame.has(key) || JAMO_ONLY.test(key)) continue;
    // A thing the synonym groups name is that thing, whatever aspect words its letters hold ("고양이" is no amount, 양).
    if (t.heads.has(key) && !t.words.has(key)) {
      words.add(key);
      continue;
    }
    let found = stemAspects(key, t);
    if (found.rest && raw !== key && !t.aliases.has(raw)) {
      const whole = stemAspects(raw, t);
      if (!whole.rest) found = whole;
    }
    // An adverb or linking form of a 하다 word asks what the word asks ("신선하게 와요", "조용한지").
    const root = found.rest ? key.replace(HADA_ENDING, "") : key;
    if (root !== key && root.length >= 2) {
      const bare = stemAspects(root, t);
      if (!bare.rest) found = bare;
    }
    // Typed without a space, the predicate stays on the noun ("필링있음", "보풀생기나여"): read the noun.
    const head = found.rest ? PREDICATE_TAIL.exec(key.slice(2)) : null;
    if (head) {
      const noun = stemAspects(key.slice(0, 2 + head.index), t);
      if (!noun.rest) found = noun;
    }
    for (const a of found.aspects) aspects.add(a);
    for (const a of found.weak) weak.add(a);
    for (const v of found.values) words.add(t.aliases.get(v) ?? v);
    if (!found.rest) continue;
    // A leftover verb form inside a lexicon phrase is what the phrase already says ("돌려도"
    // in "세탁기 돌려도 돼요"); a leftover noun still names what is asked about.
    const inPhrase = matches.some((m) => m.phrase.includes(key) || (key.length >= 2 && key.includes(m.phrase)));
    // A misspelt value ("겔럭시") is still that value, with its aspect.
    const value = key.length >= 3 ? misspeltValue(key, t) : undefined;
    if (value) {
      words.add(value);
      weak.add(t.words.get(value)!);
    } else if (nounLike(key) || (!inPhrase && key.length >= 2)) words.add(key);
  }
  for (const a of fromLexicon) if (!aspects.has(a)) aspects.add(`${LEXICON_ONLY}${a}`);
  if (aspects.size === 0) for (const a of weak) aspects.add(a);
  const bare = new Set([...aspects].map(bareAspect));
  for (const a of [...aspects]) {
    for (let p = t.parents.get(bareAspect(a)); p; p = t.parents.get(p)) {
      if (!bare.has(p)) continue;
      aspects.delete(p);
      aspects.delete(`${LEXICON_ONLY}${p}`);
    }
  }
  // Two aspects asked together can be a third question: a return and a shipping fee ask the return fee.
  for (const [to, parts] of t.combine) {
    if (!parts.every((x) => bare.has(x))) continue;
    for (const x of parts) {
      aspects.delete(x);
      aspects.delete(`${LEXICON_ONLY}${x}`);
    }
    aspects.add(to);
  }
  return { aspects: [...aspects].sort(), words: [...words].sort() };
}

/** The exact-match key of a meaning: questions with the same key are one question. */
export function meaningKey(m: QuestionMeaning): string {
  return `${m.aspects.join(" ")}|${m.words.join(" ")}`;
}

/** Tunable weights of `meaningSimilarity` (defaults chosen by leave-one-set-out, scripts/eval-clusters.ts). */
export interface SimilarityWeights {
  /** Score factor when only one side asks an aspect. */
  oneSidedAspect: number;
  /** Score factor when only one side names a thing ("가격 얼마예요" vs "부츠 가격 얼마예요"). */
  oneSidedNouns: number;
  /** Weight of an aspect only the paraphrase lexicon read, against 1 for one the aspect table read. */
  lexiconAspect: number;
  /** How much disagreeing leftover verbs cost when both sides have some ("때 타요" vs "있어요"), 0..1. */
  verbs: number;
}

export const DEFAULT_WEIGHTS: SimilarityWeights = {
  oneSidedAspect: 0.7,
  oneSidedNouns: 0.8,
  lexiconAspect: 0.6,
  verbs: 0.2,
};

/** How much a word counts, 0..1 (the hub weighs words by how often its broadcast has asked them). */
export type WordWeight = (word: string) => number;

const FULL: WordWeight = () => 1;

/** Marks an aspect only the lexicon read (its phrases span verbs and can misread): it counts less. */
export const LEXICON_ONLY = "~";
export const bareAspect = (a: string) => (a.startsWith(LEXICON_ONLY) ? a.slice(1) : a);

/** Dice of two aspect sets, an aspect only the lexicon read weighing `lexicon`. */
function aspectDice(a: readonly string[], b: readonly string[], lexicon: number): number {
  if (a.length === 0 || b.length === 0) return 0;
  const weigh = (x: string) => (x.startsWith(LEXICON_ONLY) ? lexicon : 1);
  const other = new Map(b.map((x) => [bareAspect(x), weigh(x)]));
  let shared = 0;
  let total = 0;
  for (const x of a) {
    const w = weigh(x);
    total += w;
    const o = other.get(bareAspect(x));
    if (o !== undefined) shared += 2 * Math.min(w, o);
  }
  for (const w of other.values()) total += w;
  return total === 0 ? 0 : shared / total;
}

/**
 * Weighted soft Dice of two word lists: each word counts by its weight times how well the
 * other side holds it, exactly, as a part of a compound ("베개커버" ~ "베개" + "커버") or as a
 * near spelling (jamo bigrams: "겔럭시" ~ "갤럭시"). Numbers and Latin words only match exactly.
 */
export function softDice(a: readonly string[], b: readonly string[], weight: WordWeight = FULL): number {
  if (a.length === 0 || b.length === 0) return 0;
  let held = 0;
  let total = 0;
  for (const x of a) {
    const w = weight(x);
    held += w * heldBy(x, b);
    total += w;
  }
  for (const y of b) {
    const w = weight(y);
    held += w * heldBy(y, a);
    total += w;
  }
  return total === 0 ? 0 : held / total;
}

function heldBy(word: string, others: readonly string[]): number {
  let best = 0;
  let parts = 0;
  for (const o of others) {
    if (o === word) return 1;
    if (o.length >= 2 && word.length > o.length && word.includes(o)) parts += o.length;
    else if (word.length >= 2 && o.includes(word)) best = 1;
    else best = Math.max(best, wordsAlike(word, o));
  }
  return Math.max(best, Math.min(1, parts / word.length));
}

/**
 * How surely two questions are one question, 0..1: how alike the aspects they ask are, times
 * how alike the things they name are. A side without aspects or without things costs a
 * fixed factor (scaled by the weight of the things named); without either on both sides,
 * all words are compared.
 */
export function meaningSimilarity(
  a: QuestionMeaning,
  b: QuestionMeaning,
  w: SimilarityWeights = DEFAULT_WEIGHTS,
  weight: WordWeight = FULL,
): number {
  const [nounsA, verbsA] = partsOf(a);
  const [nounsB, verbsB] = partsOf(b);
  const hasA = a.aspects.length > 0;
  const hasB = b.aspects.length > 0;
  if (!hasA && !hasB && nounsA.length === 0 && nounsB.length === 0) return softDice(a.words, b.words, weight);
  // Two questions naming different values of one thing (245 and 250, 아이폰 and 갤럭시) are two questions.
  const valuesA = nounsA.filter(isValueWord);
  const valuesB = nounsB.filter(isValueWord);
  if (valuesA.length && valuesB.length && softDice(valuesA, valuesB) === 0) return 0;
  const aspects =
    hasA && hasB ? aspectDice(a.aspects, b.aspects, w.lexiconAspect) : hasA || hasB ? w.oneSidedAspect : 1;
  if (aspects === 0) return 0;
  let things = 1;
  if (nounsA.length && nounsB.length) things = softDice(nounsA, nounsB, weight);
  else if (nounsA.length || nounsB.length) {
    const heaviest = Math.max(...(nounsA.length ? nounsA : nounsB).map(weight));
    things = 1 - (1 - w.oneSidedNouns) * heaviest;
  }
  let verbs = 1;
  if (w.verbs > 0) {
    if (verbsA.length && verbsB.length) verbs *= 1 - w.verbs * (1 - softDice(verbsA, verbsB));
  }
  return aspects * things * verbs;
}

/** A meaning's words split into things and the rest, computed once per meaning (a question meets many clusters). */
const parts = new WeakMap<QuestionMeaning, [string[], string[]]>();
function partsOf(m: QuestionMeaning): [string[], string[]] {
  let split = parts.get(m);
  if (!split) parts.set(m, (split = [m.words.filter(nounLike), m.words.filter((x) => !nounLike(x))]));
  return split;
}

/**
 * Whether two questions name the same things (or both none): "가격 얼마예요" and "부츠 가격
 * 얼마예요" ask the same aspect, but only the second says of what.
 */
export function sameNouns(a: QuestionMeaning, b: QuestionMeaning): boolean {
  const nounsA = a.words.filter(nounLike);
  const nounsB = b.words.filter(nounLike);
  if (nounsA.length === 0 || nounsB.length === 0) return nounsA.length === nounsB.length;
  return softDice(nounsA, nounsB) >= 0.66;
}

/**
 * Whether two questions each ask an aspect the other does not, of one `contrasts` group
 * ("의자 무게" and "몇 키로까지 버텨요"): only aspects the aspect table read count (the
 * lexicon's phrases span verbs and misread "몇 키로" as a weight).
 */
export function aspectsContrast(a: QuestionMeaning, b: QuestionMeaning): boolean {
  const { contrasts } = load();
  if (contrasts.size === 0) return false;
  for (const x of a.aspects) {
    const others = contrasts.get(x);
    if (!others || b.aspects.includes(x)) continue;
    for (const y of b.aspects) if (others.has(y) && !a.aspects.includes(y)) return true;
  }
  return false;
}

/** Whether a word names one value of an aspect ("킹", "아이보리", "l") or is a number: always a full-weight thing. */
export function isValueWord(word: string): boolean {
  return /\d/.test(word) || /^[a-z]+$/.test(word) || load().values.has(word);
}
