/**
 * A local Workers AI REST endpoint for tests, speaking the shape `ChatCloudflareWorkersAI`
 * uses: `POST {base}/{model}` with `Authorization: Bearer <token>` and `{messages, stream}`
 * → `{result:{response}, success:true}`, or Server-Sent Events (`data: {"response":…}` …
 * `data: [DONE]`) when `stream` is true. Errors come as Cloudflare's `{success:false, errors}`.
 *
 * The "model" is a deterministic reader of the prompt, so results are checkable: it finds
 * the numbered source (`[n] …`) sharing the most 2-character pieces with the question and
 * answers "안녕하세요! <source text> [n]" (the greeting tests that the drafter strips it), or
 * the abstention sentence when no source shares any. The model WORKERS_AI_FAILING_MODEL answers 500.
 *
 * Test control: `GET /__test/requests` lists the received bodies and auth headers;
 * `DELETE /__test/requests` forgets them.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import * as z from "zod";

import { WORKERS_AI_FAILING_MODEL, WORKERS_AI_TEST_TOKEN } from "./workers-ai-credentials.ts";
import { readBody, safeJson } from "./http-util.ts";

export interface WorkersAiServer {
  url: string;
  close(): Promise<void>;
}

const ChatBody = z.object({
  messages: z.array(z.object({ role: z.enum(["system", "user", "assistant"]), content: z.string() })).min(1),
  stream: z.boolean().optional(),
});

/** The rule-based "model" (exported for the server's own tests). */
export function ruleReply(prompt: string): string {
  const question = /질문:\s*(.+)$/m.exec(prompt)?.[1] ?? "";
  const pieces = (s: string) =>
    new Set([...s.replace(/\s+/g, "")].flatMap((_, i, a) => (i + 1 < a.length ? [a[i]! + a[i + 1]!] : [])));
  const asked = pieces(question);
  let best: { n: string; text: string; shared: number } | null = null;
  for (const m of prompt.matchAll(/^\[(\d+)\] (.+)$/gm)) {
    const shared = [...pieces(m[2]!)].filter((p) => asked.has(p)).length;
    if (shared > 0 && (!best || shared > best.shared)) best = { n: m[1]!, text: m[2]!, shared };
  }
  return best ? `안녕하세요! ${best.text.replace(/[.]$/, "")}입니다 [${best.n}]` : "답변을 생성할 수 없습니다.";
}

/** Starts the server on 127.0.0.1 with a random port. */
export async function startWorkersAiServer(): Promise<WorkersAiServer> {
  const requests: { path: string; authorization: string; body: unknown }[] = [];
  const server = createServer((req, res) => {
    handle(req, res, requests).catch((err: unknown) =>
      send(res, 500, { success: false, errors: [{ message: String(err) }] }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  requests: { path: string; authorization: string; body: unknown }[],
) {
  const url = new URL(req.url ?? "/", "http://local");
  if (url.pathname === "/__test/requests") {
    if (req.method === "DELETE") requests.length = 0;
    return send(res, 200, requests);
  }
  const raw = await readBody(req);
  const body = safeJson(raw);
  requests.push({ path: url.pathname, authorization: req.headers.authorization ?? "", body });
  if (req.method !== "POST" || !/\/ai\/run\/@cf\/.+/.test(url.pathname))
    return send(res, 404, error(7000, "No route for that URI"));
  if (req.headers.authorization !== `Bearer ${WORKERS_AI_TEST_TOKEN}`)
    return send(res, 401, error(10000, "Authentication error"));
  const parsed = ChatBody.safeParse(body);
  if (!parsed.success) return send(res, 400, error(5006, "Error: required properties at '/' are 'messages'"));
  const prompt = parsed.data.messages
    .filter((m) => m.role === "user")
    .map((m) => m.content)
    .join("\n");
  if (url.pathname.endsWith(WORKERS_AI_FAILING_MODEL)) return send(res, 500, error(3001, "Unknown internal error"));
  const reply = ruleReply(prompt);
  if (!parsed.data.stream)
    return send(res, 200, { result: { response: reply }, success: true, errors: [], messages: [] });
  res.writeHead(200, { "content-type": "text/event-stream" });
  for (const piece of reply.match(/.{1,8}/gsu) ?? []) res.write(`data: ${JSON.stringify({ response: piece })}\n\n`);
  res.end("data: [DONE]\n\n");
}

function error(code: number, message: string) {
  return { result: null, success: false, errors: [{ code, message }], messages: [] };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
