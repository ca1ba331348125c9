import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import { BenefitsPut, ProductUpsert } from "../../core/answers/catalogue.ts";
import { BroadcastId } from "../../core/protocol/api.ts";
import type { BenefitsSaved, ProductSaved } from "../../core/protocol/responses.ts";
import { replaceBenefits, upsertProduct } from "../../server/answers/catalogue-db.ts";
import { reindexBroadcast } from "../../server/answers/service.ts";
import { requirePermission } from "../auth.ts";
import { getBroadcast } from "../../server/db/queries.ts";
import type { AppContext, AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { validate } from "../validate.ts";

const IdParam = z.object({ id: BroadcastId });
const ProductParam = z.object({
  id: BroadcastId,
  key: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "invalid product key"),
});

async function requireBroadcast(c: AppContext, id: string): Promise<void> {
  if (!(await getBroadcast(drizzle(c.env.DB), id))) throw new AppError("not_found", 404, "no such broadcast");
}

/**
 * Products and benefits listed by hand, for broadcasts without a Naver page to read them from
 * (a replay, an ingest client, the demo show). Changes re-index the broadcast like every other
 * knowledge edit.
 */
export const catalogueRoutes = new Hono<AppEnv>()
  .put(
    "/:id/products/:key",
    requirePermission("knowledge.edit"),
    validate("param", ProductParam),
    validate("json", ProductUpsert),
    async (c) => {
      const { id, key } = c.req.valid("param");
      await requireBroadcast(c, id);
      await upsertProduct(drizzle(c.env.DB), id, key, c.req.valid("json"), Date.now());
      await reindexBroadcast(c.env, id);
      return c.json({ key } satisfies z.infer<typeof ProductSaved>);
    },
  )
  .put(
    "/:id/benefits",
    requirePermission("knowledge.edit"),
    validate("param", IdParam),
    validate("json", BenefitsPut),
    async (c) => {
      const { id } = c.req.valid("param");
      await requireBroadcast(c, id);
      const { coupons, benefits } = c.req.valid("json");
      await replaceBenefits(drizzle(c.env.DB), id, coupons, benefits, Date.now());
      await reindexBroadcast(c.env, id);
      return c.json({ coupons, benefits } satisfies z.infer<typeof BenefitsSaved>);
    },
  );
