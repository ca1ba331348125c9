import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import { BroadcastId } from "../../core/protocol/api.ts";
import type { RevealedChat } from "../../core/protocol/index.ts";
import { actorOf, requirePermission } from "../auth.ts";
import { recordAudit } from "../../server/audit.ts";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { validate } from "../validate.ts";

const RevealParam = z.object({ id: BroadcastId, seq: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/**
 * Moderation acts outside the board socket. Revealing a masked chat's personal information
 * is deliberate and recorded: the audit row is written before the text is returned.
 * Mounted under `/api/broadcasts`.
 */
export const moderationRoutes = new Hono<AppEnv>().post(
  "/:id/chats/:seq/reveal",
  requirePermission("moderation.act"),
  validate("param", RevealParam),
  async (c) => {
    const { id, seq } = c.req.valid("param");
    const chat = await c.env.BROADCAST_HUB.getByName(id).revealChat(seq);
    if (!chat) throw new AppError("not_found", 404, "no such chat");
    await recordAudit(drizzle(c.env.DB), actorOf(c), "moderation.reveal", String(seq), id);
    c.header("cache-control", "no-store");
    return c.json(chat satisfies RevealedChat);
  },
);
