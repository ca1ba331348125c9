import { compactText, stemWord, words } from "./tokenize.ts";
import type { Topic } from "./topics.ts";

/** Labelled sentences, per topic: how viewers ask about it and how knowledge lines state it. */
export type TopicExamples = Partial<Record<Topic, { ask: readonly string[]; line: readonly string[] }>>;

/** One topic a text is about, by its nearest examples. */
export interface TopicGuess {
  topic: Topic;
  /** Share of the nearest examples' similarity that this topic holds, 0..1. */
  vote: number;
  /** Cosine similarity of this topic's nearest example, 0..1. */
  similarity: number;
  /** Every example of this topic among the neighbours, nearest first: what decided it. */
  neighbours: string[];
}

/** How the neighbours vote (tuned on the dev splits). */
export const TOPIC_VOTING = {
  /** Neighbours that vote: enough to outvote one odd example, few enough to stay local. */
  neighbours: 7,
  /** How hard a feature used across many topics is discounted (0: plain IDF). */
  spreadPower: 0.5,
};

interface Example {
  topic: Topic;
  text: string;
}

/**
 * What a sentence is about, by its nearest labelled examples (k-nearest neighbours over
 * TF-IDF character n-grams). Cue lists only know the words someone thought of; neighbours
 * over character grams also catch new wordings of a known way of asking ("어디서 난거에요"
 * beside "어디서 난 쌀이에요", "비 맞아도 돼요" beside "비 오는 날 신어도 되나요").
 * Features are the text's 2- and 3-grams with spaces removed (viewers space at random) and
 * its word stems; a feature's weight is its IDF over the examples, so a gram every example
 * has ("요?") says nothing.
 */
export class TopicModel {
  private readonly examples: Example[] = [];
  private readonly postings = new Map<string, { example: number; weight: number }[]>();
  private readonly idf = new Map<string, number>();
  /** Character bigrams characteristic of each topic: how its examples word the topic itself. */
  private readonly vocabulary = new Map<Topic, Set<string>>();

  constructor(table: TopicExamples) {
    for (const [topic, { ask, line }] of Object.entries(table) as [
      Topic,
      { ask: readonly string[]; line: readonly string[] },
    ][]) {
      for (const text of [...ask, ...line]) this.examples.push({ topic, text });
    }
    const features = this.examples.map((e) => termCounts(e.text));
    const documentFrequency = new Map<string, number>();
    const topicsOf = new Map<string, Set<Topic>>();
    features.forEach((counts, i) => {
      for (const term of counts.keys()) {
        documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
        let topics = topicsOf.get(term);
        if (!topics) topicsOf.set(term, (topics = new Set()));
        topics.add(this.examples[i]!.topic);
      }
    });
    const n = this.examples.length;
    const topicCount = new Set(this.examples.map((e) => e.topic)).size;
    // Rare across examples, and above all rare across topics: "얼마나 돼요" is asked of every
    // topic and says nothing of which, "무게" of one.
    for (const [term, df] of documentFrequency) {
      const spread = topicsOf.get(term)!.size;
      this.idf.set(
        term,
        Math.log((n + 1) / (df + 0.5)) * Math.log((topicCount + 1) / spread) ** TOPIC_VOTING.spreadPower,
      );
    }
    this.learnVocabulary();
    features.forEach((counts, example) => {
      for (const [term, weight] of this.weigh(counts)) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ example, weight });
      }
    });
  }

  /** Topics of `text`, best first; empty when nothing in it resembles any example. */
  classify(text: string): TopicGuess[] {
    const scores = new Map<number, number>();
    for (const [term, weight] of this.weigh(termCounts(text))) {
      for (const p of this.postings.get(term) ?? [])
        scores.set(p.example, (scores.get(p.example) ?? 0) + weight * p.weight);
    }
    const nearest = [...scores].sort((a, b) => b[1] - a[1]).slice(0, TOPIC_VOTING.neighbours);
    const total = nearest.reduce((sum, [, s]) => sum + s, 0);
    if (total <= 0) return [];
    const byTopic = new Map<Topic, TopicGuess>();
    for (const [example, similarity] of nearest) {
      const { topic, text: exampleText } = this.examples[example]!;
      const guess = byTopic.get(topic) ?? { topic, vote: 0, similarity, neighbours: [] };
      guess.vote += similarity / total;
      guess.neighbours.push(exampleText);
      byTopic.set(topic, guess);
    }
    return [...byTopic.values()].sort((a, b) => b.vote - a.vote || b.similarity - a.similarity);
  }

  /**
   * Whether a character bigram is part of how a topic is worded ("난거" for origin, "맞아"
   * for waterproof): a question's words that only say what topic it asks need not appear in
   * the source, its other words ("목폴라", "나트륨") must.
   */
  speaksOf(topic: Topic, bigram: string): boolean {
    return this.vocabulary.get(topic)?.has(bigram) ?? false;
  }

  /** A bigram belongs to a topic when ≥ 2 of its examples use it and ≥ 40% of all uses are its. */
  private learnVocabulary(): void {
    const uses = new Map<string, Map<Topic, number>>();
    for (const { topic, text } of this.examples) {
      const compact = compactText(text);
      const grams = new Set<string>();
      for (let i = 0; i + 2 <= compact.length; i++) grams.add(compact.slice(i, i + 2));
      for (const gram of grams) {
        let byTopic = uses.get(gram);
        if (!byTopic) uses.set(gram, (byTopic = new Map()));
        byTopic.set(topic, (byTopic.get(topic) ?? 0) + 1);
      }
    }
    for (const [gram, byTopic] of uses) {
      const total = [...byTopic.values()].reduce((a, b) => a + b, 0);
      for (const [topic, n] of byTopic) {
        if (n < 2 || n / total < 0.4) continue;
        let set = this.vocabulary.get(topic);
        if (!set) this.vocabulary.set(topic, (set = new Set()));
        set.add(gram);
      }
    }
  }

  /** TF-IDF weights, sublinear in count, L2-normalized; terms unknown to the examples dropped. */
  private weigh(counts: Map<string, number>): Map<string, number> {
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of counts) {
      const idf = this.idf.get(term);
      if (idf === undefined) continue;
      const w = (1 + Math.log(count)) * idf;
      weights.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [term, w] of weights) weights.set(term, w / norm);
    return weights;
  }
}

/** Raw feature counts: 2- and 3-grams of the text without spaces, and each word's stem. */
function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  const compact = compactText(text);
  for (const n of [2, 3]) for (let i = 0; i + n <= compact.length; i++) add(compact.slice(i, i + n));
  for (const word of words(text)) add(`w:${stemWord(word)}`);
  return counts;
}
