import type { BoardClientMessage } from "../protocol/board.ts";

/**
 * The team's roles: the owner does everything (members, settings, deletion); a
 * manager runs broadcasts (setup, capture, knowledge, publishing, moderation); a moderator takes moderation
 * actions on the board; an analyst only reads (board, reports, exports).
 */
export const ROLES = ["owner", "manager", "moderator", "analyst"] as const;
export type Role = (typeof ROLES)[number];

/** Everything a route or a board message may need. One name per kind of act, not per route. */
export const PERMISSIONS = [
  /** List and read broadcasts, answers, knowledge, capture and setup progress; watch a board. */
  "broadcast.read",
  /** Chat log exports and reports. */
  "broadcast.export",
  /** Create broadcasts, run setup and the Q&A crawl. */
  "broadcast.setup",
  /** Delete a broadcast and its data. */
  "broadcast.delete",
  /** Start and stop capture; send chats with a member's credentials. */
  "capture.run",
  /** Issue, rotate and revoke ingest tokens. */
  "ingest-token.manage",
  /** Edit notes, product details and manual Q&A. */
  "knowledge.edit",
  /** Draft, publish, edit and unpublish answers; claim a question cluster on the board. */
  "answer.publish",
  /** Mark question clusters answered, dismissed or open again on the board. */
  "cluster.triage",
  /** Moderation actions (hiding chats, blocking nicknames…). */
  "moderation.act",
  /** Add and revoke members. */
  "member.manage",
  /** Read the audit log. */
  "audit.read",
  /** Server settings. */
  "settings.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: readonly Permission[] = ["broadcast.read"];

/** The role → permission table: the only place that decides who may do what. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  owner: new Set(PERMISSIONS),
  manager: new Set<Permission>([
    ...READ,
    "broadcast.export",
    "broadcast.setup",
    "capture.run",
    "ingest-token.manage",
    "knowledge.edit",
    "answer.publish",
    "cluster.triage",
    // The issue's own words: "a moderator or manager allows or denies"; a manager also reveals.
    "moderation.act",
  ]),
  moderator: new Set<Permission>([...READ, "cluster.triage", "moderation.act"]),
  analyst: new Set<Permission>([...READ, "broadcast.export"]),
};

/** Whether `role` may do `permission`; unknown roles may do nothing. */
export function can(role: string | null | undefined, permission: Permission): boolean {
  return role != null && Object.hasOwn(ROLE_PERMISSIONS, role) && ROLE_PERMISSIONS[role as Role].has(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * What each board message needs. Messages added later (moderation actions, say) must get an
 * entry here: the type makes a missing one a compile error.
 */
export const BOARD_MESSAGE_PERMISSIONS: Readonly<Record<BoardClientMessage["type"], Permission>> = {
  hello: "broadcast.read",
  ping: "broadcast.read",
  "cluster-status": "cluster.triage",
  claim: "answer.publish",
  older: "broadcast.read",
  moderate: "moderation.act",
  "moderation-settings": "broadcast.setup",
  nickname: "broadcast.read",
};

/** Whether a board socket held by `role` may send a message of `type`. */
export function canSendBoardMessage(role: string | null | undefined, type: BoardClientMessage["type"]): boolean {
  return can(role, BOARD_MESSAGE_PERMISSIONS[type]);
}
