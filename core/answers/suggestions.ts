import { knowledgeChunks } from "./chunks.ts";
import { expandQuery, lexiconMatches, lexiconTopics, statedKnowledge, type LexiconMatch } from "./lexicon.ts";
import type { Retrieve } from "./pipeline.ts";
import { targetProduct } from "./product-target.ts";
import { contentStems } from "./question-key.ts";
import { compactText, normalizeText } from "./tokenize.ts";
import { spokenTopics } from "./topic-detect.ts";
import { questionTopics, type Topic } from "./topics.ts";
import type { Chunk, Draft, KnowledgeSet, Suggestion } from "./types.ts";

export type { Suggestion };

/**
 * Suggestions: the knowledge snippets a manager answers from in seconds, ranked, shown under
 * every draft (also when it abstains). Retrieval over the question expanded with the
 * paraphrase lexicon ("전기세" also searches "소비전력"), re-ranked by what the snippet
 * says about the asked topic, limited to the product the question names.
 */

export const MAX_SUGGESTIONS = 5;
/** Passages retrieved to rank suggestions from (more than shown: the re-ranking reorders them). */
const POOL = 16;

/** Weights of the ranking (tuned on the dev splits only). */
export const SUGGESTION_WEIGHTS = {
  model: 1,
  eligible: 0.15,
  retrieval: 0.35,
  lexicon: 0.25,
  topic: 0.2,
  source: 0.5,
  broadcast: -0.3,
};

/**
 * Ranked suggestions for a question. Every chunk of the named product (or of the broadcast)
 * competes, not only retrieval's hits ("가격?" shares no word with "판매가 26,600원"): each is
 * scored by the drafter's view of it (`draft.ranked`: the second look's probability, when the
 * drafter has one), retrieval over the lexicon-expanded question, the lexicon's knowledge
 * wording it states, and whether it speaks to the asked topic. The draft's own sources lead.
 */
export async function suggest(
  question: string,
  knowledge: KnowledgeSet,
  retrieve: Retrieve,
  draft?: Draft,
  productKey?: string,
  matches: readonly LexiconMatch[] = lexiconMatches(question),
): Promise<Suggestion[]> {
  const W = SUGGESTION_WEIGHTS;
  const target = targetProduct(question, knowledge.products, productKey);
  const key = target?.product.key ?? productKey;
  const passages = await retrieve(expandQuery(question, matches), POOL, key);
  const retrieval = new Map(passages.map((p) => [p.chunk.id, p.score]));
  const bestRetrieval = Math.max(1e-9, ...passages.map((p) => p.score));
  const model = new Map((draft?.ranked ?? []).map((r) => [r.id, r]));
  const topics = new Set<Topic>([...questionTopics(normalizeText(question)), ...lexiconTopics(matches)]);
  const named = new Set(target?.nameStems ?? []);
  const stems = contentStems(question).filter((s) => s.length >= 2 && !named.has(s));
  const sourceIds = new Set(draft && !draft.abstained ? draft.sources.map((s) => s.id) : []);
  // Retrieval's hits first (a remote index may hold chunks derived elsewhere), then the rest.
  const pool = new Map<string, Chunk>(passages.map((p) => [p.chunk.id, p.chunk]));
  for (const c of knowledgeChunks(knowledge))
    if (!pool.has(c.id) && (!key || c.productKey === key || c.productKey === "")) pool.set(c.id, c);
  const seen = new Set<string>();
  const ranked: Suggestion[] = [];
  for (const chunk of pool.values()) {
    const text = snippetText(chunk);
    if (!text || seen.has(text)) continue;
    seen.add(text);
    const lexicon = statedKnowledge(matches, text);
    const look = model.get(chunk.id);
    const onTopic = spokenTopics(
      chunk.kind === "qna" || chunk.kind === "answer" ? `${chunk.question} ${chunk.answer}` : text,
    ).some((t) => topics.has(t));
    const score =
      W.model * (look?.probability ?? 0) +
      W.eligible * (look?.eligible ? 1 : 0) +
      W.retrieval * ((retrieval.get(chunk.id) ?? 0) / bestRetrieval) +
      W.lexicon * (lexicon.length > 0 ? 1 : 0) +
      W.topic * (onTopic ? 1 : 0) +
      W.source * (sourceIds.has(chunk.id) ? 1 : 0) +
      W.broadcast * (chunk.kind === "broadcast" ? 1 : 0);
    ranked.push({
      id: chunk.id,
      kind: chunk.kind,
      productKey: chunk.productKey,
      text,
      score,
      matched: matchedWords(text, stems, lexicon),
    });
  }
  const top = Math.max(1e-9, ...ranked.map((s) => s.score));
  return ranked
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => ({ ...s, score: Math.max(0, Math.round((1000 * s.score) / top) / 1000) }));
}

/** What a manager would paste: a Q&A's answer, a product line without the name retrieval needs. */
export function snippetText(chunk: Chunk): string {
  if (chunk.kind === "qna" || chunk.kind === "answer") return chunk.answer.trim() || chunk.text.trim();
  if (chunk.kind === "product" && chunk.id.includes(":detail:")) {
    const dot = chunk.text.indexOf(" · ");
    return (dot >= 0 ? chunk.text.slice(dot + 3) : chunk.text).trim();
  }
  return chunk.text.trim();
}

/** The question's stems and lexicon terms that the text states, longest first (for highlighting). */
function matchedWords(text: string, stems: readonly string[], lexicon: readonly string[]): string[] {
  const compact = compactText(text);
  const lower = text.normalize("NFKC").toLowerCase();
  const words = new Set<string>(lexicon.filter((w) => lower.includes(w.toLowerCase())));
  for (const s of stems) if (compact.includes(s) && lower.includes(s)) words.add(s);
  return [...words].sort((a, b) => b.length - a.length);
}
