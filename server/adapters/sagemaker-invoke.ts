/**
 * One InvokeEndpoint call to a Hugging Face text-classification container: JSON in
 * (`{"inputs":[...]}`), one validated `{label, score}` per input out. Owns the per-call
 * timeout, the throttling-only retry and the mapping of SDK errors to `SageMakerError`.
 */
import { InvokeEndpointCommand, type SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import * as z from "zod";

export type SageMakerErrorCode = "throttled" | "timeout" | "model" | "client" | "server" | "network" | "malformed";

/** A failed InvokeEndpoint call, classified so callers can count and report it. */
export class SageMakerError extends Error {
  override readonly name = "SageMakerError";
  readonly code: SageMakerErrorCode;
  readonly endpoint: string;
  /** HTTP status of the answer, when there was one. */
  readonly status: number | undefined;

  constructor(code: SageMakerErrorCode, endpoint: string, message: string, status?: number) {
    super(`SageMaker endpoint "${endpoint}": ${message}`);
    this.code = code;
    this.endpoint = endpoint;
    this.status = status;
  }
}

/** The best label for one input and its probability. */
export interface Prediction {
  label: string;
  score: number;
}

const Scored = z.object({ label: z.string().min(1), score: z.number().min(0).max(1) });
/** `[{label, score}]` per input, or the top-k shape `[[{label, score}, ...]]`. */
const HfResponse = z.array(z.union([Scored, z.array(Scored).min(1)]));

/** The parts of an SDK error we read; bare 429/5xx answers arrive as `name: "Unknown"`. */
const SdkError = z.object({
  name: z.string().optional(),
  message: z.string().optional(),
  $metadata: z.object({ httpStatusCode: z.number().optional() }).optional(),
});

export interface InvokeOptions {
  /** Abort after this many ms per HTTP attempt. */
  callTimeoutMs: number;
  /** Attempts in all (1 = no retry); only throttling is retried. */
  maxAttempts: number;
  /** First backoff after throttling, in ms; doubled per retry, with jitter. */
  backoffMs: number;
  /** Aborts the call (and any retry) from outside, e.g. the resilient wrapper's time box. */
  signal?: AbortSignal;
}

/** Classifies `texts` on one endpoint: one prediction per text, in order, or a `SageMakerError`. */
export async function invokeClassifier(
  client: SageMakerRuntimeClient,
  endpoint: string,
  texts: readonly string[],
  options: InvokeOptions,
): Promise<Prediction[]> {
  const body = JSON.stringify({ inputs: texts });
  for (let attempt = 1; ; attempt++) {
    try {
      const raw = await sendOnce(client, endpoint, body, options);
      return parsePredictions(endpoint, raw, texts.length);
    } catch (err) {
      const error = toSageMakerError(err, endpoint, options.signal);
      if (error.code !== "throttled" || attempt >= options.maxAttempts) throw error;
      await sleep(options.backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2), options.signal);
      if (options.signal?.aborted) throw new SageMakerError("timeout", endpoint, "aborted while backing off");
    }
  }
}

async function sendOnce(client: SageMakerRuntimeClient, endpoint: string, body: string, options: InvokeOptions) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.callTimeoutMs);
  const onOuterAbort = () => controller.abort();
  options.signal?.addEventListener("abort", onOuterAbort);
  if (options.signal?.aborted) controller.abort();
  try {
    const out = await client.send(
      new InvokeEndpointCommand({
        EndpointName: endpoint,
        ContentType: "application/json",
        Accept: "application/json",
        Body: body,
      }),
      { abortSignal: controller.signal },
    );
    return new TextDecoder().decode(out.Body);
  } catch (err) {
    // The SDK reports an abort as its own AbortError; say which deadline fired.
    if (controller.signal.aborted) {
      throw new SageMakerError("timeout", endpoint, `no answer within ${options.callTimeoutMs} ms`);
    }
    throw err;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onOuterAbort);
  }
}

/** Validates a response body; never returns predictions it could not vouch for. */
export function parsePredictions(endpoint: string, raw: string, expected: number): Prediction[] {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new SageMakerError("malformed", endpoint, `response is not JSON: ${excerpt(raw)}`);
  }
  const parsed = HfResponse.safeParse(json);
  if (!parsed.success) {
    throw new SageMakerError(
      "malformed",
      endpoint,
      `response is not [{label, score}] per input (${z.prettifyError(parsed.error).split("\n")[0]}): ${excerpt(raw)}`,
    );
  }
  if (parsed.data.length !== expected) {
    throw new SageMakerError("malformed", endpoint, `expected ${expected} predictions, got ${parsed.data.length}`);
  }
  return parsed.data.map((p) => (Array.isArray(p) ? best(p) : p));
}

function best(candidates: readonly Prediction[]): Prediction {
  return candidates.reduce((a, b) => (b.score > a.score ? b : a));
}

/** Maps whatever the SDK threw to a `SageMakerError`, reading the HTTP status ourselves. */
export function toSageMakerError(err: unknown, endpoint: string, signal?: AbortSignal): SageMakerError {
  if (err instanceof SageMakerError) return err;
  if (signal?.aborted) return new SageMakerError("timeout", endpoint, "aborted by caller");
  const parsed = SdkError.safeParse(err);
  const name = parsed.success ? (parsed.data.name ?? "Error") : "Error";
  const message = parsed.success ? (parsed.data.message ?? "") : String(err);
  const status = parsed.success ? parsed.data.$metadata?.httpStatusCode : undefined;
  const what = `${name}${status === undefined ? "" : ` (HTTP ${status})`}${message ? `: ${message}` : ""}`;
  if (name === "ThrottlingException" || status === 429) return new SageMakerError("throttled", endpoint, what, status);
  if (name === "ModelError") return new SageMakerError("model", endpoint, what, status);
  if (status === undefined) return new SageMakerError("network", endpoint, what);
  if (status >= 500) return new SageMakerError("server", endpoint, what, status);
  return new SageMakerError("client", endpoint, what, status);
}

function excerpt(raw: string): string {
  const flat = raw.replace(/\s+/g, " ");
  return JSON.stringify(flat.length > 80 ? `${flat.slice(0, 80)}…` : flat);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
