/**
 * The SageMaker intent backend inside workerd, against the local SageMaker Runtime
 * (test/servers/sagemaker-server.ts): real SDK, real SigV4, real HTTP. The server's model
 * rule: ends with "?" → question; contains "주세요"/"please" → request; else general.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { embeddedClassifier } from "../../core/intent/embedded.ts";
import type { IntentResult } from "../../core/intent/types.ts";
import {
  createResilientClassifier,
  hasClassifierStats,
  type ResilientOptions,
} from "../../server/adapters/resilient-classifier.ts";
import { createSageMakerClassifier, SageMakerError, type SageMakerTuning } from "../../server/adapters/sagemaker.ts";
import { parseSageMakerConfig, type SageMakerVars } from "../../server/adapters/sagemaker-config.ts";
import { intentClassifier } from "../../server/backends.ts";
import { TEST_AWS_CREDENTIALS, TEST_AWS_REGION } from "../servers/sagemaker-credentials.ts";
import type { Behaviour, EndpointStats } from "../servers/sagemaker-script.ts";

const SERVER = env.TEST_SAGEMAKER_URL;
const TEXTS = ["이거 사이즈 어떻게 돼요?", "블랙 한번 보여주세요", "와 예쁘다 ㅋㅋ", "배송 언제 와요?"];
const EXPECTED = ["question", "request", "general", "question"];

/** A fresh endpoint name per test, so scripts and counters never leak between tests. */
const endpointName = (model: "intent" | "question" | "request") => `${model}-${crypto.randomUUID().slice(0, 8)}`;

async function script(
  endpoint: string,
  body: { steps?: Behaviour[]; otherwise?: Behaviour; labels?: string; shape?: string },
) {
  const res = await fetch(`${SERVER}/__test/endpoints/${endpoint}`, { method: "PUT", body: JSON.stringify(body) });
  expect(res.status).toBe(204);
}

async function stats(endpoint: string): Promise<EndpointStats> {
  return (await fetch(`${SERVER}/__test/endpoints/${endpoint}`)).json();
}

function vars(overrides: SageMakerVars): SageMakerVars {
  return {
    AWS_REGION: TEST_AWS_REGION,
    AWS_ACCESS_KEY_ID: TEST_AWS_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_AWS_CREDENTIALS.secretAccessKey,
    SAGEMAKER_ENDPOINT_URL: SERVER,
    ...overrides,
  };
}

function config(overrides: SageMakerVars) {
  const parsed = parseSageMakerConfig(vars(overrides));
  if (!parsed.ok || parsed.config === null) throw new Error(`bad test config: ${JSON.stringify(parsed)}`);
  return parsed.config;
}

function classifier(overrides: SageMakerVars, tuning: SageMakerTuning = {}) {
  return createSageMakerClassifier(config(overrides), { backoffMs: 5, ...tuning });
}

async function failure(promise: Promise<unknown>): Promise<SageMakerError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SageMakerError);
  return err as SageMakerError; // checked by the line above
}

const intents = (results: IntentResult[]) => results.map((r) => r.intent);

describe("SageMaker classifier", () => {
  it("classifies with a three-class endpoint through the LABEL_n mapping, one signed call", async () => {
    const endpoint = endpointName("intent");
    const results = await classifier({ SAGEMAKER_ENDPOINT: endpoint }).classifyBatch(TEXTS);
    expect(intents(results)).toEqual(EXPECTED);
    expect(results.every((r) => r.confidence === 0.9)).toBe(true);
    expect(await stats(endpoint)).toEqual({ calls: 1, batchSizes: [4], rejected: 0 });
  });

  it("accepts class-name labels and takes the best candidate of a top-k answer", async () => {
    const endpoint = endpointName("intent");
    await script(endpoint, { labels: "names", shape: "topk" });
    const results = await classifier({ SAGEMAKER_ENDPOINT: endpoint }).classifyBatch(TEXTS);
    expect(intents(results)).toEqual(EXPECTED);
  });

  it("cascades: question endpoint on every chat, request endpoint on the rest, product confidence", async () => {
    const q = endpointName("question");
    const r = endpointName("request");
    const c = classifier({ SAGEMAKER_CASCADE_ENDPOINTS: `${q},${r}` });
    expect(c.name).toBe("sagemaker-cascade");
    const results = await c.classifyBatch(TEXTS);
    expect(results).toEqual([
      { intent: "question", confidence: 0.95 },
      { intent: "request", confidence: 0.95 * 0.8 },
      { intent: "general", confidence: 0.95 * 0.8 },
      { intent: "question", confidence: 0.95 },
    ]);
    expect((await stats(q)).batchSizes).toEqual([4]);
    expect((await stats(r)).batchSizes).toEqual([2]);
  });

  it("splits a large batch into calls of at most SAGEMAKER_MAX_BATCH, answers in order", async () => {
    const endpoint = endpointName("intent");
    const texts = Array.from({ length: 70 }, (_, i) => TEXTS[i % 4]!);
    const results = await classifier({ SAGEMAKER_ENDPOINT: endpoint, SAGEMAKER_MAX_BATCH: "32" }).classifyBatch(texts);
    expect(intents(results)).toEqual(texts.map((_, i) => EXPECTED[i % 4]));
    const s = await stats(endpoint);
    expect(s.calls).toBe(3);
    expect(s.batchSizes.toSorted((a, b) => a - b)).toEqual([6, 32, 32]);
  });

  it("retries ThrottlingException with a short backoff and then succeeds", async () => {
    const endpoint = endpointName("intent");
    await script(endpoint, { steps: [{ kind: "throttle" }, { kind: "throttle" }] });
    const results = await classifier({ SAGEMAKER_ENDPOINT: endpoint }).classifyBatch(TEXTS);
    expect(intents(results)).toEqual(EXPECTED);
    expect((await stats(endpoint)).calls).toBe(3);
  });

  it("gives up after maxAttempts throttled calls", async () => {
    const endpoint = endpointName("intent");
    await script(endpoint, { otherwise: { kind: "throttle" } });
    const err = await failure(classifier({ SAGEMAKER_ENDPOINT: endpoint }, { maxAttempts: 2 }).classifyBatch(TEXTS));
    expect(err).toMatchObject({ code: "throttled", status: 429 });
    expect((await stats(endpoint)).calls).toBe(2);
  });

  it("maps a bare 429 to throttled and a bare 500 to a server error that is not retried", async () => {
    const e429 = endpointName("intent");
    await script(e429, { steps: [{ kind: "status", status: 429 }] });
    expect(intents(await classifier({ SAGEMAKER_ENDPOINT: e429 }).classifyBatch(TEXTS))).toEqual(EXPECTED);
    expect((await stats(e429)).calls).toBe(2);

    const e500 = endpointName("intent");
    await script(e500, { otherwise: { kind: "status", status: 500 } });
    const err = await failure(classifier({ SAGEMAKER_ENDPOINT: e500 }).classifyBatch(TEXTS));
    expect(err).toMatchObject({ code: "server", status: 500 });
    expect((await stats(e500)).calls).toBe(1);
  });

  it("reports a ModelError (424) as a model error", async () => {
    const endpoint = endpointName("intent");
    await script(endpoint, { otherwise: { kind: "model-error" } });
    const err = await failure(classifier({ SAGEMAKER_ENDPOINT: endpoint }).classifyBatch(TEXTS));
    expect(err).toMatchObject({ code: "model", status: 424 });
  });

  it("aborts a call that outlives its timeout", async () => {
    const endpoint = endpointName("intent");
    await script(endpoint, { otherwise: { kind: "ok", delayMs: 2000 } });
    const err = await failure(
      classifier({ SAGEMAKER_ENDPOINT: endpoint }, { callTimeoutMs: 100 }).classifyBatch(TEXTS),
    );
    expect(err.code).toBe("timeout");
    expect(err.message).toMatch(/within 100 ms/);
  });

  it.each([
    ["not JSON", "<html>502 Bad Gateway</html>", /not JSON/],
    ["not a list", '{"error":"boom"}', /not \[\{label, score\}\] per input/],
    [
      "a score out of range",
      JSON.stringify(TEXTS.map(() => ({ label: "LABEL_0", score: 7 }))),
      /not \[\{label, score\}\]/,
    ],
    ["the wrong count", '[{"label":"LABEL_0","score":0.9}]', /expected 4 predictions, got 1/],
    [
      "an unknown label",
      JSON.stringify(TEXTS.map(() => ({ label: "LABEL_9", score: 0.9 }))),
      /unknown label "LABEL_9"/,
    ],
  ])("rejects a body with %s, naming the problem", async (_, body, message) => {
    const endpoint = endpointName("intent");
    await script(endpoint, { otherwise: { kind: "malformed", body } });
    const err = await failure(classifier({ SAGEMAKER_ENDPOINT: endpoint }).classifyBatch(TEXTS));
    expect(err.code).toBe("malformed");
    expect(err.message).toMatch(message);
    expect(err.message).toContain(endpoint);
  });

  it("signs requests with SigV4: the server refuses a wrong secret", async () => {
    const endpoint = endpointName("intent");
    const c = classifier({ SAGEMAKER_ENDPOINT: endpoint, AWS_SECRET_ACCESS_KEY: "not-the-secret" });
    const err = await failure(c.classifyBatch(TEXTS));
    expect(err).toMatchObject({ code: "client", status: 403 });
    expect(err.message).toMatch(/InvalidSignatureException/);
    expect(await stats(endpoint)).toMatchObject({ calls: 0, rejected: 1 });
  });
});

describe("resilient classifier", () => {
  const embedded = () => embeddedClassifier.classifyBatch(TEXTS);
  const resilient = (endpoint: string, options: Partial<ResilientOptions> = {}) =>
    createResilientClassifier(classifier({ SAGEMAKER_ENDPOINT: endpoint }), embeddedClassifier, {
      timeoutMs: 300,
      breakerFailures: 3,
      breakerCooldownMs: 10_000,
      log: () => {},
      ...options,
    });

  it("answers from the embedded model within the time box when the endpoint is slow", async () => {
    const endpoint = endpointName("intent");
    await script(endpoint, { otherwise: { kind: "ok", delayMs: 3000 } });
    const c = resilient(endpoint, { timeoutMs: 150 });
    const started = Date.now();
    const results = await c.classifyBatch(TEXTS);
    expect(Date.now() - started).toBeLessThan(2000); // well before the server would answer
    expect(results).toEqual(embedded());
    expect(c.stats()).toMatchObject({ remoteOk: 0, remoteFailed: 1, timeouts: 1, fallbacks: 1, fallbackChats: 4 });
  });

  it("answers from the embedded model when the body is malformed, and says why", async () => {
    const endpoint = endpointName("intent");
    await script(endpoint, { steps: [{ kind: "malformed", body: "garbage" }] });
    const c = resilient(endpoint);
    expect(await c.classifyBatch(TEXTS)).toEqual(embedded());
    expect(c.stats().lastError).toMatch(/not JSON/);
    // The next batch goes remote again and succeeds.
    expect((await c.classifyBatch(TEXTS)).every((r) => r.confidence === 0.9)).toBe(true);
    expect(c.stats()).toMatchObject({
      remoteOk: 1,
      remoteFailed: 1,
      fallbacks: 1,
      breaker: "closed",
      consecutiveFailures: 0,
    });
  });

  it("opens the breaker after repeated failures, stops calling, then probes and closes after the cooldown", async () => {
    const endpoint = endpointName("intent");
    await script(endpoint, { otherwise: { kind: "status", status: 500 } });
    const c = resilient(endpoint, { breakerFailures: 3, breakerCooldownMs: 200 });
    for (let i = 0; i < 5; i++) expect(await c.classifyBatch(TEXTS)).toEqual(embedded());
    expect((await stats(endpoint)).calls).toBe(3); // batches 4 and 5 never left the isolate
    expect(c.stats()).toMatchObject({ breaker: "open", remoteFailed: 3, fallbacks: 5, consecutiveFailures: 3 });

    // A failed probe reopens it for another cooldown.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(c.stats().breaker).toBe("half-open");
    await c.classifyBatch(TEXTS);
    expect((await stats(endpoint)).calls).toBe(4);
    expect(c.stats().breaker).toBe("open");

    // The endpoint recovers: the next probe succeeds and closes the breaker.
    await script(endpoint, {});
    await new Promise((resolve) => setTimeout(resolve, 250));
    const results = await c.classifyBatch(TEXTS);
    expect(intents(results)).toEqual(EXPECTED);
    expect(results.every((r) => r.confidence === 0.9)).toBe(true);
    expect(c.stats()).toMatchObject({ breaker: "closed", remoteOk: 1, consecutiveFailures: 0 });
    expect((await stats(endpoint)).calls).toBe(1);
  });
});

describe("intentClassifier(env)", () => {
  it("is the embedded model when SageMaker is not configured", () => {
    expect(intentClassifier(env)).toBe(embeddedClassifier);
  });

  it("is the resilient SageMaker classifier when configured, built once per config", async () => {
    const endpoint = endpointName("intent");
    const configured = { ...env, ...vars({ SAGEMAKER_ENDPOINT: endpoint }) };
    const c = intentClassifier(configured);
    expect(c.name).toBe("sagemaker");
    expect(intentClassifier({ ...configured })).toBe(c);
    expect(intents(await c.classifyBatch(TEXTS))).toEqual(EXPECTED);
    expect(hasClassifierStats(c) && c.stats()).toMatchObject({ backend: "sagemaker", remoteOk: 1, breaker: "closed" });
    expect(hasClassifierStats(embeddedClassifier)).toBe(false);
    const cascade = intentClassifier({ ...env, ...vars({ SAGEMAKER_CASCADE_ENDPOINTS: "question-a,request-b" }) });
    expect(cascade.name).toBe("sagemaker-cascade");
  });

  it("falls back to the embedded model when the config is unusable", () => {
    const noSecrets = { ...env, SAGEMAKER_ENDPOINT: "intent-x", AWS_REGION: TEST_AWS_REGION };
    expect(intentClassifier(noSecrets)).toBe(embeddedClassifier);
    expect(parseSageMakerConfig(vars({ SAGEMAKER_CASCADE_ENDPOINTS: "only-one" }))).toMatchObject({ ok: false });
    expect(
      parseSageMakerConfig(vars({ SAGEMAKER_ENDPOINT: "a", SAGEMAKER_LABELS: '{"LABEL_0":"spam"}' })),
    ).toMatchObject({
      ok: false,
    });
  });
});
