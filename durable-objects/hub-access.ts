import * as z from "zod";
import { canSendBoardMessage } from "../core/auth/roles.ts";
import type { BoardClientMessage } from "../core/protocol/board.ts";
import { HUB_MEMBER_HEADER, HUB_TAGS_HEADER, SocketMember } from "../server/object-contracts.ts";
import type { SocketAttachment } from "./board-fanout.ts";

const Tag = z.string().regex(/^[a-z]:[A-Za-z0-9_-]{1,64}$/);
/** The runtime allows 10 tags a socket; the role takes one. */
const MAX_TAGS = 4;

/** The member and tags the Worker put on an upgrade; malformed ones are dropped, not trusted. */
export function socketAccess(request: Request): { member: SocketMember | null; tags: string[] } {
  let member: SocketMember | null = null;
  try {
    const parsed = SocketMember.safeParse(
      JSON.parse(decodeURIComponent(request.headers.get(HUB_MEMBER_HEADER) ?? "null")),
    );
    if (parsed.success) member = parsed.data;
  } catch {
    member = null;
  }
  const tags = (request.headers.get(HUB_TAGS_HEADER) ?? "")
    .split(",")
    .filter((t) => Tag.safeParse(t).success)
    .slice(0, MAX_TAGS);
  return { member, tags };
}

/** Whether the socket's member may send this board message (a socket without a member may send none). */
export function boardMessageAllowed(ws: WebSocket, message: BoardClientMessage): boolean {
  const attachment = ws.deserializeAttachment() as SocketAttachment | null;
  return canSendBoardMessage(attachment?.member?.role, message.type);
}

/** Closes every socket tagged `tag` (a revoked credential); how many there were. */
export function closeTagged(ctx: DurableObjectState, tag: string, reason: string): number {
  const sockets = ctx.getWebSockets(tag);
  for (const ws of sockets) {
    try {
      // 1008: policy violation, the code for "your credentials no longer hold".
      ws.close(1008, reason.slice(0, 100));
    } catch {
      // Already closing.
    }
  }
  return sockets.length;
}
