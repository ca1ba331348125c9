import { textId } from "./hash.ts";
import { charGrams, compactText, normalizeText } from "./tokenize.ts";
import { spokenTopics } from "./topic-detect.ts";
import { questionTopics, TOPICS, type Topic } from "./topics.ts";
import { questionSimilarity } from "./question-key.ts";
import type { ChunkKind, ProductKnowledge, QnaKnowledge } from "./types.ts";

/** A piece of knowledge that might answer the question. */
export interface Candidate {
  id: string;
  kind: ChunkKind;
  productKey: string;
  text: string;
  /** Set for Q&A and approved answers. */
  qna?: QnaKnowledge;
  /** An answer already worded (from Naver's product fields): drafted as it is. */
  answer?: string;
  topics: Topic[];
}

/** How well a candidate answers, with the parts that decided it (for confidence and tests). */
export interface CandidateScore {
  candidate: Candidate;
  score: number;
  topicHits: number;
  coverage: number;
  /** Coverage by the text alone, without counting topic cues. */
  textCoverage: number;
  similarity: number;
}

/** What a candidate says: the line, or a Q&A's question and answer. */
export function sourceText(c: Candidate): string {
  return c.qna ? `${c.qna.question} ${c.qna.answer}` : c.text;
}

/** Product detail lines as candidates. */
export function productCandidates(broadcastId: string, product: ProductKnowledge): Candidate[] {
  return product.details
    .filter((d) => d.trim())
    .map((text) => ({
      id: `${broadcastId}:product:${product.key}:detail:${textId(text.trim())}`,
      kind: "product",
      productKey: product.key,
      text: text.trim(),
      topics: spokenTopics(text),
    }));
}

/** Broadcast-wide lines (notes, benefits, description) as candidates. */
export function lineCandidates(broadcastId: string, kind: ChunkKind, lines: readonly string[]): Candidate[] {
  return lines
    .filter((l) => l.trim())
    .map((line) => {
      const text = line.trim();
      return { id: `${broadcastId}:${kind}:${textId(text)}`, kind, productKey: "", text, topics: spokenTopics(text) };
    });
}

/** Q&A pairs and approved answers as candidates, judged on both question and answer. */
export function qnaCandidates(
  broadcastId: string,
  kind: "qna" | "answer",
  pairs: readonly QnaKnowledge[],
): Candidate[] {
  return pairs.map((qna) => ({
    id: `${broadcastId}:${kind}:${qna.id}`,
    kind,
    productKey: qna.productKey ?? "",
    text: qna.answer,
    qna,
    topics: [...new Set([...questionTopics(normalizeText(qna.question)), ...spokenTopics(qna.answer)])],
  }));
}

/** A piece of the question's content, and the topics its word is a cue for ("몇개" → capacity). */
export interface ContentGram {
  gram: string;
  cueOf: Topic[];
  /** For a unit asked in words ("몇와트"): the figure a source must state ("45W"), instead of the gram. */
  figure?: RegExp;
}

/**
 * Units viewers spell in Hangul, and how a source writes the figure. A unit question is
 * covered only by a figure in that unit, never by the topic alone: "몇와트" is not answered
 * by "용량: 20,000mAh" although both are battery specs.
 */
const UNIT_FIGURES: [RegExp, RegExp][] = [
  [/^몇?와트$/, /\dw(?![a-z])/],
  [/^몇?(미리|밀리)(리터)?$/, /\dml/],
  [/^몇?(키|키로|킬로)(그램)?$/, /\dkg/],
  [/^몇?그램$/, /\d(g|그램)(?![a-z])/],
  [/^몇?(센치|센티)(미터)?$/, /\d(cm|센치)/],
  [/^몇?인치$/, /\d(인치|형|")/],
  [/^몇?헤르츠$/, /\dhz/],
  [/^몇?리터$/, /\d(l|리터)(?![a-z])/],
];

/** The figure pattern for a unit stem, or undefined for any other word. */
export function unitFigure(stem: string): RegExp | undefined {
  return UNIT_FIGURES.find(([unit]) => unit.test(stem))?.[1];
}

/** Inner bigrams of the question's content stems: what a good source should contain. */
export function contentGrams(stems: readonly string[]): ContentGram[] {
  const grams = new Map<string, ContentGram>();
  for (const asked of stems) {
    // "몇브릭스", "몇인분": the unit is the content, "몇" only asks for the number.
    const stem = asked.length > 2 && asked.startsWith("몇") ? asked.slice(1) : asked;
    const cueOf = questionTopics(asked);
    // One-syllable Hangul stems are mostly verbs of asking ("타요", "돼요"), not content.
    if (stem.length === 1 && /[\uac00-\ud7a3]/.test(stem)) continue;
    const figure = unitFigure(stem);
    if (figure) {
      grams.set(stem, { gram: stem, cueOf: [], figure });
      continue;
    }
    const inner = stem.length === 1 ? [stem] : charGrams(stem, 2).filter((g) => !/[\u0002\u0003]/.test(g));
    for (const gram of inner) if (!grams.has(gram)) grams.set(gram, { gram, cueOf });
  }
  return [...grams.values()];
}

/**
 * Share of the question's content a source covers: a gram counts when the text contains it
 * (spaces ignored) or when its word is a cue for a topic the source speaks to, so "몇개"
 * is covered by "8개입" and "발라요" by a usage line.
 */
export function coverage(grams: readonly ContentGram[], text: string, topics: readonly Topic[] = []): number {
  if (grams.length === 0) return 0;
  const compact = compactText(text);
  const covered = grams.filter((g) =>
    g.figure ? g.figure.test(compact) : compact.includes(g.gram) || g.cueOf.some((t) => topics.includes(t)),
  );
  return covered.length / grams.length;
}

/**
 * Scores a candidate: a topic in common counts most, the share of the question's content it
 * covers decides between lines of one topic, and for Q&A the likeness of the two questions.
 * `question` should come without the words naming the product, which every Q&A of it shares.
 */
export function scoreCandidate(
  candidate: Candidate,
  question: string,
  topics: readonly Topic[],
  grams: readonly ContentGram[],
): CandidateScore {
  const topicHits = candidate.topics.filter((t) => topics.includes(t)).length;
  // A line about several other things too answers less directly than one about the asked topic.
  const offTopic = candidate.topics.length - topicHits;
  const text = sourceText(candidate);
  const cov = coverage(grams, text, candidate.topics);
  const textCoverage = coverage(grams, text);
  const similarity = candidate.qna ? questionSimilarity(question, candidate.qna.question) : 0;
  const topical =
    topicHits > 0
      ? 0.5 + 0.1 * Math.min(topicHits - 1, 2) + 0.3 * cov + 0.1 * textCoverage - 0.03 * Math.min(offTopic, 3)
      : 0.6 * cov;
  const score = Math.max(topical, candidate.qna ? 0.35 + 0.65 * similarity : 0);
  return { candidate, score, topicHits, coverage: cov, textCoverage, similarity };
}

const CUES = Object.values(TOPICS).map((t) => t.ask);

/**
 * What a question word puts before the topic cue inside it: "해외배송" → "해외", "새벽배송" →
 * "새벽", "배송비" → null. Korean compounds put the modifier first, so a source that does not
 * mention it answers another kind of the topic ("전 상품 무료배송" says nothing of shipping
 * abroad). What follows a cue is mostly grammar ("비오는날", "충전하면") and is not asked.
 */
export function qualifier(stem: string): string | null {
  let first = stem.length;
  for (const cue of CUES) {
    const at = cue.exec(stem)?.index;
    if (at !== undefined && at < first) first = at;
  }
  const prefix = stem.slice(0, first);
  return first < stem.length && prefix.length >= 2 && /^[\uac00-\ud7a3]+$/.test(prefix) ? prefix : null;
}

/** Whether a source states every qualifier of the question's cue words. */
export function statesQualifiers(text: string, stems: readonly string[]): boolean {
  const compact = compactText(text);
  return stems.every((stem) => {
    const q = qualifier(stem);
    return q === null || compact.includes(q);
  });
}
