import { drizzle } from "drizzle-orm/d1";
import { accessConfig, ACCESS_HEADER, verifyAccess } from "./access.ts";
import { sha256Hex, timingSafeEqualText } from "./crypto.ts";
import {
  ensureOwner,
  findSession,
  memberByEmail,
  memberByTokenHash,
  type MemberRow,
} from "../server/db/queries-members.ts";
import type { AppContext, Principal } from "./env.ts";
import { AppError } from "./errors.ts";
import { sessionCookie } from "./session-cookie.ts";

/** The `Authorization: Bearer …` token, if any. Tokens are never read from URLs. */
export function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  if (!header?.startsWith("Bearer ")) return null;
  return header.slice(7).trim() || null;
}

/** The bootstrap owner, created in D1 on first use of ADMIN_TOKEN (sessions and audit refer to it). */
let ownerEnsured: string | null = null;

export async function ownerMember(env: Env): Promise<MemberRow> {
  const name = env.OWNER_NAME?.trim().slice(0, 40) || "Owner";
  const email = env.OWNER_EMAIL?.trim().toLowerCase() || null;
  const key = `${name}\n${email}`;
  if (ownerEnsured === key) return { id: "owner", name, role: "owner" };
  const owner = await ensureOwner(drizzle(env.DB), name, email, Date.now());
  ownerEnsured = key;
  return owner;
}

/** The member a sign-in token names: ADMIN_TOKEN is the owner; otherwise a member's own token. */
export async function memberForToken(env: Env, token: string): Promise<MemberRow | null> {
  if (env.ADMIN_TOKEN && timingSafeEqualText(token, env.ADMIN_TOKEN)) return ownerMember(env);
  return memberByTokenHash(drizzle(env.DB), await sha256Hex(token));
}

function member(row: MemberRow, via: "token" | "session" | "access", sessionId?: string): Principal {
  return {
    kind: "member",
    role: row.role,
    member: { id: row.id, name: row.name },
    via,
    ...(sessionId ? { sessionId } : {}),
  };
}

/**
 * Who the request is from, in order: a Cloudflare Access assertion (when configured and
 * present: a bad one is refused outright, an email must be a member's), a Bearer token, the
 * session cookie. Null when nothing (or a Bearer token that is not a member's: ingest routes
 * then try it as an ingest token) was presented; AppError when a credential was and failed.
 */
export async function identify(c: AppContext): Promise<Principal | null> {
  const env = c.env;
  const access = accessConfig(env);
  const assertion = access ? c.req.header(ACCESS_HEADER) : undefined;
  if (access && assertion) {
    const identity = await verifyAccess(assertion, access);
    if (!identity.ok) throw new AppError("unauthorized", 401, "the Cloudflare Access assertion is not valid");
    if (identity.email) {
      const owner = env.OWNER_EMAIL && identity.email === env.OWNER_EMAIL.toLowerCase() ? await ownerMember(env) : null;
      const row = owner ?? (await memberByEmail(drizzle(env.DB), identity.email));
      if (!row) throw new AppError("not_a_member", 403, "this Access identity is not a member of the team");
      return member(row, "access");
    }
    // A service token (no email): fall through to the credentials the client presents.
  }
  const bearer = bearerToken(c.req.raw);
  if (bearer) {
    const row = await memberForToken(env, bearer);
    return row ? member(row, "token") : null;
  }
  const cookie = sessionCookie(c);
  if (cookie) {
    const found = await findSession(drizzle(env.DB), await sha256Hex(cookie), Date.now());
    if (!found) throw new AppError("unauthorized", 401, "the session is not valid; sign in again");
    if ("expired" in found) throw new AppError("session_expired", 401, "the session has expired; sign in again");
    return member(found.member, "session", found.sessionId);
  }
  return null;
}
