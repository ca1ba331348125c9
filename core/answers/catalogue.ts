import * as z from "zod";

const Line = z.string().trim().min(1).max(500);
const Won = z.number().int().min(0).max(1_000_000_000).nullable().optional();

/**
 * `PUT /api/broadcasts/:id/products/:key`: a product a manager lists by hand (broadcasts fed by
 * a replay or an ingest client have no Naver page to read them from; the demo show uses it).
 */
export const ProductUpsert = z.object({
  name: z.string().trim().min(1).max(200),
  brandName: z.string().trim().max(100).nullable().optional(),
  price: Won,
  salePrice: Won,
  discountRate: z.number().int().min(0).max(100).nullable().optional(),
  status: z.string().trim().max(32).nullable().optional(),
  details: z.array(Line).max(100).optional(),
});
export type ProductUpsert = z.infer<typeof ProductUpsert>;

/** `PUT /api/broadcasts/:id/benefits`: the live coupons and benefits, replacing what was there. */
export const BenefitsPut = z.object({
  coupons: z.array(Line).max(50).default([]),
  benefits: z.array(Line).max(50).default([]),
});
export type BenefitsPut = z.infer<typeof BenefitsPut>;
