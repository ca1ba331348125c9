import { drizzle } from "drizzle-orm/d1";
import { memberSocketBroadcasts } from "../server/db/queries-members.ts";

/**
 * Tags the Worker gives the sockets it hands to a hub, so that revoking a credential can find
 * and close exactly the sockets opened with it.
 */
export const socketTag = {
  member: (id: string) => `m:${id}`,
  session: (id: string) => `s:${id}`,
  ingestToken: (id: string) => `t:${id}`,
};

/** Closes the sockets tagged `tag` on one broadcast's hub; how many were open. */
export async function closeHubSockets(env: Env, broadcastId: string, tag: string, reason: string): Promise<number> {
  try {
    return await env.BROADCAST_HUB.getByName(broadcastId).closeSockets(tag, reason);
  } catch (err) {
    console.error(
      JSON.stringify({ level: "error", what: "closing sockets failed", broadcastId, message: String(err) }),
    );
    return 0;
  }
}

/** Closes a member's (or one of their sessions') sockets on every hub they opened one on. */
export async function closeMemberSockets(env: Env, memberId: string, tag: string, reason: string): Promise<number> {
  const broadcasts = await memberSocketBroadcasts(drizzle(env.DB), memberId);
  const closed = await Promise.all(broadcasts.map((id) => closeHubSockets(env, id, tag, reason)));
  return closed.reduce((a, b) => a + b, 0);
}
