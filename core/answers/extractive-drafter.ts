import {
  coverage,
  lineCandidates,
  productCandidates,
  qnaCandidates,
  contentGrams,
  scoreCandidate,
  sourceText,
  statesQualifiers,
  type Candidate,
  type CandidateScore,
  type ContentGram,
} from "./candidates.ts";
import { benefitKind } from "./chunks.ts";
import { describePrice } from "./facts.ts";
import { targetProduct, type ProductTarget } from "./product-target.ts";
import { contentStems, stemGrams } from "./question-key.ts";
import { associationKeys, associationScore } from "./associations.ts";
import { lexiconMatches } from "./lexicon.ts";
import { aboutAnotherProduct, ASKS_AVAILABILITY, namedOptions, statesOptions } from "./options.ts";
import {
  askedUnits,
  asksWhen,
  eventsAsked,
  namesEvents,
  asksColour,
  ownFigures,
  partsAsked,
  statesColour,
  statesParts,
  statesUnits,
} from "./answer-type.ts";
import {
  competition,
  evidence,
  gramRarity,
  noneEvidence,
  type QuestionEvidence,
  type SecondLookModel,
} from "./second-look.ts";
import { sourceProbabilities } from "./second-look-choice.ts";
import { SECOND_LOOK_MODEL } from "./second-look-model.ts";
import { sentenceFromAnswer, sentenceFromLine, shortProductName } from "./sentence.ts";
import { structuredAnswer } from "./structured.ts";
import { compactText, normalizeText, stemWord, words } from "./tokenize.ts";
import { askedTopics, topicModel } from "./topic-detect.ts";
import type { TopicGuess } from "./topic-model.ts";
import { nearTopics, STRUCTURED_TOPICS, type Topic } from "./topics.ts";
import { abstain, type AnswerDrafter, type Draft, type DraftContext, type KnowledgeSet, type Source } from "./types.ts";

/**
 * A measurement asked for ("길이 얼마나 돼요", "몇 칼로리", "무게 몇키로"): only a source with a
 * number answers it; "사이즈: M / L" does not say how long the L is.
 */
const ASKS_MEASURE =
  /(길이|기장|높이|너비|가로|세로|폭|둘레|무게|중량|용량|칼로리|kcal|두께|지름)\s*(가|이|는|은)?\s*(몇|얼마)|몇\s*(cm|센치|센티|미리|mm|키로|kg|그램|g|ml|미리리터|리터|칼로리|kcal|인치)/i;

/** Thresholds of the extractive drafter (tuned on the dev split of data/answers/cases.jsonl only). */
export const EXTRACTIVE_THRESHOLDS = {
  /** A Q&A whose question is this alike answers on its own. */
  strongSimilarity: 0.6,
  /** Without any topic in common, a Q&A this alike still answers. */
  looseSimilarity: 0.45,
  /** Without any topic in common, a line covering this much of the question answers. */
  looseCoverage: 0.75,
  /** A line on a structured topic (price, discount, stock) beats the product fields from this coverage. */
  structuredOverride: 0.5,
  /** A price/stock question answers from the product fields when its cue words cover this much of it. */
  structuredCoverage: 0.5,
  /** With the topic model's guess, a line on that topic must account for this much of the question. */
  explained: 0.4,
  /** A line sharing only the topic must also cover this much of the question's own words. */
  topicalCoverage: 0.3,
  /** A line none of whose own words the question uses must cover this much by topic cues alone. */
  cueCoverage: 0.6,
};

/**
 * Words of asking and of everyday use that say nothing a source should contain ("얼마나 두고
 * 먹어요", "입어도 돼요", "괜찮을까요"): dropped from the content a source must cover. The topic
 * table still sees them, so "얼마" still asks the price.
 */
const ASKING_STEMS = new Set([
  "얼마",
  "얼마나",
  "어때",
  "어떤가",
  "어떨까",
  "뭐뭐",
  "뭐가",
  "괜찮",
  "괜찮을",
  "괜찮나",
  "괜찮아",
  "괜찮은가",
  "있는데",
  "없는데",
  "입어",
  "입어도",
  "써",
  "써도",
  "쓸",
  "쓸수",
  "넣어",
  "넣어도",
  "들고",
  "탈수",
  "탈수있",
  "타도",
  "가지고",
  "놀",
  "놀수",
  "태워",
  "올려",
  "올려도",
  "두고",
  "먹",
  "먹어도",
  "한번",
  "몇번",
]);

/** The embedded drafter: answers from product facts, lines and Q&A, or abstains. Pure and synchronous inside. */
export const extractiveDrafter: AnswerDrafter = {
  name: "extractive",
  draft: async (question, context) => draftExtractive(question, context),
};

/** The rules alone, without the second look: the baseline `npm run eval:answers` prints beside it. */
export const RULES_ONLY: SecondLookModel = {
  weights: {},
  answerAt: Infinity,
  vetoBelow: 0,
  margin: 0,
  lineAt: Infinity,
  associations: {},
};
export const rulesOnlyDrafter: AnswerDrafter = {
  name: "extractive-rules",
  draft: async (question, context) => draftExtractive(question, context, RULES_ONLY),
};

/**
 * One extractive draft (see `extractiveDrafter`): the rules, then the second look (second-look.ts)
 * when they abstain or when the model finds the rules' source very unlikely to answer.
 */
export function draftExtractive(question: string, context: DraftContext, model = SECOND_LOOK_MODEL): Draft {
  const reading = readQuestion(question, context);
  const ruled = byRules(reading);
  // The trained model's view of every source also ranks the suggestions (suggestions.ts),
  // whichever drafter answered: the rules-only baseline ranks them the same way.
  const looks = sourceLooks(reading, ruled.draft.abstained, model === RULES_ONLY ? SECOND_LOOK_MODEL : model);
  const ranked = looks.map((l) => ({ id: l.score.candidate.id, probability: l.probability, eligible: l.eligible }));
  const done = (d: Draft): Draft => ({ ...d, ranked });
  if (model === RULES_ONLY || (ruled.source === null && !ruled.draft.abstained)) return done(ruled.draft);
  // The model may overrule only a source it may answer from itself, as it was trained.
  const ruledLook = looks.find((l) => l.score === ruled.source && l.eligible);
  if (ruled.source !== null && (!ruledLook || ruledLook.probability >= model.vetoBelow)) return done(ruled.draft);
  const [best, runnerUp] = looks.filter((l) => l.eligible);
  // A clear winner only: two sources the model finds about as likely are as likely wrong,
  // unless the rules, which passed every gate, chose the model's own best.
  const agreed = best !== undefined && ruled.source !== null && best.score === ruled.source;
  const next = runnerUp?.probability ?? 0;
  const clear =
    best &&
    (agreed ||
      best.probability - next >= (model.margin ?? 0) ||
      (model.leadRatio !== undefined && best.probability >= model.leadRatio * next));
  // The named product's own line on an asked topic may answer from a lower probability (`lineAt`).
  const sure =
    best &&
    best.probability >=
      (ownTopicalLine(best.score, reading) ? Math.min(model.answerAt, model.lineAt ?? 1) : model.answerAt);
  return done(best && clear && sure ? best.draft : abstain(ruled.draft.confidence));
}

/** A line (or field) of the product the question names, on a topic it asks: the second look's `lineAt` applies. */
export function ownTopicalLine(s: CandidateScore, r: { target: ProductTarget | null }): boolean {
  return (
    s.topicHits > 0 &&
    s.candidate.kind === "product" &&
    r.target !== null &&
    s.candidate.productKey === r.target.product.key
  );
}

/** Everything a draft works out once about the question and its sources. */
interface Reading {
  question: string;
  knowledge: KnowledgeSet;
  target: ProductTarget | null;
  topics: Topic[];
  /** The question's content stems, without the product's name and words of asking. */
  content: string[];
  grams: ContentGram[];
  figures: string[];
  ranked: CandidateScore[];
  /** Topics the question's own cue words name (the cue table, not the model's guess): precise when present. */
  cueTopics: Topic[];
  /** The cue topics and their neighbours (topics.ts NEAR_TOPICS): a line on one may go to the second look. */
  nearCueTopics: Set<Topic>;
  /** Naver's price and stock fields as sources of the second look (the rules answer from them their own way). */
  fields: CandidateScore[];
  explained: ((c: Candidate) => number) | null;
  evidence: QuestionEvidence;
  retrieval: Map<string, number>;
  subject: string;
  multi: boolean;
  /** Colours and letter sizes the question names: a source must state them (options.ts). */
  options: string[];
  /** Whether a broadcast-wide source is about another product than the one asked about. */
  elsewhere: (c: Candidate) => boolean;
  /** Whether the question asks for a measurement, which only a source with a number states. */
  measure: boolean;
  /** The unit families the question asks a figure in ("몇 칼로리"): a source must state one (answer-type.ts). */
  units: string[];
  /** Whether the question asks which colours there are ("색상 뭐뭐있어요"): a source must name one. */
  colour: boolean;
  /** Parts asked as sold on their own ("리필만 사면 얼마"): a source must name them. */
  parts: string[];
  /** Events a "when" question asks the time of ("다음 방송 언제"): a source must name them. */
  events: RegExp[];
}

/** The answer-type checks (answer-type.ts): the unit asked, a colour asked, a part asked as sold alone, the event asked the time of. */
function fitsAnswerType(text: string, r: Reading): boolean {
  return (
    statesUnits(text, r.units) &&
    (!r.colour || statesColour(text)) &&
    statesParts(text, r.parts) &&
    namesEvents(text, r.events)
  );
}

function readQuestion(question: string, context: DraftContext): Reading {
  const k = context.knowledge;
  const target = targetProduct(question, k.products, context.productKey);
  const named = new Set(target?.nameStems ?? []);
  const lexicon = lexiconMatches(question);
  const { topics, guess, guesses, cues } = askedTopics(
    question,
    words(question)
      .filter((w) => !named.has(stemWord(w)))
      .join(" "),
    lexicon,
  );
  const content = contentStems(question).filter((s) => !named.has(s) && !ASKING_STEMS.has(s));
  const grams = contentGrams(content);
  // The viewer's own numbers ("키 160이면") describe the situation: a source need not repeat them.
  const own = ownFigures(question, ASKS_AVAILABILITY.test(compactText(question)));
  const figures = content.filter((s) => /^\d/.test(s) && !own.has(s.replace(/[^\d.]/g, "")));
  const measure = ASKS_MEASURE.test(normalizeText(question));
  const explained = guess ? explainedShare(grams, guess) : null;
  const retrieval = new Map(context.passages.map((p) => [p.chunk.id, p.score]));
  const score = (c: Candidate) =>
    withBoost(scoreCandidate(c, content.join(" "), topics, grams), retrieval, target?.product.key);
  const ranked = gatherCandidates(k, target)
    .map(score)
    .sort((a, b) => b.score - a.score);
  const fields = fieldCandidates(k, target, topics).map(score);
  const evidence: QuestionEvidence = {
    grams,
    guesses,
    asksAmount: /몇|얼마|언제/.test(compactText(question)),
    asksWhen: asksWhen(question),
    rarity: gramRarity(
      grams,
      ranked.map((r) => sourceText(r.candidate)),
    ),
    askedGrams: stemGrams(contentStems(question)),
    targetKey: target?.product.key,
    explained: explained && ((s) => explained(s.candidate)),
    lexicon,
    compact: compactText(question),
  };
  const subject = target ? shortProductName(target.product.name) : "";
  const options = namedOptions(
    question,
    k.products.map((p) => p.name),
  );
  const elsewhere = (c: Candidate) => !c.productKey && aboutAnotherProduct(sourceText(c), k.products, target?.product);
  return {
    question,
    knowledge: k,
    target,
    topics,
    cueTopics: cues,
    nearCueTopics: nearTopics(cues),
    content,
    grams,
    figures,
    ranked,
    fields,
    explained,
    evidence,
    retrieval,
    subject,
    multi: k.products.length > 1,
    options,
    elsewhere,
    measure,
    units: askedUnits(question),
    colour: asksColour(question),
    parts: partsAsked(question),
    events: eventsAsked(question),
  };
}

/** The rules: a source answers when it passes every gate; otherwise the draft abstains. `source` is null for Naver's fields and abstentions. */
function byRules(r: Reading): { draft: Draft; source: CandidateScore | null } {
  const { knowledge: k, target, topics, content, grams, figures, explained, subject, multi } = r;
  // A source that does not state the colour or size asked about answers another question.
  // Nor does a note about another product ("주방놀이는 도서산간 배송 불가" for 블록).
  const ranked = r.ranked.filter((s) => statesOptions(sourceText(s.candidate), r.options) && !r.elsewhere(s.candidate));
  const strongQna = ranked.find((s) => s.candidate.qna && s.similarity >= EXTRACTIVE_THRESHOLDS.strongSimilarity);
  if (strongQna) return { draft: fromCandidate(strongQna, subject, multi), source: strongQna };
  const detailTopics = topics.filter((t) => !STRUCTURED_TOPICS.has(t));
  const structuredOnly = detailTopics.length === 0 && topics.length > 0;
  const topical = ranked.find(
    (s) =>
      s.topicHits > 0 &&
      (coversQuestion(s, grams.length) || (explained?.(s.candidate) ?? 0) >= EXTRACTIVE_THRESHOLDS.explained) &&
      statesFigures(s.candidate.text, figures) &&
      (!r.measure || /\d/.test(sourceText(s.candidate))) &&
      fitsAnswerType(sourceText(s.candidate), r) &&
      statesQualifiers(sourceText(s.candidate), content) &&
      s.candidate.topics.some((t) => (structuredOnly ? topics : detailTopics).includes(t)),
  );
  if (topical && (!structuredOnly || overridesProductFields(topical))) {
    return { draft: fromCandidate(topical, subject, multi), source: topical };
  }
  // Naver's fields know nothing of one colour's or size's stock.
  const optionStock = r.options.length > 0 && topics.includes("stock");
  if (target && !optionStock && topics.some((t) => STRUCTURED_TOPICS.has(t)) && asksOnlyProduct(grams, topics)) {
    const answer = structuredAnswer(target.product, topics, subject);
    if (answer && fitsAnswerType(answer, r))
      return {
        draft: { answer, abstained: false, sources: [summarySource(k.broadcastId, target)], confidence: 0.9 },
        source: null,
      };
  }
  if (topics.length === 0) {
    const loose = ranked.find((s) =>
      s.candidate.qna
        ? s.similarity >= EXTRACTIVE_THRESHOLDS.looseSimilarity
        : s.coverage >= EXTRACTIVE_THRESHOLDS.looseCoverage,
    );
    if (loose) return { draft: fromCandidate(loose, subject, multi), source: loose };
  }
  return { draft: abstain(ranked[0]?.score ?? 0), source: null };
}

/** A source the second look weighed: its features, the model's probability and the draft it makes. */
export interface SourceLook {
  score: CandidateScore;
  features: number[];
  /** Its (question gram, source bigram) pairs: training recomputes the association feature from them. */
  associationKeys: string[];
  probability: number;
  draft: Draft;
  /**
   * Whether it may answer: a source missing a number or a qualifier the question names
   * ("24cm", "해외배송"), on none of the topics the question's cue words name ("하중" is
   * not answered by "무게: 3.2kg"), or without an amount in won when the price is asked,
   * answers another question however alike it is.
   */
  eligible: boolean;
}

/** An amount of money as sources write it: "39,000원", "3만원", "5천 원". */
const WON = /\d\s*(만|천)?\s*원/;

/**
 * Every source through the second look's model, most probable first. `rulesAbstained`: the
 * rules found no source, which a choice model weighs for "none of them" (second-look-choice.ts).
 */
function sourceLooks(r: Reading, rulesAbstained: boolean, model = SECOND_LOOK_MODEL): SourceLook[] {
  const scores = [...r.ranked, ...r.fields];
  const against = competition(scores, (s) => r.retrieval.get(s.candidate.id) ?? 0);
  const looks = scores.map((score, i) => {
    const keys = associationKeys(
      r.grams.map((g) => g.gram),
      r.question,
      sourceText(score.candidate),
    );
    const associated = associationScore(keys, (key) => model.associations[key]);
    const features = evidence(
      r.evidence,
      score,
      r.ranked[0] === score,
      r.retrieval.get(score.candidate.id) ?? 0,
      associated,
      against[i],
    );
    const eligible =
      (r.cueTopics.length === 0 ||
        score.candidate.topics.length === 0 ||
        score.candidate.topics.some((t) => r.nearCueTopics.has(t))) &&
      (!r.cueTopics.includes("price") || WON.test(sourceText(score.candidate))) &&
      statesFigures(score.candidate.text, r.figures) &&
      (!r.measure || /\d/.test(score.candidate.answer ?? sourceText(score.candidate))) &&
      fitsAnswerType(score.candidate.answer ?? sourceText(score.candidate), r) &&
      statesQualifiers(sourceText(score.candidate), r.content) &&
      statesOptions(sourceText(score.candidate), r.options) &&
      !r.elsewhere(score.candidate);
    return { score, features, associationKeys: keys, eligible };
  });
  const eligible = looks.map((l) => l.eligible);
  const none = noneEvidence(rulesAbstained, eligible.filter(Boolean).length);
  const probabilities = sourceProbabilities(
    looks.map((l) => l.features),
    eligible,
    none,
    model,
  );
  return looks
    .map((l, i) => {
      const probability = probabilities[i]!;
      return { ...l, probability, draft: fromCandidate(l.score, r.subject, r.multi, probability) };
    })
    .sort((a, b) => b.probability - a.probability);
}

/**
 * For training the second look (scripts/train-answers.ts): what the rules drafted and from
 * which source (null: Naver's fields or an abstention), and every source it may answer from.
 */
export function examineDraft(
  question: string,
  context: DraftContext,
): {
  rules: Draft;
  rulesSource: string | null;
  looks: (SourceLook & { ownLine: boolean })[];
  /** The question's evidence for "none of them" (second-look.ts noneEvidence). */
  none: number[];
} {
  const reading = readQuestion(question, context);
  const ruled = byRules(reading);
  const looks = sourceLooks(reading, ruled.draft.abstained)
    .filter((l) => l.eligible)
    .map((l) => ({ ...l, ownLine: ownTopicalLine(l.score, reading) }));
  const none = noneEvidence(ruled.draft.abstained, looks.length);
  return { rules: ruled.draft, rulesSource: ruled.source?.candidate.id ?? null, looks, none };
}

/**
 * Whether a topical source speaks to the rest of the question too: some of its own words
 * appear, or most of them (`cueCoverage`) are cues of the source's topic ("몇개" for "8개입"). A question
 * with nothing beyond the product and the topic is covered by any source on the topic.
 */
function coversQuestion(s: CandidateScore, contentGrams: number): boolean {
  if (contentGrams === 0) return true;
  if (s.coverage < EXTRACTIVE_THRESHOLDS.topicalCoverage) return false;
  return s.textCoverage > 0 || s.coverage >= EXTRACTIVE_THRESHOLDS.cueCoverage;
}

/**
 * How much of the question's content a source on the model's guessed topic accounts for (0
 * for a source on another topic): a gram counts when the source states it, when it is a cue
 * of the source's topics, or when it is how the asked topic is worded: in the examples nearest
 * the question or throughout the topic's examples. The topic's part is worked out once per draft.
 */
function explainedShare(grams: ReturnType<typeof contentGrams>, guess: TopicGuess): (c: Candidate) => number {
  const asked = compactText(guess.neighbours.join(" "));
  const model = topicModel();
  const byTopic = grams.filter((g) => !g.figure && (asked.includes(g.gram) || model.speaksOf(guess.topic, g.gram)));
  return (c) => {
    if (!c.topics.includes(guess.topic)) return 0;
    if (grams.length === 0) return 1;
    const compact = compactText(sourceText(c));
    const explained = grams.filter((g) =>
      g.figure
        ? g.figure.test(compact)
        : byTopic.includes(g) || compact.includes(g.gram) || g.cueOf.some((t) => c.topics.includes(t)),
    );
    return explained.length / grams.length;
  };
}

/**
 * Whether a question on price, discount or stock asks about the product itself: its words
 * beyond the product's name are cues of the asked topics. "칼날만 따로 살 수 있어요" asks
 * about a part, which the product's fields say nothing of.
 */
function asksOnlyProduct(grams: ReturnType<typeof contentGrams>, topics: readonly Topic[]): boolean {
  return grams.length === 0 || coverage(grams, "", topics) >= EXTRACTIVE_THRESHOLDS.structuredCoverage;
}

/**
 * Whether a source states every number the question names: "24cm 있어요?" is not answered by
 * "22cm", but "20키로 애기 무슨 사이즈" is by "M(18~25kg)", a range that holds it.
 */
export function statesFigures(text: string, figures: readonly string[]): boolean {
  const digits = normalizeText(text).replace(/[\s,]/g, "");
  const ranges = [
    ...text.replace(/,/g, "").matchAll(/(\d+(?:\.\d+)?)\s*[a-zA-Z가-힣]*\s*[~∼-]\s*(\d+(?:\.\d+)?)/g),
  ].map((m) => [Number(m[1]), Number(m[2])]);
  return figures.every((f) => {
    const value = f.replace(/[.,]$/, "").replace(/,/g, "");
    if (new RegExp(`(?<![\\d.])${value.replace(/\./g, "\\.")}(?![\\d])`).test(digits)) return true;
    const n = Number(value);
    return Number.isFinite(n) && ranges.some(([lo, hi]) => lo! <= n && n <= hi!);
  });
}

/** A note beats Naver's price fields only when it states the question's own words ("특가 언제까지"). */
function overridesProductFields(s: CandidateScore): boolean {
  // Q&A (old seller answers) never override live product fields; only manager lines do.
  return (
    !s.candidate.qna && s.candidate.kind !== "broadcast" && s.textCoverage >= EXTRACTIVE_THRESHOLDS.structuredOverride
  );
}

/** The target product's lines and Q&A (or every product's when none is named) and broadcast-wide knowledge. */
function gatherCandidates(k: KnowledgeSet, target: ProductTarget | null): Candidate[] {
  const products = target ? [target.product] : k.products;
  const forTarget = (productKey: string | null | undefined) =>
    !target || !productKey || productKey === target.product.key;
  return [
    ...products.flatMap((p) => productCandidates(k.broadcastId, p)),
    ...lineCandidates(k.broadcastId, "note", k.notes),
    ...k.benefits.flatMap((line) => lineCandidates(k.broadcastId, benefitKind(line), [line])),
    ...lineCandidates(k.broadcastId, "broadcast", [k.description]),
    ...qnaCandidates(
      k.broadcastId,
      "answer",
      k.answers.filter((a) => forTarget(a.productKey)),
    ),
    ...qnaCandidates(
      k.broadcastId,
      "qna",
      k.qna.filter((q) => forTarget(q.productKey)),
    ),
  ];
}

/**
 * Small nudges between sources on one topic: the named product's own lines over broadcast
 * notes, and retrieval agreeing with a source.
 */
function withBoost(s: CandidateScore, boost: Map<string, number>, productKey: string | undefined): CandidateScore {
  const own = productKey !== undefined && s.candidate.productKey === productKey ? 0.05 : 0;
  return { ...s, score: s.score + own + 0.05 * (boost.get(s.candidate.id) ?? 0) };
}

function fromCandidate(s: CandidateScore, subject: string, multi: boolean, confidence = s.score): Draft {
  const c = s.candidate;
  const answer =
    c.answer ??
    (c.qna
      ? sentenceFromAnswer(c.qna.answer)
      : sentenceFromLine(c.text, c.kind === "product" && multi && subject ? subject : undefined));
  const source: Source = {
    id: c.id,
    kind: c.kind,
    productKey: c.productKey,
    text: c.qna ? `Q: ${c.qna.question}\nA: ${c.qna.answer}` : c.text,
  };
  return { answer, abstained: false, sources: [source], confidence: round(Math.min(1, confidence)) };
}

function summarySource(broadcastId: string, target: ProductTarget): Source {
  const p = target.product;
  return {
    id: `${broadcastId}:product:${p.key}:summary`,
    kind: "product",
    productKey: p.key,
    text: `${p.name} · ${describePrice(p)}`,
  };
}

/**
 * The named product's price and stock fields as one source worded as its answer (with
 * several products and none named, no price is the answer). A long question ("20키로짜리는
 * 방송 가격으로 얼마에 살 수 있나요") fails the rules' test that it asks about nothing else,
 * but the second look may still judge the fields its answer.
 */
function fieldCandidates(k: KnowledgeSet, target: ProductTarget | null, topics: readonly Topic[]): Candidate[] {
  if (!target) return [];
  const p = target.product;
  const asked = topics.filter((t) => STRUCTURED_TOPICS.has(t));
  const answer = structuredAnswer(p, asked.length ? asked : ["price"], shortProductName(p.name));
  if (!answer) return [];
  return [
    {
      id: summarySource(k.broadcastId, target).id,
      kind: "product",
      productKey: p.key,
      text: `${p.name} · ${describePrice(p)}`,
      answer,
      topics: [...STRUCTURED_TOPICS],
    },
  ];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export type { Topic };
