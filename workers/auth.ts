import type { MiddlewareHandler } from "hono";
import { drizzle } from "drizzle-orm/d1";
import { hasCredentialInQuery, originAllowed, parseOriginList } from "../core/auth/origin.ts";
import { can, type Permission } from "../core/auth/roles.ts";
import { accessConfig } from "./access.ts";
import { sha256Hex } from "./crypto.ts";
import { findIngestToken } from "../server/db/queries.ts";
import type { Actor, AppContext, AppEnv, Principal } from "./env.ts";
import { AppError } from "./errors.ts";
import { bearerToken, identify } from "./identity.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function isUpgrade(c: AppContext): boolean {
  return c.req.header("upgrade")?.toLowerCase() === "websocket";
}

/** Where this request was addressed (its own origin), as the URL and the Host header say. */
function ownOrigins(c: AppContext): string[] {
  const url = new URL(c.req.url);
  const host = c.req.header("host");
  return host ? [url.origin, `${url.protocol}//${host}`] : [url.origin];
}

/**
 * Browsers send `Origin` on socket upgrades and on cross-site writes. A foreign one may not use
 * the app's credentials: refuse it on every socket upgrade and on cookie-authenticated writes
 * (SameSite=Strict already keeps the cookie off cross-site requests; this holds if it does not).
 */
function checkOrigin(c: AppContext, principal: Principal | null): void {
  const origin = c.req.header("origin");
  const viaCookie = principal?.kind === "member" && principal.via === "session";
  const mustCheck = isUpgrade(c) || (viaCookie && !SAFE_METHODS.has(c.req.method));
  if (!mustCheck) return;
  if (origin === undefined) {
    // Node clients send no Origin; a browser always does on upgrades, so a cookie without one is not a browser's.
    if (viaCookie && isUpgrade(c))
      throw new AppError("forbidden_origin", 403, "a browser socket must say where it comes from");
    return;
  }
  if (!originAllowed(origin, ownOrigins(c), parseOriginList(c.env.ALLOWED_ORIGINS))) {
    throw new AppError("forbidden_origin", 403, "requests from this origin are not allowed");
  }
}

function requireConfigured(env: Env): void {
  if (!env.ADMIN_TOKEN && !accessConfig(env)) {
    throw new AppError("not_configured", 503, "ADMIN_TOKEN is not configured on the server");
  }
}

/**
 * For routes without a principal yet (signing in and out): a browser page of another origin may
 * not sign this browser in or out (login CSRF).
 */
export const requireOwnOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header("origin");
  if (origin !== undefined && !originAllowed(origin, ownOrigins(c), parseOriginList(c.env.ALLOWED_ORIGINS))) {
    throw new AppError("forbidden_origin", 403, "requests from this origin are not allowed");
  }
  await next();
};

/** Refuses credentials in URLs on every route: request URLs end up in logs and `wrangler tail`. */
export const refuseTokenInUrl: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (hasCredentialInQuery(new URL(c.req.url).search)) {
    throw new AppError(
      "token_in_url",
      401,
      "credentials are never accepted in the URL; use Authorization: Bearer or sign in",
    );
  }
  await next();
};

/** A signed-in member whose role has `permission`: 401 without credentials, 403 without the permission. */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireConfigured(c.env);
    const principal = await identify(c);
    if (principal?.kind !== "member") throw new AppError("unauthorized", 401, "sign in or send a member's token");
    if (!can(principal.role, permission))
      throw new AppError("forbidden", 403, `the ${principal.role} role may not do this`);
    checkOrigin(c, principal);
    c.set("principal", principal);
    await next();
  };
}

/** Any signed-in member. */
export const requireMember = requirePermission("broadcast.read");

/**
 * Owner only. Kept for routes written before roles: prefer `requirePermission` with the act's
 * permission (core/auth/roles.ts).
 */
export const requireAdmin = requirePermission("settings.manage");

/**
 * A member who may run capture, or a live ingest token issued for the broadcast named by the
 * `:id` path parameter.
 */
export const requireIngest: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireConfigured(c.env);
  const broadcastId = c.req.param("id") ?? "";
  let principal = await identify(c);
  if (principal?.kind === "member" && !can(principal.role, "capture.run")) {
    throw new AppError("forbidden", 403, `the ${principal.role} role may not send chats`);
  }
  if (!principal) {
    const token = bearerToken(c.req.raw);
    const tokenId = token ? await findIngestToken(drizzle(c.env.DB), await sha256Hex(token), broadcastId) : null;
    if (!tokenId)
      throw new AppError("unauthorized", 401, "a valid ingest token or a member's credentials are required");
    principal = { kind: "ingest", role: "ingest", broadcastId, tokenId };
  }
  checkOrigin(c, principal);
  c.set("principal", principal);
  await next();
};

/** Who did it, for the audit log and claims. */
export function actorOf(c: AppContext): Actor {
  const principal = c.get("principal");
  return principal.kind === "member" ? principal.member : { id: principal.tokenId, name: "ingest token" };
}
