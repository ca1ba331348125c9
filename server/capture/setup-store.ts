import { eq, sql } from "drizzle-orm";
import { currentPrice } from "../../core/naver/products.ts";
import type { Db } from "../db/queries.ts";
import { broadcastBenefits, broadcasts, productQna, products, setupCrawls } from "../db/schema.ts";
import type { SetupSnapshot } from "./setup-fetch.ts";

export type CrawlRow = typeof setupCrawls.$inferSelect;

/**
 * Stores a setup snapshot: the broadcast's description, products (Naver's fields updated,
 * the manager's `details` kept), coupons and benefits (replaced), and a fresh crawl cursor
 * over the products that have a product number.
 */
export async function storeSnapshot(db: Db, broadcastId: string, s: SetupSnapshot, now: number): Promise<CrawlRow> {
  const crawlable = s.products.filter((p) => p.productNo !== null).map((p) => p.key);
  const crawl: CrawlRow = {
    broadcastId,
    status: "running",
    pending: crawlable,
    nextPage: 1,
    productsTotal: crawlable.length,
    qnaStored: 0,
    secretSkipped: 0,
    requests: 0,
    error: null,
    updatedAt: now,
  };
  const lines = [
    ...s.coupons.map((text) => ({ kind: "coupon" as const, text })),
    ...s.benefits.map((text) => ({ kind: "benefit" as const, text })),
  ];
  await db.batch([
    db
      .update(broadcasts)
      .set({ description: s.detail.description ?? "", updatedAt: now })
      .where(eq(broadcasts.id, broadcastId)),
    db.delete(broadcastBenefits).where(eq(broadcastBenefits.broadcastId, broadcastId)),
    ...s.products.map((p) => {
      const fields = {
        productNo: p.productNo,
        name: p.name,
        brandName: p.brandName,
        mallName: p.mallName,
        image: p.image,
        price: p.price,
        salePrice: currentPrice(p) ?? p.salePrice,
        discountRate: p.discountRate,
        status: p.broadcastProductStatus ?? p.status,
        url: p.productEndUrl,
        updatedAt: now,
      };
      return db
        .insert(products)
        .values({ broadcastId, key: p.key, ...fields })
        .onConflictDoUpdate({ target: [products.broadcastId, products.key], set: fields });
    }),
    ...lines.map((l, i) =>
      db
        .insert(broadcastBenefits)
        .values({ id: `${broadcastId}:${l.kind}:${i}`, broadcastId, kind: l.kind, text: l.text, updatedAt: now }),
    ),
    db
      .insert(setupCrawls)
      .values(crawl)
      .onConflictDoUpdate({ target: setupCrawls.broadcastId, set: { ...crawl, broadcastId: undefined } }),
  ]);
  return crawl;
}

export async function getCrawl(db: Db, broadcastId: string): Promise<CrawlRow | null> {
  return (await db.select().from(setupCrawls).where(eq(setupCrawls.broadcastId, broadcastId)).get()) ?? null;
}

export async function saveCrawl(db: Db, crawl: CrawlRow): Promise<void> {
  const { broadcastId, ...rest } = crawl;
  await db.update(setupCrawls).set(rest).where(eq(setupCrawls.broadcastId, broadcastId));
}

/** A product's number by key (the Q&A endpoints are keyed by productNo). */
export async function productNoOf(db: Db, broadcastId: string, key: string): Promise<string | null> {
  const row = await db
    .select({ productNo: products.productNo })
    .from(products)
    .where(sql`${products.broadcastId} = ${broadcastId} and ${products.key} = ${key}`)
    .get();
  return row?.productNo ?? null;
}

/** Stores answered inquiries; ids are per broadcast, so a resumed page is not stored twice. */
export async function storeQna(
  db: Db,
  broadcastId: string,
  productKey: string,
  pairs: { id: string; question: string; answer: string; askedAt: number | null }[],
): Promise<void> {
  if (pairs.length === 0) return;
  await db.batch(
    pairs.map((q) =>
      db
        .insert(productQna)
        .values({
          id: `${broadcastId}:${q.id}`,
          broadcastId,
          productKey,
          question: q.question,
          answer: q.answer,
          askedAt: q.askedAt,
        })
        .onConflictDoNothing(),
    ) as [never, ...never[]],
  );
}

/** Gives up on a crawl: status `failed` with the reason; its cursor stays for a resume. */
export async function failCrawl(db: Db, broadcastId: string, reason: string, now: number): Promise<void> {
  await db
    .update(setupCrawls)
    .set({ status: "failed", error: reason.slice(0, 500), updatedAt: now })
    .where(eq(setupCrawls.broadcastId, broadcastId));
}

/** Makes a failed crawl resumable (`paused`, cursor kept); false when there is no crawl to resume. */
export async function reopenCrawl(db: Db, broadcastId: string, now: number): Promise<CrawlRow | null> {
  const crawl = await getCrawl(db, broadcastId);
  if (!crawl || crawl.status === "done") return crawl;
  if (crawl.status === "failed")
    await db
      .update(setupCrawls)
      .set({ status: "paused", updatedAt: now })
      .where(eq(setupCrawls.broadcastId, broadcastId));
  return getCrawl(db, broadcastId);
}
