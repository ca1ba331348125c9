/**
 * What the dashboard's API routes answer, defined once: the Worker's routes check their bodies
 * against these types (`satisfies`), the dashboard parses every answer with the same schemas,
 * and test/workers/api-shapes.test.ts parses real answers of every route with them. A changed
 * answer therefore fails the typecheck or that test, not the page.
 */
import * as z from "zod";
import { CaptureStatus } from "./board.ts";
import { PublishedAnswer } from "./viewer.ts";

/** A product as the knowledge routes return it (D1 row: Naver's fields plus the manager's details). */
export const Product = z.object({
  key: z.string(),
  productNo: z.string().nullable(),
  name: z.string(),
  brandName: z.string().nullable(),
  mallName: z.string().nullable(),
  image: z.string().nullable(),
  price: z.number().nullable(),
  salePrice: z.number().nullable(),
  discountRate: z.number().nullable(),
  status: z.string().nullable(),
  url: z.string().nullable(),
  details: z.array(z.string()),
});
export type Product = z.infer<typeof Product>;

/** A product Q&A pair (crawled, or written by a manager). */
export const QnaPair = z.object({
  id: z.string(),
  productKey: z.string().nullable(),
  question: z.string(),
  answer: z.string(),
});
export type QnaPair = z.infer<typeof QnaPair>;

/** `GET|PATCH /api/broadcasts/:id/knowledge`: what answers are drafted from. */
export const Knowledge = z.object({
  title: z.string(),
  description: z.string(),
  notes: z.array(z.string()),
  products: z.array(Product),
  qna: z.array(QnaPair),
  benefits: z.array(z.string()),
});
export type Knowledge = z.infer<typeof Knowledge>;

/** `GET /api/broadcasts/:id/products`. */
export const ProductList = z.object({ products: z.array(Product) });
export type ProductList = z.infer<typeof ProductList>;

/** `GET /api/broadcasts/:id/qna`: stored pairs (an empty `productKey`: about the whole broadcast). */
export const QnaList = z.object({
  qna: z.array(z.object({ id: z.string(), productKey: z.string(), question: z.string(), answer: z.string() })),
});
export type QnaList = z.infer<typeof QnaList>;

/** `PUT /api/broadcasts/:id/products/:key/details`: the lines now stored. */
export const ProductDetailsSaved = z.object({ key: z.string(), details: z.array(z.string()) });
/** `PUT /api/broadcasts/:id/products/:key`. */
export const ProductSaved = z.object({ key: z.string() });
/** `POST /api/broadcasts/:id/qna` (201) and `PUT /api/broadcasts/:id/qna/:qnaId`. */
export const QnaSaved = z.object({ id: z.string() });
/** `PUT /api/broadcasts/:id/benefits`: the lines now stored. */
export const BenefitsSaved = z.object({ coupons: z.array(z.string()), benefits: z.array(z.string()) });

/** The product Q&A crawl's progress (null before any setup ran). */
export const CrawlProgress = z.object({
  status: z.enum(["running", "paused", "done", "failed"]),
  nextPage: z.number().int(),
  productsTotal: z.number().int(),
  productsLeft: z.number().int(),
  qnaStored: z.number().int(),
  secretSkipped: z.number().int(),
  requests: z.number().int(),
  error: z.string().nullable(),
  updatedAt: z.number().int(),
});
export type CrawlProgress = z.infer<typeof CrawlProgress>;

/** `GET /api/broadcasts/:id/setup` and `POST .../setup/crawl` (202). */
export const CrawlAnswer = z.object({ crawl: CrawlProgress.nullable() });
export type CrawlAnswer = z.infer<typeof CrawlAnswer>;

/** `POST /api/broadcasts/:id/setup`: what was read from Naver, and the crawl it started. */
export const SetupResult = z.object({
  naverId: z.string(),
  title: z.string(),
  status: z.string().nullable(),
  products: z.number().int(),
  coupons: z.number().int(),
  benefits: z.number().int(),
  /** Items Naver sent that did not parse (skipped). */
  malformed: z.number().int(),
  /** Optional parts that could not be read ("coupons", "products page 2"). */
  failures: z.array(z.string()),
  crawl: CrawlProgress.nullable(),
});
export type SetupResult = z.infer<typeof SetupResult>;

/** What one relay to the viewer shards reached: shards that stored and sent the event, and their viewers. */
export const RelayOutcome = z.object({
  shards: z.number().int(),
  failedShards: z.number().int(),
  viewers: z.number().int(),
  /** The failed shards are in the hub's outbox and retried until they confirm. */
  retrying: z.boolean(),
});
export type RelayOutcome = z.infer<typeof RelayOutcome>;

/** Publishing, editing and unpublishing answers: the stored row and how far the relay reached (null: not at all). */
export const AnswerOutcome = z.object({ answer: PublishedAnswer, relay: RelayOutcome.nullable() });
export type AnswerOutcome = z.infer<typeof AnswerOutcome>;

/** `GET|POST|DELETE /api/broadcasts/:id/capture`: the capture's state. */
export const CaptureAnswer = z.object({ status: CaptureStatus });
export type CaptureAnswer = z.infer<typeof CaptureAnswer>;

/** `POST /api/broadcasts/:id/answers/:answerId/youtube`: the text posted (cut to YouTube's limit) and what was cut. */
export const YouTubePosted = z.object({
  posted: z.literal(true),
  messageId: z.string().nullable(),
  text: z.string(),
  cut: z.string(),
});
export type YouTubePosted = z.infer<typeof YouTubePosted>;
/** `POST /api/broadcasts/:id/youtube/chats/:commentNo/delete`. */
export const YouTubeDeleted = z.object({ deleted: z.literal(true), commentNo: z.number().int() });
/** `POST /api/broadcasts/:id/youtube/chats/:commentNo/timeout`. */
export const YouTubeTimedOut = z.object({
  timedOut: z.literal(true),
  commentNo: z.number().int(),
  seconds: z.number().int(),
});

/** `POST /api/broadcasts/:id/chats/:seq/reveal`: a held chat's unmasked text (audited before it is returned). */
export const RevealedChat = z.object({ seq: z.number().int(), message: z.string(), category: z.string().nullable() });
export type RevealedChat = z.infer<typeof RevealedChat>;

/** Routes that answer 204 with no body (deletions, sign-in and sign-out): what `response.json()` yields for them. */
export const NoContent = z.null();
