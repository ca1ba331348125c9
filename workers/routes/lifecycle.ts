import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import { BroadcastId } from "../../core/protocol/api.ts";
import { requireAdmin } from "../auth.ts";
import { getBroadcast } from "../db/queries.ts";
import { markEnded } from "../db/queries-lifecycle.ts";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { deleteBroadcast } from "../lifecycle.ts";
import { validate } from "../validate.ts";

const IdParam = z.object({ id: BroadcastId });

/**
 * A broadcast's lifecycle, mounted under `/api/broadcasts`: `POST /:id/end` stops its capture
 * and marks it ended (retention counts from then); `DELETE /:id` removes it and all its data.
 * Deleting is the owner's (`requireAdmin` stands for the owner role until roles exist).
 */
export const lifecycleRoutes = new Hono<AppEnv>()
  .post("/:id/end", requireAdmin, validate("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    const db = drizzle(c.env.DB);
    if (!(await getBroadcast(db, id))) throw new AppError("not_found", 404, "no such broadcast");
    await c.env.CHAT_CAPTURE.getByName(id).stop();
    await markEnded(db, id, Date.now());
    return c.json(await getBroadcast(db, id));
  })
  .delete("/:id", requireAdmin, validate("param", IdParam), async (c) => {
    if (!(await deleteBroadcast(c.env, c.req.valid("param").id))) throw new AppError("not_found", 404, "no such broadcast");
    return c.body(null, 204);
  });
