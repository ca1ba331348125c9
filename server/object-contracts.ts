/**
 * What the Worker and the Durable Objects agree on when a request crosses from one to the
 * other: the headers the Worker sets after authenticating, and the shapes objects answer. Both
 * sides import this file; neither imports the other.
 */
import * as z from "zod";
import { Role } from "../core/auth/api.ts";

/** BroadcastHub upgrade: which kind of socket ("board" or "ingest") the Worker authorised. */
export const HUB_ROLE_HEADER = "x-liveq-role";
/** BroadcastHub and ViewerFanout: the broadcast id, so an object learns its own name. */
export const HUB_BROADCAST_HEADER = "x-liveq-broadcast";
/** Set by the Worker after authenticating (never passed through from the client): who holds the socket. */
export const HUB_MEMBER_HEADER = "x-liveq-member";
/** Set by the Worker: tags naming the credential (member, session, ingest token) a socket was opened with. */
export const HUB_TAGS_HEADER = "x-liveq-tags";

export type SocketRole = "board" | "ingest";

export const SocketMember = z.object({ id: z.string().max(64), name: z.string().max(80), role: Role });
export type SocketMember = z.infer<typeof SocketMember>;

/** ViewerFanout upgrade: the viewer's address key, for per-address limits. */
export const VIEWER_IP_HEADER = "x-liveq-viewer-ip";
export const VIEWER_BROADCAST_HEADER = HUB_BROADCAST_HEADER;

/** What one relay to the viewer shards reached (the publishing routes answer it to the dashboard). */
export type { RelayOutcome } from "../core/protocol/responses.ts";

/** What a write into the YouTube chat answered: done (with the posted message), or why not. */
export type WriteOutcome =
  | { ok: true; id?: string; text?: string }
  | { ok: false; code: string; message: string; status: number };

/** Longest temporary timeout a moderator may give from LiveQ (YouTube allows up to a day). */
export const MAX_TIMEOUT_SECONDS = 86_400;
