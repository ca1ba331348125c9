import { desc, eq } from "drizzle-orm";
import type { AuditItem } from "../core/auth/api.ts";
import type { Db } from "./db/queries.ts";
import { auditLog } from "./db/schema.ts";

/** Who did something, as the audit log and claims name them. */
export interface Actor {
  id: string;
  name: string;
}

/**
 * Actions this branch records; other features add theirs (e.g. "moderation.hide",
 * "broadcast.delete"). Names are `<thing>.<verb>`.
 */
export type AuditAction =
  | "answer.publish"
  | "answer.edit"
  | "answer.unpublish"
  | "member.add"
  | "member.revoke"
  | "member.token-rotate"
  | "ingest-token.create"
  | "ingest-token.revoke"
  | "broadcast.create"
  | "broadcast.export"
  | (string & {});

/**
 * Records who did what to which target (and broadcast) in D1's audit log. Awaited by callers:
 * an act that cannot be recorded should fail rather than go unrecorded.
 */
export async function recordAudit(
  db: Db,
  actor: Actor,
  action: AuditAction,
  target: string,
  broadcastId?: string | null,
): Promise<void> {
  await db.insert(auditLog).values({
    at: Date.now(),
    actorId: actor.id.slice(0, 64),
    actorName: actor.name.slice(0, 80),
    action: action.slice(0, 64),
    target: target.slice(0, 200),
    broadcastId: broadcastId ?? null,
  });
}

/** Newest first. */
export async function listAudit(db: Db, options: { broadcastId?: string; limit: number }): Promise<AuditItem[]> {
  const query = db.select().from(auditLog);
  const rows = await (options.broadcastId ? query.where(eq(auditLog.broadcastId, options.broadcastId)) : query)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.limit);
  return rows.map((r) => ({
    at: r.at,
    actor: { id: r.actorId, name: r.actorName },
    action: r.action,
    target: r.target,
    broadcastId: r.broadcastId,
  }));
}
