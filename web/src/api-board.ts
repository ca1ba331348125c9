import { DraftResponse } from "../../core/answers/api.ts";
import {
  AnswerOutcome,
  CaptureAnswer,
  CrawlAnswer,
  Knowledge,
  ProductDetailsSaved,
  ProductList,
  PublishedAnswerList,
  SetupResult,
  type CaptureStatus,
  type PublishAnswer,
} from "../../core/protocol/index.ts";
import { jsonBody, request } from "./api.ts";

function base(id: string): string {
  return `/api/broadcasts/${encodeURIComponent(id)}`;
}

/** Setup: read the broadcast from Naver, resume the Q&A crawl, follow its progress. */
export const setupApi = {
  run: (id: string, naverUrl?: string) =>
    request(SetupResult, `${base(id)}/setup`, jsonBody("POST", naverUrl ? { naverUrl } : {})),
  resumeCrawl: (id: string) => request(CrawlAnswer, `${base(id)}/setup/crawl`, { method: "POST" }),
  progress: (id: string) => request(CrawlAnswer, `${base(id)}/setup`),
};

/** The knowledge answers are drafted from. */
export const knowledgeApi = {
  get: (id: string) => request(Knowledge, `${base(id)}/knowledge`),
  saveNotes: (id: string, notes: string[]) => request(Knowledge, `${base(id)}/knowledge`, jsonBody("PATCH", { notes })),
  products: (id: string) => request(ProductList, `${base(id)}/products`),
  saveDetails: (id: string, key: string, details: string[]) =>
    request(
      ProductDetailsSaved,
      `${base(id)}/products/${encodeURIComponent(key)}/details`,
      jsonBody("PUT", { details }),
    ),
};

/** Drafting and publishing answers to viewers. */
export const answersApi = {
  draft: (id: string, question: string, productKey?: string) =>
    request(
      DraftResponse,
      `${base(id)}/answers/draft`,
      jsonBody("POST", productKey ? { question, productKey } : { question }),
    ),
  list: (id: string) => request(PublishedAnswerList, `${base(id)}/answers?status=published`),
  publish: (id: string, body: PublishAnswer) => request(AnswerOutcome, `${base(id)}/answers`, jsonBody("POST", body)),
  edit: (id: string, answerId: string, body: { question?: string; answer?: string }) =>
    request(AnswerOutcome, `${base(id)}/answers/${encodeURIComponent(answerId)}`, jsonBody("PATCH", body)),
  unpublish: (id: string, answerId: string) =>
    request(AnswerOutcome, `${base(id)}/answers/${encodeURIComponent(answerId)}`, { method: "DELETE" }),
};

/** Chat capture of the broadcast: the live page in a browser, or the replay simulator (rehearsal). */
export type CaptureStart =
  | { kind: "browser"; url?: string }
  | { kind: "replay"; ratePerMin?: number }
  | { kind: "youtube"; video?: string };

const captureStatus = (answer: CaptureAnswer): CaptureStatus => answer.status;

export const captureApi = {
  start: (id: string, body: CaptureStart) =>
    request(CaptureAnswer, `${base(id)}/capture`, jsonBody("POST", body)).then(captureStatus),
  stop: (id: string) => request(CaptureAnswer, `${base(id)}/capture`, { method: "DELETE" }).then(captureStatus),
  status: (id: string) => request(CaptureAnswer, `${base(id)}/capture`).then(captureStatus),
};
