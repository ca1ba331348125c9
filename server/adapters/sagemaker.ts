/**
 * Intent classification on SageMaker endpoints serving a Hugging Face text-classification
 * model, in one of two modes:
 *
 * - single: one three-class endpoint; each label maps to an intent.
 * - cascade (two binary KcELECTRA endpoints, the setup LiveQ started from): every text goes to the question
 *   endpoint; texts it does not call a question go to the request endpoint, which decides
 *   request vs general. Confidence is the cascade's probability of the final intent:
 *   P(question) for questions, P(not question) × P(request | not question) (or × P(general | …))
 *   for the rest.
 *
 * Errors are thrown as `SageMakerError`; wrap with `createResilientClassifier` for the hub.
 */
import { SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import type { IntentResult } from "../../core/intent/types.ts";
import { type Intent, INTENTS } from "../../core/protocol/intent.ts";
import type { RemoteClassifier, RemoteOptions } from "./resilient-classifier.ts";
import type { SageMakerConfig } from "./sagemaker-config.ts";
import { type InvokeOptions, invokeClassifier, type Prediction, SageMakerError } from "./sagemaker-invoke.ts";

export { SageMakerError } from "./sagemaker-invoke.ts";

/** Tuning that is not configuration: sensible for a live hub, overridable in tests. */
export interface SageMakerTuning {
  /** Per HTTP attempt; defaults to the config's time box. */
  callTimeoutMs?: number;
  /** Attempts per call, throttling only (default 3: two quick retries). */
  maxAttempts?: number;
  /** First throttling backoff in ms (default 25, doubled per retry). */
  backoffMs?: number;
  /** Calls in flight at once for one batch (default 4). */
  concurrency?: number;
}

/** A SageMaker-backed `IntentClassifier`; its `classifyBatch` rejects with `SageMakerError`. */
export function createSageMakerClassifier(config: SageMakerConfig, tuning: SageMakerTuning = {}): RemoteClassifier {
  const client = new SageMakerRuntimeClient({
    region: config.region,
    credentials: config.credentials,
    ...(config.endpointUrl ? { endpoint: config.endpointUrl } : {}),
    // The SDK's default (3 attempts, ~1 s backoff, 5xx retried too) is too slow for a live
    // board; invokeClassifier retries throttling only, quickly.
    maxAttempts: 1,
  });
  const base = {
    callTimeoutMs: tuning.callTimeoutMs ?? config.timeoutMs,
    maxAttempts: tuning.maxAttempts ?? 3,
    backoffMs: tuning.backoffMs ?? 25,
  };
  const concurrency = tuning.concurrency ?? 4;
  const mode = config.mode;

  /** Predictions for `texts` on one endpoint, split into calls of at most `maxBatch`. */
  const predict = (endpoint: string, texts: readonly string[], signal?: AbortSignal) => {
    const options: InvokeOptions = { ...base, ...(signal ? { signal } : {}) };
    return inChunks(texts, config.maxBatch, concurrency, (chunk) => invokeClassifier(client, endpoint, chunk, options));
  };

  return {
    name: mode.kind === "single" ? "sagemaker" : "sagemaker-cascade",
    async classifyBatch(texts: readonly string[], options: RemoteOptions = {}): Promise<IntentResult[]> {
      if (texts.length === 0) return [];
      if (mode.kind === "single") {
        const predictions = await predict(mode.endpoint, texts, options.signal);
        return predictions.map((p) => ({
          intent: resolve(mode.endpoint, mode.labels, INTENTS, p.label),
          confidence: p.score,
        }));
      }
      const first = await predict(mode.questionEndpoint, texts, options.signal);
      const sides = first.map((p) => resolve(mode.questionEndpoint, mode.labels.question, QUESTION_SIDES, p.label));
      const rest = texts.filter((_, i) => sides[i] === "other");
      const second = await predict(mode.requestEndpoint, rest, options.signal);
      let next = 0;
      return first.map((p, i): IntentResult => {
        if (sides[i] === "question") return { intent: "question", confidence: p.score };
        const q = second[next++]!;
        const intent = resolve(mode.requestEndpoint, mode.labels.request, REQUEST_SIDES, q.label);
        return { intent, confidence: p.score * q.score };
      });
    },
  };
}

const QUESTION_SIDES = ["question", "other"] as const;
const REQUEST_SIDES = ["request", "general"] as const satisfies readonly Intent[];

/** Maps a model label through the configured table; the class names map to themselves. */
function resolve<T extends string>(
  endpoint: string,
  labels: Readonly<Record<string, T>>,
  names: readonly T[],
  label: string,
): T {
  const mapped = Object.hasOwn(labels, label) ? labels[label] : names.find((n) => n === label);
  if (mapped === undefined) {
    throw new SageMakerError("malformed", endpoint, `unknown label ${JSON.stringify(label)} (see SAGEMAKER_LABELS)`);
  }
  return mapped;
}

/**
 * Runs `call` over chunks of at most `size` texts, `concurrency` at a time, and joins the
 * results in order. Rejects with the first failure and starts no further chunk after it.
 */
async function inChunks(
  texts: readonly string[],
  size: number,
  concurrency: number,
  call: (chunk: readonly string[]) => Promise<Prediction[]>,
): Promise<Prediction[]> {
  const chunks: (readonly string[])[] = [];
  for (let i = 0; i < texts.length; i += size) chunks.push(texts.slice(i, i + size));
  const results = new Array<Prediction[]>(chunks.length);
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < chunks.length) {
      const i = next++;
      try {
        results[i] = await call(chunks[i]!);
      } catch (err) {
        failed = true; // the batch has failed: start no more calls for it
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, lane));
  return results.flat();
}
