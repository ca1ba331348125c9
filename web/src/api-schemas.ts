import * as z from "zod";
import { CaptureStatus, PublishedAnswer } from "../../core/protocol/index.ts";
import { CrawlProgress } from "./setup-progress.ts";

/** A product as the knowledge routes return it (D1 row; Naver's fields plus the manager's details). */
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

/** `GET|PATCH /api/broadcasts/:id/knowledge`: what answers are drafted from. */
export const Knowledge = z.object({
  title: z.string(),
  description: z.string(),
  notes: z.array(z.string()),
  products: z.array(Product),
  qna: z.array(z.object({ id: z.string(), productKey: z.string().nullable(), question: z.string(), answer: z.string() })),
  benefits: z.array(z.string()),
});
export type Knowledge = z.infer<typeof Knowledge>;

export const ProductList = z.object({ products: z.array(Product) });

/** `POST /api/broadcasts/:id/setup`: what was read from Naver, and the crawl it started. */
export const SetupResult = z.object({
  naverId: z.string(),
  title: z.string(),
  status: z.string().nullable(),
  products: z.number().int(),
  coupons: z.number().int(),
  benefits: z.number().int(),
  crawl: CrawlProgress.nullable(),
});
export type SetupResult = z.infer<typeof SetupResult>;

export const CrawlAnswer = z.object({ crawl: CrawlProgress.nullable() });

/** Publishing answers: the stored row and how far the relay reached (null: not at all). */
export const AnswerOutcome = z.object({ answer: PublishedAnswer, relay: z.object({}).loose().nullable() });
export type AnswerOutcome = z.infer<typeof AnswerOutcome>;

/**
 * The capture route's answer: `{status}` (or `{capture}`, or the status itself) with the
 * capture's state, null when none ran. Lenient on the wrapper, strict on the status.
 */
export const CaptureAnswer = z
  .union([
    z.object({ status: CaptureStatus.nullable() }).transform((a) => a.status),
    z.object({ capture: CaptureStatus.nullable() }).transform((a) => a.capture),
    CaptureStatus,
    z.null(),
  ])
  .catch(null);
