import { and, eq, gt, isNull } from "drizzle-orm";
import type { Role } from "../../core/auth/roles.ts";
import type { MemberView } from "../../core/auth/api.ts";
import type { Db } from "./queries.ts";
import { members, memberSockets, sessions } from "./schema.ts";

/** The member ADMIN_TOKEN signs in as. */
export const OWNER_ID = "owner";

export interface MemberRow {
  id: string;
  name: string;
  role: Role;
}

const MEMBER = { id: members.id, name: members.name, role: members.role } as const;

/** Creates the bootstrap owner once (later calls change nothing but a configured name or email). */
export async function ensureOwner(db: Db, name: string, email: string | null, now: number): Promise<MemberRow> {
  await db
    .insert(members)
    .values({ id: OWNER_ID, name, role: "owner", email, createdAt: now })
    .onConflictDoUpdate({ target: members.id, set: { name, email, role: "owner", revokedAt: null } });
  return { id: OWNER_ID, name, role: "owner" };
}

export async function memberByTokenHash(db: Db, hash: string): Promise<MemberRow | null> {
  const row = await db
    .select(MEMBER)
    .from(members)
    .where(and(eq(members.tokenHash, hash), isNull(members.revokedAt)))
    .get();
  return row ?? null;
}

export async function memberByEmail(db: Db, email: string): Promise<MemberRow | null> {
  const row = await db
    .select(MEMBER)
    .from(members)
    .where(and(eq(members.email, email.toLowerCase()), isNull(members.revokedAt)))
    .get();
  return row ?? null;
}

/** False when the email already belongs to an active member. */
export async function insertMember(
  db: Db,
  m: { id: string; name: string; role: Role; email: string | null; tokenHash: string; createdBy: string },
  now: number,
): Promise<boolean> {
  if (m.email && (await memberByEmail(db, m.email))) return false;
  await db.insert(members).values({ ...m, createdAt: now });
  return true;
}

export async function listMembers(db: Db): Promise<MemberView[]> {
  return db
    .select({
      id: members.id,
      name: members.name,
      role: members.role,
      email: members.email,
      createdAt: members.createdAt,
    })
    .from(members)
    .where(isNull(members.revokedAt))
    .orderBy(members.createdAt);
}

/** Revokes the member, their token and every session; the member's name, or null when there was none. */
export async function revokeMember(db: Db, id: string, now: number): Promise<string | null> {
  const row = await db
    .select({ name: members.name })
    .from(members)
    .where(and(eq(members.id, id), isNull(members.revokedAt)))
    .get();
  if (!row) return null;
  await db.batch([
    db.update(members).set({ revokedAt: now, tokenHash: null }).where(eq(members.id, id)),
    db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.memberId, id), isNull(sessions.revokedAt))),
  ]);
  return row.name;
}

/** Gives an active member a new sign-in token hash and ends their sessions; their name, or null when there is none. */
export async function rotateMemberToken(db: Db, id: string, tokenHash: string, now: number): Promise<string | null> {
  const row = await db
    .select({ name: members.name })
    .from(members)
    .where(and(eq(members.id, id), isNull(members.revokedAt)))
    .get();
  if (!row) return null;
  await db.batch([
    db.update(members).set({ tokenHash }).where(eq(members.id, id)),
    db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.memberId, id), isNull(sessions.revokedAt))),
  ]);
  return row.name;
}

export async function insertSession(
  db: Db,
  s: { hash: string; id: string; memberId: string; expiresAt: number },
  now: number,
): Promise<void> {
  await db.insert(sessions).values({ ...s, createdAt: now });
}

export type SessionLookup = { member: MemberRow; sessionId: string } | { expired: true } | null;

/** The session's member when it is live; `expired` for a known but expired session. */
export async function findSession(db: Db, hash: string, now: number): Promise<SessionLookup> {
  const row = await db
    .select({ ...MEMBER, sessionId: sessions.id, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(members, eq(members.id, sessions.memberId))
    .where(and(eq(sessions.hash, hash), isNull(sessions.revokedAt), isNull(members.revokedAt)))
    .get();
  if (!row) return null;
  if (row.expiresAt <= now) return { expired: true };
  return { member: { id: row.id, name: row.name, role: row.role }, sessionId: row.sessionId };
}

/** Revokes a session by its hash; its public id and member, or null when it was not live. */
export async function revokeSession(
  db: Db,
  hash: string,
  now: number,
): Promise<{ id: string; memberId: string } | null> {
  const row = await db
    .select({ id: sessions.id, memberId: sessions.memberId })
    .from(sessions)
    .where(and(eq(sessions.hash, hash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .get();
  if (!row) return null;
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.hash, hash));
  return row;
}

/** Remembers that a member has a socket on a broadcast's hub (where to close it on revoke). */
export async function noteMemberSocket(db: Db, memberId: string, broadcastId: string, now: number): Promise<void> {
  await db
    .insert(memberSockets)
    .values({ memberId, broadcastId, at: now })
    .onConflictDoUpdate({ target: [memberSockets.memberId, memberSockets.broadcastId], set: { at: now } });
}

export async function memberSocketBroadcasts(db: Db, memberId: string): Promise<string[]> {
  const rows = await db
    .select({ broadcastId: memberSockets.broadcastId })
    .from(memberSockets)
    .where(eq(memberSockets.memberId, memberId));
  return rows.map((r) => r.broadcastId);
}
