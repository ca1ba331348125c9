/**
 * The knowledge a broadcast answers from, the chunks it is indexed as, and the drafting
 * interface every drafter (extractive, Workers AI) implements.
 */

/** A product as Naver lists it, plus the manager's detail lines ("소재: 면 100%"). */
export interface ProductKnowledge {
  key: string;
  name: string;
  brandName?: string | null;
  /** Naver's `price` and `salePrice`: sometimes swapped in collected data (see facts.ts). */
  price?: number | null;
  salePrice?: number | null;
  discountRate?: number | null;
  status?: string | null;
  details: string[];
}

/** A question and its answer: crawled product Q&A, a manual pair, or an approved answer. */
export interface QnaKnowledge {
  id: string;
  productKey?: string | null;
  question: string;
  answer: string;
}

/** Everything one broadcast answers from. */
export interface KnowledgeSet {
  broadcastId: string;
  title: string;
  description: string;
  notes: string[];
  products: ProductKnowledge[];
  /** Crawled and manual product Q&A. */
  qna: QnaKnowledge[];
  /** Coupon and benefit lines ("라이브 전용 10% 쿠폰, 3만원 이상"). */
  benefits: string[];
  /** Answers managers approved and published. */
  answers: QnaKnowledge[];
}

export type ChunkKind = "broadcast" | "note" | "product" | "qna" | "coupon" | "benefit" | "answer";

/**
 * One retrievable unit. Metadata stays flat (strings only) because Vectorize rejects nested
 * objects; an empty `productKey` means "about the whole broadcast".
 */
export interface Chunk {
  id: string;
  broadcastId: string;
  kind: ChunkKind;
  productKey: string;
  text: string;
  /** For Q&A and answers: the question alone, matched against the asked question. */
  question: string;
  /** For Q&A and answers: the answer alone. */
  answer: string;
}

/** A retrieved chunk with its fused relevance (higher is better, 0..1). */
export interface Passage {
  chunk: Chunk;
  score: number;
}

/** Where a draft's answer came from. */
export interface Source {
  id: string;
  kind: ChunkKind;
  productKey: string;
  text: string;
}

/** The one shape every drafter returns. An abstained draft has the fixed abstention sentence. */
export interface Draft {
  answer: string;
  abstained: boolean;
  sources: Source[];
  /** 0..1: how well the sources cover the question. */
  confidence: number;
  /** Why a generated draft was withheld (a claim its sources do not make, no citation, a refusal). */
  reason?: string;
  /**
   * Internal, never sent: the drafter's view of every source it weighed, most probable first
   * (the extractive drafter's second look), used to rank suggestions.
   */
  ranked?: readonly SourceRank[];
}

/** How likely a source (by chunk id) answers the question, and whether the drafter may answer from it. */
export interface SourceRank {
  id: string;
  probability: number;
  eligible: boolean;
}

/**
 * A knowledge snippet suggested under a draft (suggestions.ts): what a manager answers from in
 * seconds, also when the draft abstains.
 */
export interface Suggestion {
  id: string;
  kind: ChunkKind;
  productKey: string;
  /** What goes into the answer box: a Q&A's answer, a product line, a note. */
  text: string;
  /** 0..1 relative to the best suggestion, higher first. */
  score: number;
  /** Words of `text` the question (or the lexicon's wording of it) matched, to highlight. */
  matched: string[];
}

/** A draft with its ranked suggestions: what every caller (API, hub, CLI, evaluation) gets. */
export interface AnsweredDraft extends Draft {
  suggestions: Suggestion[];
}

/** What a drafter sees: the broadcast's knowledge, the retrieved passages, an optional product. */
export interface DraftContext {
  knowledge: KnowledgeSet;
  passages: Passage[];
  productKey?: string | undefined;
}

/** Drafts one answer; never throws on content, abstains instead. */
export interface AnswerDrafter {
  readonly name: string;
  draft(question: string, context: DraftContext): Promise<Draft>;
}

/** The sentence every drafter answers with when the sources do not say. */
export const ABSTENTION = "답변을 생성할 수 없습니다.";

/** An abstained draft. */
export function abstain(confidence = 0): Draft {
  return { answer: ABSTENTION, abstained: true, sources: [], confidence };
}
