import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import { BroadcastId, type BroadcastSummary } from "../../core/protocol/api.ts";
import { actorOf, requirePermission } from "../auth.ts";
import { recordAudit } from "../../server/audit.ts";
import { getBroadcast } from "../../server/db/queries.ts";
import { markEnded } from "../../server/db/queries-lifecycle.ts";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { deleteBroadcast } from "../lifecycle.ts";
import { validate } from "../validate.ts";

const IdParam = z.object({ id: BroadcastId });

/**
 * A broadcast's lifecycle, mounted under `/api/broadcasts`: `POST /:id/end` stops its capture
 * and marks it ended (retention counts from then); `DELETE /:id` removes it and all its data.
 * Ending is a manager's (it stops the capture); deleting is the owner's. Both are audited.
 */
export const lifecycleRoutes = new Hono<AppEnv>()
  .post("/:id/end", requirePermission("capture.run"), validate("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    const db = drizzle(c.env.DB);
    if (!(await getBroadcast(db, id))) throw new AppError("not_found", 404, "no such broadcast");
    await c.env.CHAT_CAPTURE.getByName(id).stop();
    await markEnded(db, id, Date.now());
    await recordAudit(db, actorOf(c), "broadcast.end", id, id);
    const ended = await getBroadcast(db, id);
    if (!ended) throw new AppError("not_found", 404, "no such broadcast");
    return c.json(ended satisfies BroadcastSummary);
  })
  .delete("/:id", requirePermission("broadcast.delete"), validate("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    if (!(await deleteBroadcast(c.env, id))) throw new AppError("not_found", 404, "no such broadcast");
    // Recorded after the purge (the audit log outlives the broadcast it names).
    await recordAudit(drizzle(c.env.DB), actorOf(c), "broadcast.delete", id, id);
    return c.body(null, 204);
  });
