import { and, desc, eq } from "drizzle-orm";
import type { PublishAnswer, PublishedAnswer } from "../../core/protocol/viewer.ts";
import type { Db } from "./queries.ts";
import { broadcasts, publishedAnswers } from "./schema.ts";

type AnswerRow = typeof publishedAnswers.$inferSelect;

function toAnswer(row: AnswerRow): PublishedAnswer {
  return {
    id: row.id,
    broadcastId: row.broadcastId,
    question: row.question,
    answer: row.answer,
    sourceCommentNo: row.sourceCommentNo,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedBy: row.publishedById && row.publishedBy ? { id: row.publishedById, name: row.publishedBy } : null,
  };
}

/**
 * Stores an approved pair as `published`. Rows with that status are knowledge for drafting
 * (the answer pipeline retrieves them) and what viewers see.
 */
export async function insertAnswer(
  db: Db,
  broadcastId: string,
  id: string,
  body: PublishAnswer,
  now: number,
  by: { id: string; name: string } | null = null,
): Promise<PublishedAnswer> {
  const row: AnswerRow = {
    id,
    broadcastId,
    question: body.question,
    answer: body.answer,
    sourceCommentNo: body.sourceCommentNo ?? null,
    status: "published",
    publishedById: by?.id ?? null,
    publishedBy: by?.name ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await db.insert(publishedAnswers).values(row);
  return toAnswer(row);
}

export async function getAnswer(db: Db, broadcastId: string, id: string): Promise<PublishedAnswer | null> {
  const row = await db
    .select()
    .from(publishedAnswers)
    .where(and(eq(publishedAnswers.broadcastId, broadcastId), eq(publishedAnswers.id, id)))
    .get();
  return row ? toAnswer(row) : null;
}

/** Newest first; `status` narrows to published (what viewers and drafting see) or unpublished. */
export async function listAnswers(
  db: Db,
  broadcastId: string,
  options: { status?: PublishedAnswer["status"]; limit?: number } = {},
): Promise<PublishedAnswer[]> {
  const where = options.status
    ? and(eq(publishedAnswers.broadcastId, broadcastId), eq(publishedAnswers.status, options.status))
    : eq(publishedAnswers.broadcastId, broadcastId);
  const rows = await db
    .select()
    .from(publishedAnswers)
    .where(where)
    .orderBy(desc(publishedAnswers.updatedAt), desc(publishedAnswers.id))
    .limit(options.limit ?? 500);
  return rows.map(toAnswer);
}

/** Applies an edit or a status change; returns the row as it is now, or null when there is none. */
export async function updateAnswer(
  db: Db,
  broadcastId: string,
  id: string,
  change: Partial<Pick<PublishedAnswer, "question" | "answer" | "status">>,
  now: number,
): Promise<PublishedAnswer | null> {
  const row = await db
    .update(publishedAnswers)
    .set({ ...change, updatedAt: now })
    .where(and(eq(publishedAnswers.broadcastId, broadcastId), eq(publishedAnswers.id, id)))
    .returning()
    .get();
  return row ? toAnswer(row) : null;
}

/**
 * The broadcast a Naver viewer page belongs to: the newest LiveQ broadcast registered with
 * that Naver id (a manager may set one up again), or null.
 */
export async function broadcastIdForNaver(db: Db, naverId: string): Promise<string | null> {
  const row = await db
    .select({ id: broadcasts.id })
    .from(broadcasts)
    .where(eq(broadcasts.naverId, naverId))
    .orderBy(desc(broadcasts.createdAt))
    .limit(1)
    .get();
  return row?.id ?? null;
}
