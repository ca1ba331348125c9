import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import {
  type AuditList,
  AuditQuery,
  MemberId,
  NewMember,
  type CreatedMember,
  type MemberList,
} from "../../core/auth/api.ts";
import { actorOf, requirePermission } from "../auth.ts";
import { listAudit, recordAudit } from "../../server/audit.ts";
import { randomToken, sha256Hex } from "../crypto.ts";
import {
  insertMember,
  listMembers,
  OWNER_ID,
  revokeMember,
  rotateMemberToken,
} from "../../server/db/queries-members.ts";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { closeMemberSockets, socketTag } from "../sockets.ts";
import { validate } from "../validate.ts";

const IdParam = z.object({ id: MemberId });

/** The owner's team: add members (each with a sign-in token shown once), list, revoke. Mounted at `/api/members`. */
export const memberRoutes = new Hono<AppEnv>()
  .use(requirePermission("member.manage"))
  .get("/", async (c) => c.json({ members: await listMembers(drizzle(c.env.DB)) } satisfies MemberList))
  .post("/", validate("json", NewMember), async (c) => {
    const body = c.req.valid("json");
    const db = drizzle(c.env.DB);
    const id = `m-${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const token = randomToken();
    const actor = actorOf(c);
    const added = await insertMember(
      db,
      {
        id,
        name: body.name,
        role: body.role,
        email: body.email ?? null,
        tokenHash: await sha256Hex(token),
        createdBy: actor.id,
      },
      Date.now(),
    );
    if (!added) throw new AppError("conflict", 409, "a member with this email exists");
    await recordAudit(db, actor, "member.add", `${id} ${body.name} (${body.role})`);
    return c.json({ id, token } satisfies CreatedMember, 201);
  })
  /** A new sign-in token for a member (shown once): the old one and every session end, open sockets close. */
  .post("/:id/token", validate("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    if (id === OWNER_ID)
      throw new AppError("conflict", 409, "the owner's token is ADMIN_TOKEN: rotate the secret instead");
    const db = drizzle(c.env.DB);
    const token = randomToken();
    const name = await rotateMemberToken(db, id, await sha256Hex(token), Date.now());
    if (name === null) throw new AppError("not_found", 404, "no such member");
    await recordAudit(db, actorOf(c), "member.token-rotate", `${id} ${name}`);
    await closeMemberSockets(c.env, id, socketTag.member(id), "sign-in token rotated");
    return c.json({ id, token } satisfies CreatedMember, 201);
  })
  .delete("/:id", validate("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    if (id === OWNER_ID)
      throw new AppError(
        "conflict",
        409,
        "the owner signs in with ADMIN_TOKEN and cannot be removed; rotate ADMIN_TOKEN instead",
      );
    const db = drizzle(c.env.DB);
    const name = await revokeMember(db, id, Date.now());
    if (name === null) throw new AppError("not_found", 404, "no such member");
    await recordAudit(db, actorOf(c), "member.revoke", `${id} ${name}`);
    await closeMemberSockets(c.env, id, socketTag.member(id), "member revoked");
    return c.body(null, 204);
  });

/** `GET /api/audit?broadcastId=&limit=`: who did what, newest first (owner). */
export const auditRoutes = new Hono<AppEnv>().get(
  "/",
  requirePermission("audit.read"),
  validate("query", AuditQuery),
  async (c) => {
    const { broadcastId, limit } = c.req.valid("query");
    return c.json({
      items: await listAudit(drizzle(c.env.DB), { ...(broadcastId ? { broadcastId } : {}), limit }),
    } satisfies AuditList);
  },
);
