import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import { BroadcastId } from "../../core/protocol/api.ts";
import { assembleReport } from "../../core/report/assemble.ts";
import { answersCsv, clustersCsv } from "../../core/report/csv.ts";
import type { BroadcastReport } from "../../core/report/types.ts";
import { requirePermission } from "../auth.ts";

const requireExport = requirePermission("broadcast.export");
import { loadReportRows } from "../../server/db/queries-report.ts";
import type { AppContext, AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { validate } from "../validate.ts";

const IdParam = z.object({ id: BroadcastId });

/**
 * The broadcast's report: D1's rows (broadcast, products, answers), then the hub's aggregates
 * (only for a broadcast that exists: asking a hub creates it), joined by a pure function.
 */
async function buildReport(c: AppContext, id: string): Promise<BroadcastReport> {
  const stored = await loadReportRows(drizzle(c.env.DB), id);
  if (!stored) throw new AppError("not_found", 404, "no such broadcast");
  const hub = await c.env.BROADCAST_HUB.getByName(id).reportData();
  return assembleReport(hub, stored, Date.now());
}

function csv(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

/** Report routes, mounted under `/api/broadcasts`. Managers only (analysts too, once roles exist). */
export const reportRoutes = new Hono<AppEnv>()
  .get("/:id/report", requireExport, validate("param", IdParam), async (c) =>
    c.json((await buildReport(c, c.req.valid("param").id)) satisfies BroadcastReport),
  )
  .get("/:id/report.csv", requireExport, validate("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    return csv(clustersCsv(await buildReport(c, id)), `${id}-report.csv`);
  })
  .get("/:id/answers.csv", requireExport, validate("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    return csv(answersCsv(await buildReport(c, id)), `${id}-answers.csv`);
  });
