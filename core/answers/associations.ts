import { compactText } from "./tokenize.ts";

/**
 * Word associations learned from answered cases (`npm run train:answers`): for a gram of the
 * question and a bigram of a source that the question does not contain, the log-odds that such
 * a source was the answer, above the base rate. They carry what no cue table wrote down, as
 * viewers keep asking it ("뜯" of a question → "개봉" of its answer, "시키" → "주문").
 */

/** A digit: "가격|00" or "77|사이" says which numbers the training cases' knowledge held, not how viewers word things. */
const DIGIT = /\d/;

/**
 * Every (question gram, source bigram) pair of a source, the bigram not in the question.
 * Grams and bigrams with digits are left out: about a fifth of the pairs once learned tied
 * "가격" to "00" or "12", the prices of the training broadcasts, which no new broadcast shares.
 */
export function associationKeys(questionGrams: readonly string[], question: string, source: string): string[] {
  const asked = compactText(question);
  const text = compactText(source);
  const bigrams = new Set<string>();
  for (let i = 0; i + 2 <= text.length; i++) {
    const bigram = text.slice(i, i + 2);
    if (!asked.includes(bigram) && !DIGIT.test(bigram)) bigrams.add(bigram);
  }
  const keys: string[] = [];
  for (const q of new Set(questionGrams)) if (!DIGIT.test(q)) for (const s of bigrams) keys.push(`${q}|${s}`);
  return keys;
}

/**
 * How strongly a source's words go with the question's: per question gram its best positive
 * association, summed, as a 0..1 feature (10 nats or more is 1).
 */
export function associationScore(keys: readonly string[], weightOf: (key: string) => number | undefined): number {
  const best = new Map<string, number>();
  for (const key of keys) {
    const w = weightOf(key);
    if (w === undefined || w <= 0) continue;
    const gram = key.slice(0, key.indexOf("|"));
    if (w > (best.get(gram) ?? 0)) best.set(gram, w);
  }
  let sum = 0;
  for (const w of best.values()) sum += w;
  return Math.min(sum / 10, 1);
}

/** Counts of pairs over examined sources, for learning associations (training only). */
export class AssociationCounts {
  private readonly positive = new Map<string, number>();
  private readonly total = new Map<string, number>();
  private positives = 0;
  private sources = 0;

  /** Adds (sign 1) or takes back (sign -1) one source's pairs and whether it answered. */
  add(keys: readonly string[], answered: boolean, sign: 1 | -1): void {
    this.sources += sign;
    if (answered) this.positives += sign;
    for (const key of keys) {
      this.total.set(key, (this.total.get(key) ?? 0) + sign);
      if (answered) this.positive.set(key, (this.positive.get(key) ?? 0) + sign);
    }
  }

  /** A pair's log-odds of answering above the base rate; undefined when it answered fewer than `minAnswered` times. */
  weightOf(key: string, minAnswered: number): number | undefined {
    const p = this.positive.get(key) ?? 0;
    if (p < minAnswered) return undefined;
    const base = Math.log((this.positives + 1) / (this.sources - this.positives + 1));
    return Math.log((p + 0.5) / ((this.total.get(key) ?? 0) - p + 0.5)) - base;
  }

  /** Every pair with a positive weight, rounded, for shipping. */
  table(minAnswered: number): Record<string, number> {
    const table: Record<string, number> = {};
    for (const key of [...this.positive.keys()].sort()) {
      const w = this.weightOf(key, minAnswered);
      if (w !== undefined && w > 0) table[key] = Math.round(w * 100) / 100;
    }
    return table;
  }
}
