/**
 * Every route of the API and what it answers, named by the shared schema the route's code is
 * typed against and the dashboard parses with. A route that answers something other than JSON
 * (a socket, a CSV file) says so instead. api-shapes.test.ts fails when a route is missing
 * here, and when a real answer no longer parses with its schema.
 */
import type * as z from "zod";
import { AuditList, CreatedIngestToken, CreatedMember, Me, MemberList } from "../../core/auth/api.ts";
import { DraftResponse } from "../../core/answers/api.ts";
import {
  AnswerOutcome,
  BenefitsSaved,
  BroadcastList,
  BroadcastSummary,
  CaptureAnswer,
  CrawlAnswer,
  CreatedBroadcast,
  Health,
  IngestAck,
  Knowledge,
  NoContent,
  ProductDetailsSaved,
  ProductList,
  ProductSaved,
  PublishedAnswerList,
  QnaList,
  QnaSaved,
  SetupResult,
  RevealedChat,
  YouTubeDeleted,
  YouTubePosted,
  YouTubeTimedOut,
} from "../../core/protocol/index.ts";
import { BroadcastReport } from "../../core/report/types.ts";

export type Answer = z.ZodType | "socket" | "csv" | "jsonl";

/** Keyed "METHOD /path/:param" exactly as Hono lists the route. */
export const API_ANSWERS: Record<string, Answer> = {
  "POST /api/session": NoContent,
  "DELETE /api/session": NoContent,
  "GET /api/me": Me,
  "GET /api/members": MemberList,
  "POST /api/members": CreatedMember,
  "POST /api/members/:id/token": CreatedMember,
  "DELETE /api/members/:id": NoContent,
  "GET /api/audit": AuditList,
  "GET /api/health": Health,
  "GET /api/broadcasts": BroadcastList,
  "POST /api/broadcasts": CreatedBroadcast,
  "GET /api/broadcasts/:id": BroadcastSummary,
  "GET /api/broadcasts/:id/chats.csv": "csv",
  "GET /api/broadcasts/:id/chats.jsonl": "jsonl",
  "GET /api/broadcasts/:id/board": "socket",
  "GET /api/broadcasts/:id/ingest": "socket",
  "POST /api/broadcasts/:id/chats": IngestAck,
  "POST /api/broadcasts/:id/setup": SetupResult,
  "POST /api/broadcasts/:id/setup/crawl": CrawlAnswer,
  "GET /api/broadcasts/:id/setup": CrawlAnswer,
  "POST /api/broadcasts/:id/capture": CaptureAnswer,
  "DELETE /api/broadcasts/:id/capture": CaptureAnswer,
  "GET /api/broadcasts/:id/capture": CaptureAnswer,
  "GET /api/broadcasts/:id/answers": PublishedAnswerList,
  "POST /api/broadcasts/:id/answers": AnswerOutcome,
  "PATCH /api/broadcasts/:id/answers/:answerId": AnswerOutcome,
  "DELETE /api/broadcasts/:id/answers/:answerId": AnswerOutcome,
  "POST /api/broadcasts/:id/answers/draft": DraftResponse,
  "GET /api/broadcasts/:id/knowledge": Knowledge,
  "PATCH /api/broadcasts/:id/knowledge": Knowledge,
  "GET /api/broadcasts/:id/products": ProductList,
  "PUT /api/broadcasts/:id/products/:key/details": ProductDetailsSaved,
  "GET /api/broadcasts/:id/qna": QnaList,
  "POST /api/broadcasts/:id/qna": QnaSaved,
  "PUT /api/broadcasts/:id/qna/:qnaId": QnaSaved,
  "PUT /api/broadcasts/:id/products/:key": ProductSaved,
  "PUT /api/broadcasts/:id/benefits": BenefitsSaved,
  "POST /api/broadcasts/:id/ingest-tokens": CreatedIngestToken,
  "DELETE /api/broadcasts/:id/ingest-tokens/:tokenId": NoContent,
  "GET /api/broadcasts/:id/report": BroadcastReport,
  "GET /api/broadcasts/:id/report.csv": "csv",
  "GET /api/broadcasts/:id/answers.csv": "csv",
  "POST /api/broadcasts/:id/end": BroadcastSummary,
  "DELETE /api/broadcasts/:id": NoContent,
  "POST /api/broadcasts/:id/answers/:answerId/youtube": YouTubePosted,
  "POST /api/broadcasts/:id/youtube/chats/:commentNo/delete": YouTubeDeleted,
  "POST /api/broadcasts/:id/chats/:seq/reveal": RevealedChat,
  "POST /api/broadcasts/:id/youtube/chats/:commentNo/timeout": YouTubeTimedOut,
  "GET /api/viewer/naver/:naverId": "socket",
  "GET /api/viewer/broadcasts/:id": "socket",
};

/**
 * Parses a real answer of `route` with its schema: a 2xx status, JSON (or no body for
 * NoContent), every field as declared. Throws naming the route and the first field that drifted.
 */
export async function expectAnswer(route: string, res: Response): Promise<unknown> {
  const schema = API_ANSWERS[route];
  if (!schema || typeof schema === "string") throw new Error(`${route}: no JSON schema registered`);
  const text = await res.text();
  if (res.status < 200 || res.status > 299) throw new Error(`${route}: status ${res.status}: ${text}`);
  if (res.status !== 204 && !res.headers.get("content-type")?.startsWith("application/json")) {
    throw new Error(`${route}: content-type ${res.headers.get("content-type")}`);
  }
  const body: unknown = res.status === 204 ? null : JSON.parse(text);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${route}: answer does not match its schema at ${issue?.path.join(".") || "(body)"}: ${issue?.message}\n${text.slice(0, 500)}`,
    );
  }
  return parsed.data;
}
