/**
 * A local SageMaker Runtime that speaks the real InvokeEndpoint wire protocol, for tests:
 * `POST /endpoints/{name}/invocations`, SigV4-verified against known test credentials, a
 * Hugging Face text-classification container behind it (`{"inputs":[...]}` →
 * `[{label, score}]`), and errors shaped as SageMaker sends them.
 *
 * The "model" is a deterministic rule, so results are checkable:
 * question = ends with "?"; request = contains "주세요" or "please"; otherwise general.
 * The endpoint name picks the model: `question-*` is the cascade's binary question model
 * (LABEL_1 = question, score 0.95), `request-*` its binary request model (LABEL_1 = request,
 * score 0.8), anything else a three-class model (LABEL_0 general, LABEL_1 request,
 * LABEL_2 question; score 0.9 for the best).
 *
 * Test control (unsigned, under `/__test/`):
 * - `PUT /__test/endpoints/{name}` with a `Script` sets behaviours and resets its counters;
 * - `GET /__test/endpoints/{name}` returns `{calls, batchSizes, rejected}`;
 * - `DELETE /__test` forgets every script and counter.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import * as z from "zod";
import { type EndpointStats, Script } from "./sagemaker-script.ts";
import { verifySigV4 } from "./sigv4.ts";
import { readBody, safeJson } from "./http-util.ts";

export interface SageMakerServer {
  url: string;
  close(): Promise<void>;
}

export interface SageMakerServerOptions {
  /** Access key id → secret accepted for SigV4. */
  credentials: Record<string, string>;
  port?: number;
}

const InvokeBody = z.object({ inputs: z.array(z.string()).min(1) });

/** Starts the server on 127.0.0.1 (a random port unless given). */
export async function startSageMakerServer(options: SageMakerServerOptions): Promise<SageMakerServer> {
  const scripts = new Map<string, Script>();
  const stats = new Map<string, EndpointStats>();
  const statsOf = (name: string) => {
    let s = stats.get(name);
    if (!s) stats.set(name, (s = { calls: 0, batchSizes: [], rejected: 0 }));
    return s;
  };

  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? "/", "http://localhost");
      const control = url.pathname.match(/^\/__test\/endpoints\/([^/]+)$/);
      if (control) return handleControl(req, res, decodeURIComponent(control[1]!), body);
      if (req.method === "DELETE" && url.pathname === "/__test") {
        scripts.clear();
        stats.clear();
        return send(res, 204, "");
      }
      const invoke = url.pathname.match(/^\/endpoints\/([^/]+)\/invocations$/);
      if (req.method !== "POST" || !invoke)
        return sendError(res, 404, "UnknownOperationException", "no such operation");
      const endpoint = decodeURIComponent(invoke[1]!);
      const auth = verifySigV4(req, body, options.credentials, "sagemaker");
      if (!auth.ok) {
        statsOf(endpoint).rejected++;
        return sendError(res, 403, auth.errorType, auth.message);
      }
      await handleInvoke(res, endpoint, req.headers["content-type"], body);
    } catch (err) {
      sendError(res, 500, "InternalFailure", err instanceof Error ? err.message : String(err));
    }
  });

  function handleControl(req: IncomingMessage, res: ServerResponse, endpoint: string, body: string) {
    if (req.method === "GET") return send(res, 200, JSON.stringify(statsOf(endpoint)));
    if (req.method !== "PUT") return sendError(res, 405, "MethodNotAllowed", "GET or PUT");
    const script = Script.safeParse(JSON.parse(body || "{}"));
    if (!script.success) return sendError(res, 400, "ValidationError", z.prettifyError(script.error));
    scripts.set(endpoint, script.data);
    stats.delete(endpoint);
    return send(res, 204, "");
  }

  async function handleInvoke(res: ServerResponse, endpoint: string, contentType: string | undefined, body: string) {
    const s = statsOf(endpoint);
    const script = scripts.get(endpoint) ?? Script.parse({});
    const behaviour = script.steps[s.calls] ?? script.otherwise;
    s.calls++;
    if (contentType !== "application/json") {
      return sendError(res, 400, "ValidationError", `unsupported ContentType ${contentType}`);
    }
    const parsed = InvokeBody.safeParse(safeJson(body));
    if (!parsed.success) return sendModelError(res, endpoint, "inputs must be a non-empty list of strings");
    s.batchSizes.push(parsed.data.inputs.length);
    switch (behaviour.kind) {
      case "ok":
        if (behaviour.delayMs) await sleep(behaviour.delayMs);
        return send(res, 200, JSON.stringify(parsed.data.inputs.map((t) => classify(endpoint, t, script))), {
          "x-amzn-invoked-production-variant": "AllTraffic",
        });
      case "throttle":
        return sendError(res, 429, "ThrottlingException", "Rate exceeded");
      case "status":
        return send(res, behaviour.status, "");
      case "malformed":
        return send(res, 200, behaviour.body);
      case "model-error":
        return sendModelError(res, endpoint, "CUDA out of memory");
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

type Scored = { label: string; score: number };

/** The deterministic "model": HF output for one input on this endpoint. */
export function classify(endpoint: string, text: string, script: Pick<Script, "labels" | "shape">): Scored | Scored[] {
  const question = text.trim().endsWith("?");
  const request = /주세요|please/i.test(text);
  const ids = script.labels === "ids";
  let ranked: Scored[];
  if (endpoint.startsWith("question-")) {
    ranked = binary(ids ? ["LABEL_0", "LABEL_1"] : ["other", "question"], question, 0.95);
  } else if (endpoint.startsWith("request-")) {
    ranked = binary(ids ? ["LABEL_0", "LABEL_1"] : ["general", "request"], request, 0.8);
  } else {
    const names = ids ? ["LABEL_0", "LABEL_1", "LABEL_2"] : ["general", "request", "question"];
    const best = question ? 2 : request ? 1 : 0;
    ranked = [best, ...[0, 1, 2].filter((i) => i !== best)].map((i, rank) => ({
      label: names[i]!,
      score: rank === 0 ? 0.9 : 0.05,
    }));
  }
  return script.shape === "topk" ? ranked : ranked[0]!;
}

/** A binary model's answer, best first: `[negative, positive]` labels, `score` for the winner. */
function binary([negative, positive]: [string, string], isPositive: boolean, score: number): Scored[] {
  const [winner, loser] = isPositive ? [positive, negative] : [negative, positive];
  return [
    { label: winner, score },
    { label: loser, score: Math.round((1 - score) * 100) / 100 },
  ];
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    "content-type": "application/json",
    "x-amzn-requestid": crypto.randomUUID(),
    ...headers,
  });
  res.end(body);
}

/** An AWS JSON error: the SDK reads the type from `x-amzn-errortype`. */
function sendError(res: ServerResponse, status: number, errorType: string, message: string) {
  send(res, status, JSON.stringify({ message }), { "x-amzn-errortype": errorType });
}

function sendModelError(res: ServerResponse, endpoint: string, message: string) {
  send(
    res,
    424,
    JSON.stringify({
      ErrorCode: "CLIENT_ERROR_FROM_MODEL",
      LogStreamArn: `arn:aws:logs:us-east-1:000000000000:log-group:/aws/sagemaker/Endpoints/${endpoint}`,
      OriginalMessage: message,
      OriginalStatusCode: 400,
      message: `Received client error (400) from primary with message "${message}".`,
    }),
    { "x-amzn-errortype": "ModelError:http://internal.amazon.com/coral/com.amazon.sagemaker/" },
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
