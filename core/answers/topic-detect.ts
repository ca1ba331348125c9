import { lexiconMatches, lexiconTopics, type LexiconMatch } from "./lexicon.ts";
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

/** What a question asks: the cue table's topics plus the model's confident guess and the lexicon's topics. */
export interface AskedTopics {
  topics: Topic[];
  /** The model's guess when it was confident, whether or not the cues agreed. */
  guess: TopicGuess | null;
  /** Every topic the model saw in the question, best first, confident or not. */
  guesses: TopicGuess[];
  /** The cue table's topics alone: fewer, but precise. */
  cues: Topic[];
}

/**
 * Topics of a question. `content` is the question without the words naming the product
 * (they say what is asked about, not what is asked), and is what the model reads.
 */
export function askedTopics(
  question: string,
  content: string,
  matches: readonly LexiconMatch[] = lexiconMatches(question),
): AskedTopics {
  const cues = questionTopics(normalizeText(question));
  const guesses = topicModel().classify(content);
  const guess = confident(guesses, TOPIC_MODEL_THRESHOLDS.askVote, TOPIC_MODEL_THRESHOLDS.askSimilarity);
  const modelled = guess && !cues.includes(guess.topic) ? [...cues, guess.topic] : cues;
  // The paraphrase lexicon's reading ("전기세 많이 나와요" asks about power) joins the
  // model's, not the cues': its concepts are broad, so it widens topics but gates nothing.
  const topics = [...new Set([...modelled, ...lexiconTopics(matches)])];
  return { topics, guess, guesses, cues };
}

interface LineReading {
  topics: Topic[];
  guesses: TopicGuess[];
}

const lineCache = new Map<string, LineReading>();
const LINE_CACHE_LIMIT = 5000;

/** The model's reading of a knowledge line, cached per text: lines are read again for every question. */
function readLine(line: string): LineReading {
  const cached = lineCache.get(line);
  if (cached) return cached;
  const guesses = topicModel().classify(line);
  // A line often states several things ("중량: 1.2kg (3~4인분)"): every guess with enough of the vote counts.
  const sure = guesses.filter(
    (g) => g.vote >= TOPIC_MODEL_THRESHOLDS.lineVote && g.similarity >= TOPIC_MODEL_THRESHOLDS.lineSimilarity,
  );
  const reading = { topics: [...new Set([...lineTopics(line), ...sure.map((g) => g.topic)])], guesses };
  if (lineCache.size >= LINE_CACHE_LIMIT) lineCache.clear();
  lineCache.set(line, reading);
  return reading;
}

/** Topics a knowledge line speaks to: its cues' and the model's confident guesses. */
export function spokenTopics(line: string): Topic[] {
  return readLine(line).topics;
}

/** Every topic the model sees in a knowledge line, best first, confident or not. */
export function lineGuesses(line: string): TopicGuess[] {
  return readLine(line).guesses;
}

/**
 * How much two readings agree: the vote both give to the same topics (0..1). "많이 시끄러워요"
 * and "소음 35dB" share no word but half their vote.
 */
export function sharedVote(a: readonly TopicGuess[], b: readonly TopicGuess[]): number {
  let shared = 0;
  for (const x of a) {
    const y = b.find((g) => g.topic === x.topic);
    if (y) shared += Math.min(x.vote, y.vote);
  }
  return shared;
}

function confident(guesses: readonly TopicGuess[], vote: number, similarity: number): TopicGuess | null {
  const top = guesses[0];
  return top && top.vote >= vote && top.similarity >= similarity ? top : null;
}
