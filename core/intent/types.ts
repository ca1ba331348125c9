import type { Intent } from "../protocol/intent.ts";

export interface IntentResult {
  intent: Intent;
  /** Probability of `intent`, 0..1 (calibrated for the trained model). */
  confidence: number;
}

/**
 * Classifies chats in batches. The hub calls it once per batch, never per chat.
 * Embedded implementations answer synchronously; remote ones return a promise.
 */
export interface IntentClassifier {
  readonly name: string;
  classifyBatch(texts: readonly string[]): IntentResult[] | Promise<IntentResult[]>;
}
