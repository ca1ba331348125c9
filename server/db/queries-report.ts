import { eq } from "drizzle-orm";
import type { StoredReportData } from "../../core/report/types.ts";
import type { Db } from "./queries.ts";
import { broadcasts, products, publishedAnswers } from "./schema.ts";

/** Answers a report lists at most (a broadcast publishes tens, not thousands). */
const MAX_REPORT_ANSWERS = 2000;

/** The D1 side of a broadcast's report in one batch; null when there is no such broadcast. */
export async function loadReportRows(db: Db, broadcastId: string): Promise<StoredReportData | null> {
  const [rows, productRows, answerRows] = await db.batch([
    db.select({ title: broadcasts.title }).from(broadcasts).where(eq(broadcasts.id, broadcastId)),
    db
      .select({ key: products.key, name: products.name, brandName: products.brandName })
      .from(products)
      .where(eq(products.broadcastId, broadcastId))
      .orderBy(products.key),
    db
      .select({
        id: publishedAnswers.id,
        question: publishedAnswers.question,
        answer: publishedAnswers.answer,
        status: publishedAnswers.status,
        createdAt: publishedAnswers.createdAt,
        publishedBy: publishedAnswers.publishedBy,
      })
      .from(publishedAnswers)
      .where(eq(publishedAnswers.broadcastId, broadcastId))
      .orderBy(publishedAnswers.createdAt)
      .limit(MAX_REPORT_ANSWERS),
  ]);
  const b = rows[0];
  return b ? { broadcastId, title: b.title, products: productRows, answers: answerRows } : null;
}
