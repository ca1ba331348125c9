import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import { BroadcastId } from "../../core/protocol/api.ts";
import type { CaptureAnswer } from "../../core/protocol/responses.ts";
import { requirePermission } from "../auth.ts";
import { CaptureRequest, REPLAY_RATE, type CaptureStart } from "../../server/capture/capture-request.ts";
import { getBroadcast } from "../../server/db/queries.ts";
import { youtubeVideoId } from "../../core/youtube/video-id.ts";
import { markEnded, reopen } from "../../server/db/queries-lifecycle.ts";
import type { AppContext, AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { validate } from "../validate.ts";

const IdParam = z.object({ id: BroadcastId });

/** The request with its defaults: the broadcast's Naver page for `browser`, 300 a minute for `replay`. */
async function resolveSource(c: AppContext, id: string, request: CaptureRequest): Promise<CaptureStart> {
  const broadcast = await getBroadcast(drizzle(c.env.DB), id);
  if (!broadcast) throw new AppError("not_found", 404, "no such broadcast");
  if (request.kind === "replay") {
    const { ratePerMin = REPLAY_RATE.default, corpus } = request;
    return corpus === undefined ? { kind: "replay", ratePerMin } : { kind: "replay", ratePerMin, corpus };
  }
  if (request.kind === "youtube") {
    const videoId = request.video ? youtubeVideoId(request.video) : broadcast.youtubeVideoId;
    if (!videoId)
      throw new AppError("invalid_request", 400, "video: this broadcast has no YouTube video; give its id or URL");
    return { kind: "youtube", videoId };
  }
  const url = request.url ?? broadcast.naverUrl;
  if (!url) throw new AppError("invalid_request", 400, "url: this broadcast has no Naver URL; give the viewer page");
  return { kind: "browser", url };
}

function captureOf(c: AppContext, id: string) {
  return c.env.CHAT_CAPTURE.getByName(id);
}

/**
 * The broadcast's in-Cloudflare chat source (ChatCapture DO): `POST /:id/capture` starts it
 * (`browser`: the Naver page in Browser Rendering; `replay`: the rehearsal over the labelled
 * corpus), `DELETE` stops it, `GET` reports its status. Starting again switches the source.
 */
export const captureRoutes = new Hono<AppEnv>()
  .post(
    "/:id/capture",
    requirePermission("capture.run"),
    validate("param", IdParam),
    validate("json", CaptureRequest),
    async (c) => {
      const { id } = c.req.valid("param");
      const source = await resolveSource(c, id, c.req.valid("json"));
      const outcome = await captureOf(c, id).start(id, source);
      if (!outcome.ok)
        throw new AppError(
          outcome.code,
          outcome.code === "browser_unavailable" || outcome.code === "youtube_unavailable" ? 503 : 400,
          outcome.message,
        );
      await reopen(drizzle(c.env.DB), id, Date.now());
      return c.json({ status: outcome.status } satisfies CaptureAnswer, 202);
    },
  )
  .delete("/:id/capture", requirePermission("capture.run"), validate("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    const status = await captureOf(c, id).stop();
    // The capture has ended, so has the broadcast (a new capture start opens it again).
    if (status.state === "stopped") await markEnded(drizzle(c.env.DB), id, Date.now());
    return c.json({ status } satisfies CaptureAnswer);
  })
  .get("/:id/capture", requirePermission("broadcast.read"), validate("param", IdParam), async (c) => {
    return c.json({ status: await captureOf(c, c.req.valid("param").id).status() } satisfies CaptureAnswer);
  });
