import type { IntentClassifier } from "../core/intent/types.ts";
import { embeddedClassifier } from "../core/intent/embedded.ts";
import type { Health } from "../core/protocol/api.ts";
import { answerBackendNames } from "./answers/config.ts";
import { createResilientClassifier } from "./adapters/resilient-classifier.ts";
import { createSageMakerClassifier } from "./adapters/sagemaker.ts";
import { parseSageMakerConfig, type SageMakerVars } from "./adapters/sagemaker-config.ts";

/**
 * One classifier per isolate and configuration: the SageMaker client, its connections and
 * the breaker's memory outlive requests. Keyed on the settings so a changed config (tests,
 * redeploys with new secrets) gets a fresh one.
 */
let cached: { key: string; classifier: IntentClassifier } | null = null;

/**
 * The intent classifier the hub uses: SageMaker (time-boxed, with a circuit breaker and the
 * embedded model as fallback) when configured, else the embedded model. A `classifyBatch`
 * that returns a promise comes from the remote path and never rejects.
 */
export function intentClassifier(env: SageMakerVars): IntentClassifier {
  const key = configKey(env);
  if (cached?.key !== key) cached = { key, classifier: buildClassifier(env) };
  return cached.classifier;
}

function buildClassifier(env: SageMakerVars): IntentClassifier {
  const parsed = parseSageMakerConfig(env);
  if (!parsed.ok) {
    // Misconfiguration degrades to the embedded model (every cloud backend has an embedded default) but says why, once per config.
    console.error(JSON.stringify({ event: "sagemaker-config-invalid", error: parsed.error }));
    return embeddedClassifier;
  }
  const config = parsed.config;
  if (config === null) return embeddedClassifier;
  return createResilientClassifier(createSageMakerClassifier(config), embeddedClassifier, {
    timeoutMs: config.timeoutMs,
    breakerFailures: config.breakerFailures,
    breakerCooldownMs: config.breakerCooldownMs,
  });
}

const CONFIG_KEYS = [
  "SAGEMAKER_ENDPOINT",
  "SAGEMAKER_CASCADE_ENDPOINTS",
  "SAGEMAKER_LABELS",
  "SAGEMAKER_ENDPOINT_URL",
  "SAGEMAKER_MAX_BATCH",
  "SAGEMAKER_TIMEOUT_MS",
  "SAGEMAKER_BREAKER_FAILURES",
  "SAGEMAKER_BREAKER_COOLDOWN_MS",
  "AWS_REGION",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
] as const satisfies readonly (keyof SageMakerVars)[];

function configKey(env: SageMakerVars): string {
  return JSON.stringify(CONFIG_KEYS.map((k) => env[k] ?? ""));
}

/** Which implementation runs behind each backend interface, for `GET /api/health`. */
export function backendNames(env: Env): Health["backends"] {
  return {
    intent: intentClassifier(env).name,
    ...answerBackendNames(env),
    // ChatCapture runs in Browser Rendering when it is bound; otherwise captures come from the local agent.
    capture: env.BROWSER ? "browser-rendering" : "local-agent",
  };
}
