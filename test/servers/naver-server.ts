/**
 * The Naver fixture's viewer API and Q&A endpoints (scripts/lib/naver-fixture/routes.ts, the
 * code `npm run fixture:naver` serves) as a local HTTP server for the workers tests, with
 * faults a test can script: Q&A requests that fail with an HTTP status, or answer slowly.
 *
 * Test control (under `/__test/`): `PUT /__test/qna {failStatus?, failCount?, delayMs?}`
 * (`failCount` -1: every request fails until the next PUT), `GET /__test/qna` →
 * `{inquiries, replies, failed}`, `DELETE /__test` back to healthy.
 */
import { createServer } from "node:http";
import * as z from "zod";
import { quietFixtureSite } from "../../scripts/lib/naver-fixture/quiet-site.ts";
import { DEFAULT_BROADCAST } from "../../scripts/lib/naver-fixture/routes.ts";
import { readBody, safeJson } from "./http-util.ts";

const QnaScript = z.object({
  failStatus: z.number().int().min(400).max(599).default(503),
  failCount: z.number().int().min(-1).default(0),
  delayMs: z.number().int().min(0).max(10_000).default(0),
});

export interface NaverServer {
  url: string;
  close(): Promise<void>;
}

export async function startNaverServer(): Promise<NaverServer> {
  const { hits, routes } = quietFixtureSite(DEFAULT_BROADCAST);
  let script = QnaScript.parse({});
  let failed = 0;

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://localhost");
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    if (url.pathname === "/__test/qna" && req.method === "PUT") {
      const parsed = QnaScript.safeParse(safeJson(body));
      if (!parsed.success) return json(400, { error: parsed.error.message });
      script = parsed.data;
      return json(200, script);
    }
    if (url.pathname === "/__test/qna")
      return json(200, { inquiries: hits.get("inquiries") ?? 0, replies: hits.get("replies") ?? 0, failed });
    if (url.pathname === "/__test" && req.method === "DELETE") {
      script = QnaScript.parse({});
      return json(200, {});
    }
    const qna = /PRODUCTINQUIRY|replies/.test(url.pathname);
    if (qna && script.delayMs > 0) await new Promise((r) => setTimeout(r, script.delayMs));
    if (qna && script.failCount !== 0) {
      if (script.failCount > 0) script.failCount--;
      failed++;
      return json(script.failStatus, { code: "UNAVAILABLE", message: "scripted failure" });
    }
    const answer = routes(url);
    if (!answer) return json(404, { code: "NOT_FOUND" });
    json(answer.status ?? 200, answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
