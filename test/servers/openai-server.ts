/**
 * A local OpenAI-compatible chat endpoint (`POST /v1/chat/completions`, Bearer key, the
 * `choices[0].message.content` reply shape, OpenAI's `{error:{message,type,code}}` errors), as
 * OpenAI, Upstage Solar, vLLM and Ollama speak it. The model name picks a scripted behaviour
 * (test/servers/llm-script.ts: `liveq-script:faithful`, `…:number`, …); `liveq-fail` answers 500.
 *
 * Test control: `GET /__test/requests` lists received bodies; `DELETE` forgets them.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import * as z from "zod";
import { readBody, safeJson } from "./http-util.ts";
import { SCRIPT_MODES, scriptedReply, type ScriptMode } from "./llm-script.ts";

export const OPENAI_TEST_KEY = "test-openai-key";
export const OPENAI_FAILING_MODEL = "liveq-fail";

export interface OpenAIServer {
  /** Base URL including `/v1`, as OPENAI_BASE_URL takes it. */
  url: string;
  close(): Promise<void>;
}

const Body = z.object({
  model: z.string(),
  messages: z.array(z.object({ role: z.enum(["system", "user", "assistant"]), content: z.string() })).min(1),
});

/** Starts the server on 127.0.0.1 with a random port. */
export async function startOpenAIServer(): Promise<OpenAIServer> {
  const requests: unknown[] = [];
  const server = createServer((req, res) => {
    handle(req, res, requests).catch((err: unknown) => send(res, 500, error(String(err), "server_error")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return {
    url: `http://127.0.0.1:${address.port}/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, requests: unknown[]) {
  const url = new URL(req.url ?? "/", "http://local");
  if (url.pathname === "/__test/requests") {
    if (req.method === "DELETE") requests.length = 0;
    return send(res, 200, requests);
  }
  const body = safeJson(await readBody(req));
  requests.push(body);
  if (req.method !== "POST" || url.pathname !== "/v1/chat/completions")
    return send(res, 404, error("Unknown route", "invalid_request_error"));
  if (req.headers.authorization !== `Bearer ${OPENAI_TEST_KEY}`)
    return send(res, 401, error("Incorrect API key provided", "invalid_request_error", "invalid_api_key"));
  const parsed = Body.safeParse(body);
  if (!parsed.success) return send(res, 400, error("'messages' is a required property", "invalid_request_error"));
  if (parsed.data.model === OPENAI_FAILING_MODEL)
    return send(res, 500, error("The server had an error", "server_error"));
  const mode = parsed.data.model.replace(/^liveq-script:/, "") as ScriptMode;
  if (!SCRIPT_MODES.includes(mode))
    return send(
      res,
      404,
      error(`The model '${parsed.data.model}' does not exist`, "invalid_request_error", "model_not_found"),
    );
  const prompt = parsed.data.messages
    .filter((m) => m.role === "user")
    .map((m) => m.content)
    .join("\n");
  send(res, 200, {
    id: `chatcmpl-${requests.length}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: parsed.data.model,
    choices: [
      { index: 0, message: { role: "assistant", content: scriptedReply(mode, prompt) }, finish_reason: "stop" },
    ],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  });
}

function error(message: string, type: string, code: string | null = null) {
  return { error: { message, type, param: null, code } };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
