import { drizzle } from "drizzle-orm/d1";
import { HUB_MEMBER_HEADER, HUB_TAGS_HEADER, type SocketMember } from "../durable-objects/hub-access.ts";
import { noteMemberSocket } from "../server/db/queries-members.ts";
import type { AppContext } from "./env.ts";
import { socketTag } from "./sockets.ts";

/**
 * The headers a socket upgrade goes to its hub with: who holds it (for per-message role checks
 * and real names on claims) and tags naming its credential (so revoking closes it). Whatever
 * the client sent under these names is replaced.
 */
export async function hubSocketHeaders(c: AppContext, broadcastId: string, headers: Headers): Promise<Headers> {
  headers.delete(HUB_MEMBER_HEADER);
  headers.delete(HUB_TAGS_HEADER);
  // The credential stays at the Worker: the hub never needs it.
  headers.delete("authorization");
  headers.delete("cookie");
  headers.delete("cf-access-jwt-assertion");
  const principal = c.get("principal");
  if (principal.kind === "ingest") {
    headers.set(HUB_TAGS_HEADER, socketTag.ingestToken(principal.tokenId));
    return headers;
  }
  const member: SocketMember = { id: principal.member.id, name: principal.member.name, role: principal.role };
  // Header values are Latin-1: names (Korean) travel percent-encoded.
  headers.set(HUB_MEMBER_HEADER, encodeURIComponent(JSON.stringify(member)));
  const tags = [socketTag.member(member.id), ...(principal.sessionId ? [socketTag.session(principal.sessionId)] : [])];
  headers.set(HUB_TAGS_HEADER, tags.join(","));
  await noteMemberSocket(drizzle(c.env.DB), member.id, broadcastId, Date.now());
  return headers;
}
