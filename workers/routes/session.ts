import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import { SessionRequest, type Me } from "../../core/auth/api.ts";
import { requireMember, requireOwnOrigin } from "../auth.ts";
import { randomToken, sha256Hex } from "../crypto.ts";
import { insertSession, revokeSession } from "../../server/db/queries-members.ts";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { memberForToken } from "../identity.ts";
import { clearSessionCookie, sessionCookie, sessionTtlMs, setSessionCookie } from "../session-cookie.ts";
import { closeMemberSockets, socketTag } from "../sockets.ts";
import { validate } from "../validate.ts";

/**
 * Sign-in for the dashboard: a token is exchanged once for a random, expiring session cookie,
 * so no long-lived secret stays in the browser or travels in socket URLs.
 * Mounted at `/api`: `POST /session`, `DELETE /session`, `GET /me`.
 */
export const sessionRoutes = new Hono<AppEnv>()
  .post("/session", requireOwnOrigin, validate("json", SessionRequest), async (c) => {
    const row = await memberForToken(c.env, c.req.valid("json").token);
    if (!row) throw new AppError("unauthorized", 401, "this token is not a member's sign-in token");
    const value = randomToken();
    const ttl = sessionTtlMs(c.env);
    const now = Date.now();
    const id = `s-${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
    await insertSession(
      drizzle(c.env.DB),
      { hash: await sha256Hex(value), id, memberId: row.id, expiresAt: now + ttl },
      now,
    );
    setSessionCookie(c, value, ttl);
    return c.body(null, 204);
  })
  .delete("/session", requireOwnOrigin, async (c) => {
    const value = sessionCookie(c);
    if (value) {
      const revoked = await revokeSession(drizzle(c.env.DB), await sha256Hex(value), Date.now());
      if (revoked) await closeMemberSockets(c.env, revoked.memberId, socketTag.session(revoked.id), "signed out");
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .get("/me", requireMember, (c) => {
    const principal = c.get("principal");
    if (principal.kind !== "member") throw new AppError("unauthorized", 401, "not a member");
    return c.json({ id: principal.member.id, name: principal.member.name, role: principal.role } satisfies Me);
  });
