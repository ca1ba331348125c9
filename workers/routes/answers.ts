import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import { BroadcastId } from "../../core/protocol/api.ts";
import type { AnswerOutcome } from "../../core/protocol/responses.ts";
import {
  AnswerId,
  AnswerStatus,
  EditAnswer,
  PublishAnswer,
  toQaPair,
  type PublishedAnswer,
  type PublishedAnswerList,
  type ViewerEvent,
} from "../../core/protocol/viewer.ts";
import { actorOf, requirePermission } from "../auth.ts";
import { recordAudit } from "../../server/audit.ts";
import { getBroadcast } from "../../server/db/queries.ts";
import { getAnswer, insertAnswer, listAnswers, updateAnswer } from "../../server/db/queries-answers.ts";
import type { AppContext, AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { validate } from "../validate.ts";

const IdParam = z.object({ id: BroadcastId });
const AnswerParam = z.object({ id: BroadcastId, answerId: AnswerId });
const ListQuery = z.object({ status: AnswerStatus.optional() });

/**
 * D1 first (the source of truth and, with status `published`, drafting knowledge), then the
 * broadcast's hub records the change in its outbox and relays it to every viewer shard and
 * board, retrying shards until they confirm (`relay.retrying`). When the hub itself cannot be
 * reached the stored change stays: the manager sees `relay: null` and can edit or unpublish again.
 */
async function relay(
  c: AppContext,
  answer: PublishedAnswer,
  event: ViewerEvent,
  clusterId?: string,
): Promise<AnswerOutcome> {
  try {
    const hub = c.env.BROADCAST_HUB.getByName(answer.broadcastId);
    return { answer, relay: await hub.relayToViewers(answer.broadcastId, event, clusterId) };
  } catch (err) {
    console.error(
      JSON.stringify({
        level: "error",
        what: "answer relay failed",
        broadcastId: answer.broadcastId,
        message: String(err),
      }),
    );
    return { answer, relay: null };
  }
}

async function requirePublished(c: AppContext, id: string, answerId: string): Promise<PublishedAnswer> {
  const answer = await getAnswer(drizzle(c.env.DB), id, answerId);
  if (!answer) throw new AppError("not_found", 404, "no such answer");
  if (answer.status !== "published") throw new AppError("conflict", 409, "this answer is unpublished");
  return answer;
}

/** Publishing approved answers: mounted under `/api/broadcasts`, managers only. */
export const answerRoutes = new Hono<AppEnv>()
  .get(
    "/:id/answers",
    requirePermission("broadcast.read"),
    validate("param", IdParam),
    validate("query", ListQuery),
    async (c) => {
      const { status } = c.req.valid("query");
      return c.json({
        answers: await listAnswers(drizzle(c.env.DB), c.req.valid("param").id, status ? { status } : {}),
      } satisfies PublishedAnswerList);
    },
  )
  .post(
    "/:id/answers",
    requirePermission("answer.publish"),
    validate("param", IdParam),
    validate("json", PublishAnswer),
    async (c) => {
      const { id } = c.req.valid("param");
      const db = drizzle(c.env.DB);
      if (!(await getBroadcast(db, id))) throw new AppError("not_found", 404, "no such broadcast");
      const answerId = `a-${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
      const body = c.req.valid("json");
      const actor = actorOf(c);
      const answer = await insertAnswer(db, id, answerId, body, Date.now(), actor);
      await recordAudit(db, actor, "answer.publish", answerId, id);
      return c.json(await relay(c, answer, { type: "qa", ...toQaPair(answer) }, body.clusterId), 201);
    },
  )
  .patch(
    "/:id/answers/:answerId",
    requirePermission("answer.publish"),
    validate("param", AnswerParam),
    validate("json", EditAnswer),
    async (c) => {
      const { id, answerId } = c.req.valid("param");
      const existing = await requirePublished(c, id, answerId);
      const { question, answer } = c.req.valid("json");
      // Never older than what viewers hold: shards keep the newest `at` for an id.
      const now = Math.max(Date.now(), existing.updatedAt + 1);
      const edited = await updateAnswer(
        drizzle(c.env.DB),
        id,
        answerId,
        { question: question ?? existing.question, answer: answer ?? existing.answer },
        now,
      );
      if (!edited) throw new AppError("not_found", 404, "no such answer");
      await recordAudit(drizzle(c.env.DB), actorOf(c), "answer.edit", answerId, id);
      return c.json(await relay(c, edited, { type: "qa", ...toQaPair(edited) }));
    },
  )
  // Retriable: unpublishing an answer already down sends the retraction again (the hub's outbox
  // makes it reach every shard) and answers 200, so a manager whose first try failed can repeat it.
  .delete("/:id/answers/:answerId", requirePermission("answer.publish"), validate("param", AnswerParam), async (c) => {
    const { id, answerId } = c.req.valid("param");
    const db = drizzle(c.env.DB);
    const existing = await getAnswer(db, id, answerId);
    if (!existing) throw new AppError("not_found", 404, "no such answer");
    let unpublished = existing;
    if (existing.status === "published") {
      const updated = await updateAnswer(db, id, answerId, { status: "unpublished" }, Date.now());
      if (!updated) throw new AppError("not_found", 404, "no such answer");
      unpublished = updated;
      await recordAudit(db, actorOf(c), "answer.unpublish", answerId, id);
    }
    return c.json(await relay(c, unpublished, { type: "unpublish", id: answerId }));
  });
