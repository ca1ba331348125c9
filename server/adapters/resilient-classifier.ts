/**
 * A remote intent classifier made safe for the hub: each batch is time-boxed, a circuit
 * breaker stops calling a failing backend for a while, and any batch the remote could not
 * classify in time is classified by the embedded model instead. `classifyBatch` never rejects.
 */
import type { IntentClassifier, IntentResult } from "../../core/intent/types.ts";
import { type BreakerState, CircuitBreaker } from "./circuit-breaker.ts";

export type { BreakerState } from "./circuit-breaker.ts";

export interface RemoteOptions {
  /** Aborted when the caller stops waiting (the time box); the call should give up. */
  signal?: AbortSignal;
}

/** A classifier behind the network: asynchronous, may reject, accepts an abort signal. */
export interface RemoteClassifier extends IntentClassifier {
  classifyBatch(texts: readonly string[], options?: RemoteOptions): Promise<IntentResult[]>;
}

/** Counters for `/api/health` and the hub's stats. */
export interface ClassifierStats {
  backend: string;
  /** Batches the remote classified in time. */
  remoteOk: number;
  /** Batches the remote failed (errors and timeouts). */
  remoteFailed: number;
  /** Of those, the batches that hit the time box. */
  timeouts: number;
  /** Batches classified by the fallback (failures plus calls skipped while the breaker was open). */
  fallbacks: number;
  fallbackChats: number;
  breaker: BreakerState;
  consecutiveFailures: number;
  lastError: string | null;
}

export interface ResilientClassifier extends IntentClassifier {
  classifyBatch(texts: readonly string[]): Promise<IntentResult[]>;
  stats(): ClassifierStats;
}

/** Whether `classifier` reports `stats()` (the resilient remote one does; the embedded one not). */
export function hasClassifierStats(classifier: IntentClassifier): classifier is ResilientClassifier {
  return "stats" in classifier && typeof classifier.stats === "function";
}

export interface ResilientOptions {
  /** Time box per batch in ms; the remote call is aborted and the fallback answers. */
  timeoutMs: number;
  /** Consecutive failed batches that open the breaker. */
  breakerFailures: number;
  /** Open time before a single probe batch, in ms. */
  breakerCooldownMs: number;
  /** Structured log line on breaker changes; `console.warn` by default. */
  log?: (entry: Record<string, unknown>) => void;
}

class TimeBoxExceeded extends Error {}

/** Wraps `remote` with a time box, a circuit breaker and `fallback` (the embedded model). */
export function createResilientClassifier(
  remote: RemoteClassifier,
  fallback: IntentClassifier,
  options: ResilientOptions,
): ResilientClassifier {
  const breaker = new CircuitBreaker(options.breakerFailures, options.breakerCooldownMs);
  const log = options.log ?? ((entry) => console.warn(JSON.stringify(entry)));
  const counts = { remoteOk: 0, remoteFailed: 0, timeouts: 0, fallbacks: 0, fallbackChats: 0 };
  let lastError: string | null = null;

  const useFallback = async (texts: readonly string[]): Promise<IntentResult[]> => {
    counts.fallbacks++;
    counts.fallbackChats += texts.length;
    try {
      return await fallback.classifyBatch(texts);
    } catch {
      // Last resort so the board never stalls: unclassified, zero confidence.
      return texts.map(() => ({ intent: "general", confidence: 0 }));
    }
  };

  return {
    name: remote.name,
    async classifyBatch(texts) {
      if (texts.length === 0) return [];
      const kind = breaker.tryAcquire();
      if (kind === null) return useFallback(texts);
      try {
        const results = await timeBoxed(options.timeoutMs, (signal) => remote.classifyBatch(texts, { signal }));
        if (results.length !== texts.length)
          throw new Error(`remote returned ${results.length} results for ${texts.length} chats`);
        breaker.success(kind);
        counts.remoteOk++;
        if (kind === "probe") log({ event: "intent-breaker-closed", backend: remote.name });
        return results;
      } catch (err) {
        counts.remoteFailed++;
        if (err instanceof TimeBoxExceeded) counts.timeouts++;
        lastError = err instanceof Error ? err.message : String(err);
        if (breaker.failure(kind)) {
          log({ event: "intent-breaker-open", backend: remote.name, cooldownMs: options.breakerCooldownMs, lastError });
        }
        return useFallback(texts);
      }
    },
    stats: () => ({
      backend: remote.name,
      ...counts,
      breaker: breaker.state,
      consecutiveFailures: breaker.consecutiveFailures,
      lastError,
    }),
  };
}

/** Runs `call`, aborting it and rejecting with `TimeBoxExceeded` after `ms`. */
async function timeBoxed<T>(ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TimeBoxExceeded(`no answer within the ${ms} ms time box`));
    }, ms);
  });
  const pending = Promise.resolve().then(() => call(controller.signal));
  pending.catch(() => {}); // a late failure after the time box is already accounted for
  try {
    return await Promise.race([pending, expired]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
