/**
 * SageMaker intent backend configuration, parsed from Worker vars and secrets with zod.
 * Absent endpoint names mean "no remote classifier"; see docs/sagemaker.md.
 */
import * as z from "zod";
import { Intent } from "../../core/protocol/intent.ts";

/** Vars and secrets read here beyond `SAGEMAKER_ENDPOINT` (declared in wrangler.toml). */
interface SageMakerSecrets {
  SAGEMAKER_CASCADE_ENDPOINTS?: string;
  SAGEMAKER_LABELS?: string;
  SAGEMAKER_ENDPOINT_URL?: string;
  SAGEMAKER_MAX_BATCH?: string;
  SAGEMAKER_TIMEOUT_MS?: string;
  SAGEMAKER_BREAKER_FAILURES?: string;
  SAGEMAKER_BREAKER_COOLDOWN_MS?: string;
  AWS_REGION?: string;
  AWS_ACCESS_KEY_ID?: string;
  AWS_SECRET_ACCESS_KEY?: string;
  AWS_SESSION_TOKEN?: string;
}

declare global {
  interface Env extends SageMakerSecrets {}
  namespace Cloudflare {
    interface Env extends SageMakerSecrets {}
  }
}

/** All the settings read here; every one optional (the embedded model runs without them). */
export interface SageMakerVars extends SageMakerSecrets {
  SAGEMAKER_ENDPOINT?: string;
}

/** Label → intent for a three-class endpoint. */
export const SingleLabels = z.record(z.string(), Intent);
/** Label → side for the cascade's two binary endpoints. */
export const CascadeLabels = z.object({
  question: z.record(z.string(), z.enum(["question", "other"])),
  request: z.record(z.string(), z.enum(["request", "general"])),
});

/**
 * Defaults follow the HF convention of `LABEL_<index>` with the positive class last; the
 * class names themselves are always accepted too (a model whose config has `id2label`).
 */
export const DEFAULT_SINGLE_LABELS: z.infer<typeof SingleLabels> = {
  LABEL_0: "general",
  LABEL_1: "request",
  LABEL_2: "question",
};
export const DEFAULT_CASCADE_LABELS: z.infer<typeof CascadeLabels> = {
  question: { LABEL_0: "other", LABEL_1: "question" },
  request: { LABEL_0: "general", LABEL_1: "request" },
};

export type SageMakerMode =
  | { kind: "single"; endpoint: string; labels: z.infer<typeof SingleLabels> }
  | { kind: "cascade"; questionEndpoint: string; requestEndpoint: string; labels: z.infer<typeof CascadeLabels> };

/** Everything the SageMaker adapter and its resilient wrapper need. */
export interface SageMakerConfig {
  mode: SageMakerMode;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Service URL override (tests, VPC endpoints); the SDK derives it from the region otherwise. */
  endpointUrl?: string;
  /** Most texts per InvokeEndpoint call. */
  maxBatch: number;
  /** Time box for one `classifyBatch` through the resilient wrapper, in ms. */
  timeoutMs: number;
  /** Consecutive failed batches that open the circuit breaker. */
  breakerFailures: number;
  /** How long the breaker stays open before one probe call, in ms. */
  breakerCooldownMs: number;
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().min(1).optional());
const intFrom = (fallback: number, min: number, max: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
const endpointName = z
  .string()
  .regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/, "invalid SageMaker endpoint name")
  .max(63);
const jsonText = z.string().transform((s, ctx) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "SAGEMAKER_LABELS is not valid JSON" });
    return z.NEVER;
  }
});

const Vars = z.object({
  SAGEMAKER_ENDPOINT: optionalText.pipe(endpointName.optional()),
  SAGEMAKER_CASCADE_ENDPOINTS: optionalText,
  SAGEMAKER_LABELS: z.preprocess(blankToUndefined, jsonText.optional()),
  SAGEMAKER_ENDPOINT_URL: z.preprocess(blankToUndefined, z.url().optional()),
  SAGEMAKER_MAX_BATCH: intFrom(32, 1, 1000),
  SAGEMAKER_TIMEOUT_MS: intFrom(300, 10, 60_000),
  SAGEMAKER_BREAKER_FAILURES: intFrom(5, 1, 1000),
  SAGEMAKER_BREAKER_COOLDOWN_MS: intFrom(10_000, 10, 3_600_000),
  AWS_REGION: optionalText,
  AWS_ACCESS_KEY_ID: optionalText,
  AWS_SECRET_ACCESS_KEY: optionalText,
  AWS_SESSION_TOKEN: optionalText,
});

const CascadePair = z
  .string()
  .transform((s) => s.split(",").map((p) => p.trim()))
  .pipe(z.tuple([endpointName, endpointName], { error: "expected questionEndpoint,requestEndpoint" }));

export type SageMakerConfigResult = { ok: true; config: SageMakerConfig | null } | { ok: false; error: string };

/**
 * Reads the SageMaker config from env. `config: null` when no endpoint is named (the
 * embedded model runs); an error when endpoints are named but the rest is unusable.
 */
export function parseSageMakerConfig(env: SageMakerVars): SageMakerConfigResult {
  const vars = Vars.safeParse(env);
  if (!vars.success) return { ok: false, error: z.prettifyError(vars.error) };
  const v = vars.data;
  if (v.SAGEMAKER_ENDPOINT === undefined && v.SAGEMAKER_CASCADE_ENDPOINTS === undefined) {
    return { ok: true, config: null };
  }
  if (v.SAGEMAKER_ENDPOINT !== undefined && v.SAGEMAKER_CASCADE_ENDPOINTS !== undefined) {
    return { ok: false, error: "set SAGEMAKER_ENDPOINT or SAGEMAKER_CASCADE_ENDPOINTS, not both" };
  }
  if (!v.AWS_REGION || !v.AWS_ACCESS_KEY_ID || !v.AWS_SECRET_ACCESS_KEY) {
    return { ok: false, error: "AWS_REGION, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are required" };
  }
  const mode = parseMode(v.SAGEMAKER_ENDPOINT, v.SAGEMAKER_CASCADE_ENDPOINTS, v.SAGEMAKER_LABELS);
  if (typeof mode === "string") return { ok: false, error: mode };
  return {
    ok: true,
    config: {
      mode,
      region: v.AWS_REGION,
      credentials: {
        accessKeyId: v.AWS_ACCESS_KEY_ID,
        secretAccessKey: v.AWS_SECRET_ACCESS_KEY,
        ...(v.AWS_SESSION_TOKEN ? { sessionToken: v.AWS_SESSION_TOKEN } : {}),
      },
      ...(v.SAGEMAKER_ENDPOINT_URL ? { endpointUrl: v.SAGEMAKER_ENDPOINT_URL } : {}),
      maxBatch: v.SAGEMAKER_MAX_BATCH,
      timeoutMs: v.SAGEMAKER_TIMEOUT_MS,
      breakerFailures: v.SAGEMAKER_BREAKER_FAILURES,
      breakerCooldownMs: v.SAGEMAKER_BREAKER_COOLDOWN_MS,
    },
  };
}

/** The endpoint mode and its label mapping, or an error message. */
function parseMode(single: string | undefined, cascade: string | undefined, labels: unknown): SageMakerMode | string {
  if (single !== undefined) {
    const parsed = SingleLabels.safeParse(labels ?? DEFAULT_SINGLE_LABELS);
    if (!parsed.success) return `SAGEMAKER_LABELS: ${z.prettifyError(parsed.error)}`;
    return { kind: "single", endpoint: single, labels: parsed.data };
  }
  const pair = CascadePair.safeParse(cascade);
  if (!pair.success) return `SAGEMAKER_CASCADE_ENDPOINTS: ${z.prettifyError(pair.error)}`;
  const parsed = CascadeLabels.safeParse(labels ?? DEFAULT_CASCADE_LABELS);
  if (!parsed.success) return `SAGEMAKER_LABELS: ${z.prettifyError(parsed.error)}`;
  const [questionEndpoint, requestEndpoint] = pair.data;
  return { kind: "cascade", questionEndpoint, requestEndpoint, labels: parsed.data };
}
