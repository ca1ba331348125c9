import { and, eq } from "drizzle-orm";
import type { Db } from "../db/queries.ts";
import { broadcasts, productQna, products } from "../db/schema.ts";
import { MANUAL_QNA_PREFIX } from "./knowledge-db.ts";

/** Fields of a broadcast's answering text a manager may change. */
export interface BroadcastTextPatch {
  title?: string | undefined;
  description?: string | undefined;
  notes?: string[] | undefined;
}

/** Applies the patch; false when the broadcast does not exist. */
export async function patchBroadcastText(db: Db, id: string, patch: BroadcastTextPatch, now: number): Promise<boolean> {
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const updated = await db
    .update(broadcasts)
    .set({ ...set, updatedAt: now })
    .where(eq(broadcasts.id, id))
    .returning({ id: broadcasts.id });
  return updated.length > 0;
}

/** The broadcast's products with their detail lines. */
export function listProducts(db: Db, broadcastId: string) {
  return db.select().from(products).where(eq(products.broadcastId, broadcastId)).orderBy(products.key);
}

/** Replaces a product's manager-written detail lines; false when no such product. */
export async function setProductDetails(
  db: Db,
  broadcastId: string,
  key: string,
  details: string[],
  now: number,
): Promise<boolean> {
  const updated = await db
    .update(products)
    .set({ details, updatedAt: now })
    .where(and(eq(products.broadcastId, broadcastId), eq(products.key, key)))
    .returning({ key: products.key });
  return updated.length > 0;
}

/** A manual Q&A pair; `productKey` "" means about the whole broadcast. */
export interface ManualQna {
  productKey: string;
  question: string;
  answer: string;
}

/** Adds a manual pair and answers its id. */
export async function addManualQna(db: Db, broadcastId: string, qna: ManualQna, now: number): Promise<string> {
  const id = `${MANUAL_QNA_PREFIX}${crypto.randomUUID()}`;
  await db.insert(productQna).values({ id, broadcastId, ...qna, askedAt: now });
  return id;
}

/** Edits a manual pair (crawled pairs are the crawl's); false when there is none with that id. */
export async function editManualQna(
  db: Db,
  broadcastId: string,
  id: string,
  qna: Partial<ManualQna>,
  now: number,
): Promise<boolean> {
  if (!id.startsWith(MANUAL_QNA_PREFIX)) return false;
  const set = Object.fromEntries(Object.entries(qna).filter(([, v]) => v !== undefined));
  const updated = await db
    .update(productQna)
    .set({ ...set, askedAt: now })
    .where(and(eq(productQna.broadcastId, broadcastId), eq(productQna.id, id)))
    .returning({ id: productQna.id });
  return updated.length > 0;
}

/** Lists the broadcast's Q&A (crawled and manual). */
export function listQna(db: Db, broadcastId: string) {
  return db.select().from(productQna).where(eq(productQna.broadcastId, broadcastId)).orderBy(productQna.id);
}
