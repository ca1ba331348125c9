import { Hono } from "hono";
import * as z from "zod";
import { DraftRequest, type DraftResponse } from "../../core/answers/api.ts";
import { BroadcastId } from "../../core/protocol/api.ts";
import { draftForBroadcast } from "../../server/answers/service.ts";
import { requirePermission } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { validate } from "../validate.ts";

const IdParam = z.object({ id: BroadcastId });

/** `POST /api/broadcasts/:id/answers/draft {question, productKey?}` → `{answer, abstained, sources, confidence}`. */
export const draftRoutes = new Hono<AppEnv>().post(
  "/:id/answers/draft",
  requirePermission("answer.publish"),
  validate("param", IdParam),
  validate("json", DraftRequest),
  async (c) => {
    const { question, productKey } = c.req.valid("json");
    const draft = await draftForBroadcast(c.env, c.req.valid("param").id, question, productKey);
    if (!draft) throw new AppError("not_found", 404, "no such broadcast");
    return c.json(draft satisfies DraftResponse);
  },
);
