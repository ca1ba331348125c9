import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import { BroadcastId } from "../../core/protocol/api.ts";
import type { YouTubeDeleted, YouTubePosted, YouTubeTimedOut } from "../../core/protocol/responses.ts";
import { AnswerId } from "../../core/protocol/viewer.ts";
import { chatPostText } from "../../core/youtube/live-chat.ts";
import { MAX_TIMEOUT_SECONDS, type WriteOutcome } from "../../server/object-contracts.ts";
import { actorOf, requirePermission } from "../auth.ts";
import { recordAudit } from "../../server/audit.ts";
import { getAnswer } from "../../server/db/queries-answers.ts";
import type { AppContext, AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { validate } from "../validate.ts";

const AnswerParam = z.object({ id: BroadcastId, answerId: AnswerId });
const ChatParam = z.object({
  id: BroadcastId,
  commentNo: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
const TimeoutBody = z.object({ seconds: z.number().int().min(10).max(MAX_TIMEOUT_SECONDS).default(300) });

function refused(outcome: Extract<WriteOutcome, { ok: false }>): never {
  throw new AppError(outcome.code, outcome.status as 409 | 502, outcome.message);
}

/** The chat's YouTube message id and author, from the hub; 404 for a chat that did not come from YouTube. */
async function youtubeChat(
  c: AppContext,
  id: string,
  commentNo: number,
): Promise<{ sourceId: string; authorId: string | null }> {
  const source = await c.env.BROADCAST_HUB.getByName(id).chatSource(commentNo);
  if (!source) throw new AppError("not_found", 404, "no YouTube chat with this commentNo");
  return source;
}

/**
 * Writing into a broadcast's YouTube live chat with the channel's OAuth consent (mounted under
 * `/api/broadcasts`): post a published answer (answer.publish), delete a chat and time out its
 * author (moderation.act). Every act is audited; boards hear of posts and deletions.
 */
export const youtubeRoutes = new Hono<AppEnv>()
  .post(
    "/:id/answers/:answerId/youtube",
    requirePermission("answer.publish"),
    validate("param", AnswerParam),
    async (c) => {
      const { id, answerId } = c.req.valid("param");
      const db = drizzle(c.env.DB);
      const answer = await getAnswer(db, id, answerId);
      if (!answer) throw new AppError("not_found", 404, "no such answer");
      if (answer.status !== "published") throw new AppError("conflict", 409, "this answer is unpublished");
      const preview = chatPostText(answer.answer);
      const outcome = await c.env.CHAT_CAPTURE.getByName(id).writeYouTube({ kind: "post", text: answer.answer });
      const hub = c.env.BROADCAST_HUB.getByName(id);
      await hub.reportPosted(id, {
        id: answerId,
        posted: outcome.ok,
        text: preview.text,
        ...(outcome.ok ? {} : { message: outcome.message }),
      });
      if (!outcome.ok) refused(outcome);
      await recordAudit(db, actorOf(c), "answer.youtube-post", answerId, id);
      return c.json({
        posted: true,
        messageId: outcome.id ?? null,
        text: preview.text,
        cut: preview.cut,
      } satisfies YouTubePosted);
    },
  )
  .post(
    "/:id/youtube/chats/:commentNo/delete",
    requirePermission("moderation.act"),
    validate("param", ChatParam),
    async (c) => {
      const { id, commentNo } = c.req.valid("param");
      const { sourceId } = await youtubeChat(c, id, commentNo);
      const outcome = await c.env.CHAT_CAPTURE.getByName(id).writeYouTube({ kind: "delete", messageId: sourceId });
      if (!outcome.ok) refused(outcome);
      // Off the boards now; YouTube's own messageDeletedEvent, when the capture reads it, changes nothing more.
      await c.env.BROADCAST_HUB.getByName(id).hideChats(id, [sourceId]);
      await recordAudit(drizzle(c.env.DB), actorOf(c), "moderation.youtube-delete", `chat ${commentNo}`, id);
      return c.json({ deleted: true, commentNo } satisfies z.infer<typeof YouTubeDeleted>);
    },
  )
  .post(
    "/:id/youtube/chats/:commentNo/timeout",
    requirePermission("moderation.act"),
    validate("param", ChatParam),
    validate("json", TimeoutBody),
    async (c) => {
      const { id, commentNo } = c.req.valid("param");
      const { seconds } = c.req.valid("json");
      const { authorId } = await youtubeChat(c, id, commentNo);
      if (!authorId) throw new AppError("not_found", 404, "this chat's author is not known");
      const outcome = await c.env.CHAT_CAPTURE.getByName(id).writeYouTube({
        kind: "timeout",
        channelId: authorId,
        seconds,
      });
      if (!outcome.ok) refused(outcome);
      await recordAudit(
        drizzle(c.env.DB),
        actorOf(c),
        "moderation.youtube-timeout",
        `chat ${commentNo} author, ${seconds} s`,
        id,
      );
      return c.json({ timedOut: true, commentNo, seconds } satisfies z.infer<typeof YouTubeTimedOut>);
    },
  );
