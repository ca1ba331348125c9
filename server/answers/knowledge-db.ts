import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/queries.ts";
import {
  broadcastBenefits,
  broadcasts,
  knowledgeChunks,
  productQna,
  products,
  publishedAnswers,
} from "../db/schema.ts";
import type { Chunk, KnowledgeSet, QnaKnowledge } from "../../core/answers/types.ts";

/** Manual Q&A ids start with this, so they never collide with crawled ones. */
export const MANUAL_QNA_PREFIX = "manual-";

/** The knowledge as stored: products keep their whole D1 row (the dashboard shows image, mall, link). */
export type StoredKnowledge = KnowledgeSet & {
  products: (typeof products.$inferSelect)[];
  qna: (QnaKnowledge & { productKey: string | null })[];
};

/**
 * A broadcast's whole knowledge in one D1 round trip: its text, products, product Q&A (crawled
 * and manual) and the answers managers published (status "published" only). Null when the
 * broadcast does not exist. Coupons and benefits come from the setup crawl's table.
 */
export async function loadKnowledge(db: Db, broadcastId: string): Promise<StoredKnowledge | null> {
  const [rows, productRows, qnaRows, answerRows, benefitRows] = await db.batch([
    db.select().from(broadcasts).where(eq(broadcasts.id, broadcastId)),
    db.select().from(products).where(eq(products.broadcastId, broadcastId)).orderBy(products.key),
    db.select().from(productQna).where(eq(productQna.broadcastId, broadcastId)).orderBy(productQna.id),
    db
      .select()
      .from(publishedAnswers)
      .where(and(eq(publishedAnswers.broadcastId, broadcastId), eq(publishedAnswers.status, "published")))
      .orderBy(publishedAnswers.createdAt),
    db
      .select()
      .from(broadcastBenefits)
      .where(eq(broadcastBenefits.broadcastId, broadcastId))
      .orderBy(broadcastBenefits.id),
  ]);
  const b = rows[0];
  if (!b) return null;
  return {
    broadcastId,
    title: b.title,
    description: b.description,
    notes: b.notes,
    products: productRows.map((p) => ({ ...p, details: p.details })),
    qna: qnaRows.map((q) => ({ id: q.id, productKey: q.productKey || null, question: q.question, answer: q.answer })),
    benefits: benefitRows.map((r) => r.text),
    answers: answerRows.map((a) => ({ id: a.id, productKey: null, question: a.question, answer: a.answer })),
  };
}

/** What re-indexing changed: chunks to (re)embed and ids to drop. */
export interface ChunkDiff {
  upserted: Chunk[];
  removed: string[];
}

/**
 * Compares freshly derived chunks with the ones stored for the broadcast. A chunk counts as
 * changed when its text differs or another index (`indexTag`, kept in the `vector` column)
 * holds it, so switching to Vectorize later re-embeds everything once.
 */
export async function diffChunks(
  db: Db,
  broadcastId: string,
  chunks: readonly Chunk[],
  indexTag: string,
): Promise<ChunkDiff> {
  const stored = await db
    .select({ id: knowledgeChunks.id, text: knowledgeChunks.text, tag: knowledgeChunks.vector })
    .from(knowledgeChunks)
    .where(eq(knowledgeChunks.broadcastId, broadcastId));
  const before = new Map(stored.map((r) => [r.id, r.tag === indexTag ? r.text : null]));
  const ids = new Set(chunks.map((c) => c.id));
  return {
    upserted: chunks.filter((c) => before.get(c.id) !== c.text),
    removed: stored.filter((r) => !ids.has(r.id)).map((r) => r.id),
  };
}

/** Records a diff as the broadcast's stored chunks (after the vector index took it). */
export async function applyChunkDiff(db: Db, diff: ChunkDiff, indexTag: string, now: number): Promise<void> {
  const statements = [];
  if (diff.removed.length) statements.push(db.delete(knowledgeChunks).where(inArray(knowledgeChunks.id, diff.removed)));
  for (const c of diff.upserted) {
    const row = {
      id: c.id,
      broadcastId: c.broadcastId,
      kind: c.kind,
      productKey: c.productKey || null,
      text: c.text,
      vector: indexTag,
      updatedAt: now,
    };
    statements.push(
      db.insert(knowledgeChunks).values(row).onConflictDoUpdate({ target: knowledgeChunks.id, set: row }),
    );
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}
