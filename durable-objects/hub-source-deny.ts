import { drizzle } from "drizzle-orm/d1";
import { recordAudit, type Actor } from "../server/audit.ts";
import { sourceOf } from "./hub-sources.ts";

/**
 * A held chat denied on a board, when it came from a source LiveQ may moderate (YouTube with the
 * channel's OAuth): it is deleted there too (`liveChatMessages.delete`, through the broadcast's
 * ChatCapture, which holds the tokens) and the deletion is audited. The board decision never
 * waits for this: it runs after the frame went out, and a refusal (no OAuth, chat already gone)
 * leaves the chat denied on LiveQ's boards, which is what the moderator asked for.
 */
export function denyAtSource(
  ctx: DurableObjectState,
  env: Env,
  broadcastId: string,
  commentNo: number,
  actor: Actor | null,
): void {
  const source = sourceOf(ctx.storage.sql, commentNo);
  if (!source || !broadcastId) return;
  ctx.waitUntil(
    (async () => {
      try {
        const outcome = await env.CHAT_CAPTURE.getByName(broadcastId).writeYouTube({
          kind: "delete",
          messageId: source.sourceId,
        });
        if (!outcome.ok) return;
        await recordAudit(
          drizzle(env.DB),
          actor ?? { id: "system", name: "LiveQ" },
          "moderation.youtube-delete",
          `chat ${commentNo} (denied)`,
          broadcastId,
        );
      } catch {
        // The capture object is away: the chat stays denied here; a moderator can still delete it from the board.
      }
    })(),
  );
}
