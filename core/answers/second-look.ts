import { statesTime } from "./answer-type.ts";
import { sourceText, type CandidateScore, type ContentGram } from "./candidates.ts";
import { SECOND_LOOK_MODEL } from "./second-look-model.ts";
import { contentStems, stemGrams } from "./question-key.ts";
import { statedKnowledge, type LexiconMatch } from "./lexicon.ts";
import { compactText } from "./tokenize.ts";
import { lineGuesses, sharedVote, topicModel } from "./topic-detect.ts";
import type { TopicGuess } from "./topic-model.ts";
import { splitLabel, type Topic } from "./topics.ts";

/**
 * The drafter's second look. The rules answer only when a source passes every gate; a viewer
 * who words a question unlike the source ("뜯고 나서 얼마나 둬요" for "개봉 후 2주") fails
 * one gate or another. A logistic model weighs all the evidence of each source at once: when
 * the rules abstain, the best source answers if the model is sure enough, and a rule answer
 * whose source the model finds very unlikely is overruled. It is trained by `npm run
 * train:answers` on the case splits that may be tuned on; its figures are in docs/answers.md.
 */

/** What the drafter knows about the question, worked out once per draft. */
export interface QuestionEvidence {
  grams: readonly ContentGram[];
  /** The topic model's reading of the question (without the product's name). */
  guesses: readonly TopicGuess[];
  /** Whether the question asks for a number or an amount ("몇", "얼마", "언제까지"). */
  asksAmount: boolean;
  /** How rare each content gram is among this broadcast's sources: rare words decide. */
  rarity: ReadonlyMap<string, number>;
  /** Bigrams of the whole question's content stems (product words included), as Q&A questions are compared. */
  askedGrams: ReadonlySet<string>;
  targetKey: string | undefined;
  /** Share of the question explained by a source on the guessed topic (extractive-drafter.ts). */
  explained: ((s: CandidateScore) => number) | null;
  /** Concepts the paraphrase lexicon reads in the question ("전기세" → 소비전력). */
  lexicon?: readonly LexiconMatch[];
  /** The question without spaces, case-folded (compactText). */
  compact?: string;
  /** Whether the question asks when, or how long until (answer-type.ts asksWhen). */
  asksWhen?: boolean;
}

/** The features, in the model's order. Each is 0..1 or a small count; names are for reading the weights. */
export const FEATURES = [
  "bias",
  "topic",
  "topics",
  "coverage",
  "textCoverage",
  "similarity",
  "explained",
  "modelVote",
  "sharedVote",
  "qna",
  "productLine",
  "broadcastLine",
  "ownProduct",
  "retrieval",
  "ruleScore",
  "firstRanked",
  "rareCoverage",
  "amountWithDigits",
  "offTopic",
  "noGrams",
  "vocabulary",
  "unexplainedRare",
  "qnaUnasked",
  "associated",
  "lexicon",
  "lexiconTopic",
  "lead",
  "rivals",
  "retrievalLead",
  "labelAsked",
  "timeStated",
] as const;

/**
 * How a source stands against the others of the same question: the rules' score ahead of
 * (or behind) the best other source's, and how many others also share an asked topic. Two
 * sources on one topic ("세탁: 손세탁" and a Q&A on 세탁망) are as likely each other's answer.
 */
export interface Competition {
  lead: number;
  rivals: number;
  /** Retrieval's score ahead of the best other source's. */
  retrievalLead: number;
}

/** Competition of every source among `scores` (same order). */
export function competition(
  scores: readonly CandidateScore[],
  retrieval: (s: CandidateScore) => number,
): Competition[] {
  const lead = (values: number[]) => {
    const sorted = [...values].sort((a, b) => b - a);
    return values.map((v) => Math.max(-1, Math.min(1, v - (v === sorted[0] ? (sorted[1] ?? 0) : (sorted[0] ?? 0)))));
  };
  const topical = scores.filter((s) => s.topicHits > 0).length;
  const byScore = lead(scores.map((s) => s.score));
  const byRetrieval = lead(scores.map(retrieval));
  return scores.map((s, i) => ({
    lead: byScore[i]!,
    rivals: Math.min(topical - (s.topicHits > 0 ? 1 : 0), 3) / 3,
    retrievalLead: byRetrieval[i]!,
  }));
}

/** One source's evidence, in the order of FEATURES; `associated` is its association score (associations.ts). */
export function evidence(
  q: QuestionEvidence,
  s: CandidateScore,
  firstRanked: boolean,
  retrieval: number,
  associated: number,
  against: Competition = { lead: 0, rivals: 0, retrievalLead: 0 },
): number[] {
  const c = s.candidate;
  const text = sourceText(c);
  const compact = compactText(text);
  const modelVote = q.guesses.filter((g) => c.topics.includes(g.topic)).reduce((sum, g) => sum + g.vote, 0);
  return [
    1,
    s.topicHits > 0 ? 1 : 0,
    Math.min(s.topicHits, 3) / 3,
    s.coverage,
    s.textCoverage,
    s.similarity,
    q.explained?.(s) ?? 0,
    modelVote,
    sharedVote(q.guesses, lineGuesses(c.qna ? c.qna.question : c.text)),
    c.qna ? 1 : 0,
    c.kind === "product" ? 1 : 0,
    c.kind === "broadcast" ? 1 : 0,
    q.targetKey !== undefined && c.productKey === q.targetKey ? 1 : 0,
    retrieval,
    Math.min(1, s.score),
    firstRanked ? 1 : 0,
    rareCoverage(q, compact),
    q.asksAmount && /\d/.test(c.text) ? 1 : 0,
    Math.min(c.topics.length - s.topicHits, 3) / 3,
    q.grams.length === 0 ? 1 : 0,
    ...byVocabulary(q, c.topics, compact),
    c.qna ? unasked(q.askedGrams, c.qna.question) : 0,
    associated,
    // The source states the knowledge wording of a concept the viewer's wording names.
    statedKnowledge(q.lexicon ?? [], text).length > 0 ? 1 : 0,
    (q.lexicon ?? []).some((m) => c.topics.includes(m.concept.topic)) ? 1 : 0,
    against.lead,
    against.rivals,
    against.retrievalLead,
    labelAsked(q.compact ?? "", c.qna ? "" : c.text),
    // A "when" question's answer states a time: "이틀 안에 출발", not "무료 배송".
    q.asksWhen && statesTime(c.qna ? c.qna.answer : c.text) ? 1 : 0,
  ];
}

/**
 * Whether the question names the label of a labelled line ("세탁: 드라이클리닝" for "니트 세탁
 * 어떻게 해요"): the line is then what was asked about, whatever its value's wording.
 */
function labelAsked(question: string, line: string): number {
  const label = splitLabel(line)?.label;
  if (!label || !question) return 0;
  const compact = compactText(label);
  if (compact.length >= 2 && question.includes(compact)) return 1;
  // A two-word label ("총 기장", "보관 방법") is asked by either of its words of two syllables or more.
  return label.split(/[\s/·,]+/).some((w) => w.length >= 2 && question.includes(compactText(w))) ? 0.5 : 0;
}

/**
 * Share of a Q&A's question the asked one does not ask: "라이브 끝나도 이 가격이에요?" is
 * alike "가격 얼마예요?" but asks about after the broadcast, which the viewer did not.
 */
function unasked(asked: ReadonlySet<string>, qnaQuestion: string): number {
  const grams = stemGrams(contentStems(qnaQuestion));
  if (grams.size === 0) return 0;
  let missing = 0;
  for (const g of grams) if (!asked.has(g)) missing++;
  return missing / grams.size;
}

/**
 * How the source's topics account for the question: the share of its grams the source states
 * or its topics' examples use ("뜯고" for expiry), and how rare the rarest unaccounted gram is
 * (a word nothing in the broadcast says, like "유선" asked of a wireless earphone, is what the
 * question is really about).
 */
function byVocabulary(q: QuestionEvidence, topics: readonly Topic[], compact: string): [number, number] {
  if (q.grams.length === 0) return [1, 0];
  const model = topicModel();
  let explained = 0;
  let rarest = 0;
  for (const g of q.grams) {
    const stated = g.figure ? g.figure.test(compact) : compact.includes(g.gram);
    if (stated || g.cueOf.some((t) => topics.includes(t)) || topics.some((t) => model.speaksOf(t, g.gram))) explained++;
    else rarest = Math.max(rarest, q.rarity.get(g.gram) ?? 0);
  }
  return [explained / q.grams.length, Math.min(1, rarest / 4)];
}

/** Share of the question's rarity-weighted content the source states. */
function rareCoverage(q: QuestionEvidence, compact: string): number {
  let total = 0;
  let covered = 0;
  for (const g of q.grams) {
    const w = q.rarity.get(g.gram) ?? 0;
    total += w;
    if (g.figure ? g.figure.test(compact) : compact.includes(g.gram)) covered += w;
  }
  return total > 0 ? covered / total : 0;
}

/**
 * Rarity of each gram among the sources, as IDF: a gram no source states weighs most (the
 * question asks something the sources may not say), one every source states weighs nothing.
 */
export function gramRarity(grams: readonly ContentGram[], sources: readonly string[]): Map<string, number> {
  const compact = sources.map(compactText);
  const rarity = new Map<string, number>();
  for (const g of grams) {
    const df = compact.filter((text) => (g.figure ? g.figure.test(text) : text.includes(g.gram))).length;
    rarity.set(g.gram, Math.log((compact.length + 1) / (df + 0.5)));
  }
  return rarity;
}

export type Feature = (typeof FEATURES)[number];

/** A trained logistic model over FEATURES, the probability from which it answers, and below which it overrules the rules. */
export interface SecondLookModel {
  /** Missing weights are 0: a model trained before a feature existed ignores it. */
  weights: Partial<Record<Feature, number>>;
  answerAt: number;
  vetoBelow: number;
  /** The best source answers only this far ahead of the next one the model may answer from (0: any lead). */
  margin?: number;
  /** The named product's own line on an asked topic answers from this probability (when below answerAt). */
  lineAt?: number;
  /**
   * A clear lead may also be relative: the best source answers when it is at least this many
   * times as probable as the next (0.6 against 0.1 is as clear as 0.9 against 0.3). Absent: the
   * lead is judged by `margin` alone.
   */
  leadRatio?: number;
  /** Learned word associations (associations.ts): "question gram|source bigram" → log-odds. */
  associations: Readonly<Record<string, number>>;
  /**
   * Present: the model is a choice (second-look-choice.ts) among the sources it may answer from
   * and "none of them", scored by these weights over NONE_FEATURES; a source's probability is
   * its share. Absent: each source is judged on its own (`answerProbability`).
   */
  noneWeights?: Partial<Record<NoneFeature, number>>;
}

/** Σ xᵢ·weight(nameᵢ): a score from named weights, `x` in the order of `names` (a missing weight counts 0). */
export function weightedSum<N extends string>(
  x: readonly number[],
  names: readonly N[],
  weights: Partial<Record<N, number>> | undefined,
): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += x[i]! * (weights?.[names[i]!] ?? 0);
  return z;
}

/** The model's score (log-odds) of a source; `x` in the order of FEATURES. */
export function answerScore(x: readonly number[], model: SecondLookModel = SECOND_LOOK_MODEL): number {
  return weightedSum(x, FEATURES, model.weights);
}

/** The model's probability that a source answers the question, judged on its own; `x` in the order of FEATURES. */
export function answerProbability(x: readonly number[], model: SecondLookModel = SECOND_LOOK_MODEL): number {
  return 1 / (1 + Math.exp(-answerScore(x, model)));
}

/**
 * What speaks for "none of the sources answers", in the model's order: whether the rules,
 * which pass a source only through every gate, found none, and how many sources compete.
 */
export const NONE_FEATURES = ["bias", "rulesAbstained", "sources"] as const;
export type NoneFeature = (typeof NONE_FEATURES)[number];

/** The question's evidence for "none of them", in the order of NONE_FEATURES. */
export function noneEvidence(rulesAbstained: boolean, sources: number): number[] {
  return [1, rulesAbstained ? 1 : 0, Math.min(sources, 10) / 10];
}
