import { eq } from "drizzle-orm";
import type { ProductUpsert } from "../../core/answers/catalogue.ts";
import type { Db } from "../db/queries.ts";
import { broadcastBenefits, products } from "../db/schema.ts";

/** Adds or replaces a hand-listed product; details stay as they were when the body has none. */
export async function upsertProduct(
  db: Db,
  broadcastId: string,
  key: string,
  p: ProductUpsert,
  now: number,
): Promise<void> {
  const values = {
    name: p.name,
    brandName: p.brandName ?? null,
    price: p.price ?? null,
    salePrice: p.salePrice ?? null,
    discountRate: p.discountRate ?? null,
    status: p.status ?? null,
    updatedAt: now,
    ...(p.details ? { details: p.details } : {}),
  };
  await db
    .insert(products)
    .values({ broadcastId, key, ...values })
    .onConflictDoUpdate({ target: [products.broadcastId, products.key], set: values });
}

/** Replaces the broadcast's coupon and benefit lines (one batch: never half replaced). */
export async function replaceBenefits(
  db: Db,
  broadcastId: string,
  coupons: readonly string[],
  benefits: readonly string[],
  now: number,
): Promise<void> {
  const rows = [
    ...coupons.map((text, i) => ({
      id: `${broadcastId}:manual-coupon:${i}`,
      broadcastId,
      kind: "coupon" as const,
      text,
      updatedAt: now,
    })),
    ...benefits.map((text, i) => ({
      id: `${broadcastId}:manual-benefit:${i}`,
      broadcastId,
      kind: "benefit" as const,
      text,
      updatedAt: now,
    })),
  ];
  const remove = db.delete(broadcastBenefits).where(eq(broadcastBenefits.broadcastId, broadcastId));
  if (rows.length === 0) await remove;
  else await db.batch([remove, db.insert(broadcastBenefits).values(rows)]);
}
