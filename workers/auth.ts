import type { MiddlewareHandler } from "hono";
import { timingSafeEqualText, sha256Hex } from "./crypto.ts";
import { findIngestToken } from "./db/queries.ts";
import { drizzle } from "drizzle-orm/d1";
import type { AppEnv } from "./env.ts";
import { AppError } from "./errors.ts";

/**
 * The presented token: `Authorization: Bearer …`, or `?token=` on WebSocket upgrades
 * only (browsers cannot set headers on sockets; elsewhere a query token would end up in logs).
 */
export function presentedToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  if (header?.startsWith("Bearer ")) return header.slice(7).trim() || null;
  if (req.headers.get("upgrade")?.toLowerCase() === "websocket") {
    return new URL(req.url).searchParams.get("token");
  }
  return null;
}

function isAdmin(token: string | null, env: Env): boolean {
  if (!env.ADMIN_TOKEN) throw new AppError("not_configured", 503, "ADMIN_TOKEN is not configured on the server");
  return token !== null && timingSafeEqualText(token, env.ADMIN_TOKEN);
}

/** Managers only. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!isAdmin(presentedToken(c.req.raw), c.env)) throw new AppError("unauthorized", 401, "a valid admin token is required");
  c.set("principal", { role: "admin" });
  await next();
};

/** Managers, or the ingest token issued for the broadcast named by the `:id` path parameter. */
export const requireIngest: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = presentedToken(c.req.raw);
  const broadcastId = c.req.param("id") ?? "";
  if (isAdmin(token, c.env)) {
    c.set("principal", { role: "admin" });
  } else if (token && (await findIngestToken(drizzle(c.env.DB), await sha256Hex(token), broadcastId))) {
    c.set("principal", { role: "ingest", broadcastId });
  } else {
    throw new AppError("unauthorized", 401, "a valid admin or ingest token is required");
  }
  await next();
};
