import { TOPIC_EXAMPLES } from "./topic-examples.ts";
import { TopicModel, type TopicGuess } from "./topic-model.ts";
import { normalizeText } from "./tokenize.ts";
import { lineTopics, questionTopics, type Topic } from "./topics.ts";

/**
 * When the nearest-example model may add a topic the cue table did not see (tuned on the dev
 * splits only). A guess must win most of the neighbours' vote and be close to its example.
 */
export const TOPIC_MODEL_THRESHOLDS = {
  askVote: 0.65,
  askSimilarity: 0.2,
  lineVote: 0.5,
  lineSimilarity: 0.3,
};

let model: TopicModel | undefined;

/** The model over TOPIC_EXAMPLES, built on first use (a few milliseconds) and kept per isolate. */
export function topicModel(): TopicModel {
  return (model ??= new TopicModel(TOPIC_EXAMPLES));
}

/** What a question asks: the cue table's topics plus the model's confident guess. */
export interface AskedTopics {
  topics: Topic[];
  /** The model's guess when it was confident, whether or not the cues agreed. */
  guess: TopicGuess | null;
}

/**
 * Topics of a question. `content` is the question without the words naming the product
 * (they say what is asked about, not what is asked), and is what the model reads.
 */
export function askedTopics(question: string, content: string): AskedTopics {
  const cues = questionTopics(normalizeText(question));
  const guess = confident(topicModel().classify(content), TOPIC_MODEL_THRESHOLDS.askVote, TOPIC_MODEL_THRESHOLDS.askSimilarity);
  const topics = guess && !cues.includes(guess.topic) ? [...cues, guess.topic] : cues;
  return { topics, guess };
}

const lineCache = new Map<string, Topic[]>();
const LINE_CACHE_LIMIT = 5000;

/** Topics a knowledge line speaks to: its cues' and the model's confident guess. Cached per text. */
export function spokenTopics(line: string): Topic[] {
  const cached = lineCache.get(line);
  if (cached) return cached;
  const cues = lineTopics(line);
  // A line often states several things ("중량: 1.2kg (3~4인분)"): every guess with enough of the vote counts.
  const guesses = topicModel()
    .classify(line)
    .filter((g) => g.vote >= TOPIC_MODEL_THRESHOLDS.lineVote && g.similarity >= TOPIC_MODEL_THRESHOLDS.lineSimilarity);
  const topics = [...new Set([...cues, ...guesses.map((g) => g.topic)])];
  if (lineCache.size >= LINE_CACHE_LIMIT) lineCache.clear();
  lineCache.set(line, topics);
  return topics;
}

function confident(guesses: readonly TopicGuess[], vote: number, similarity: number): TopicGuess | null {
  const top = guesses[0];
  return top && top.vote >= vote && top.similarity >= similarity ? top : null;
}
