import type { BoardClientMessage, BoardServerMessage, Claim } from "../core/protocol/board.ts";
import { send, type BoardFanout, type SocketAttachment } from "./board-fanout.ts";
import type { HubClusters } from "./hub-clusters.ts";
import type { HubModeration } from "./hub-moderation.ts";
import { recordClusterStatus } from "./hub-report.ts";
import { olderPage } from "./hub-history.ts";
import { OLDER_PAGE } from "../core/hub/window.ts";

/** What a board message may touch in the hub. */
export interface BoardContext {
  ctx: DurableObjectState;
  fanout: BoardFanout;
  clusters: HubClusters;
  moderation: HubModeration;
  /** A denied chat from a source LiveQ may moderate (YouTube) is deleted there too (hub-source-deny.ts). */
  denyAtSource(commentNo: number, by: SocketAttachment["member"]): void;
}

/** Handles one validated message from a manager's board. */
export function handleBoardMessage(hub: BoardContext, ws: WebSocket, message: BoardClientMessage): void {
  switch (message.type) {
    case "ping":
      return send(ws, { type: "pong" });
    case "hello":
      return hub.fanout.replayTo(ws, message.lastSeq, message.recent ?? false);
    case "older":
      return send(ws, olderPage(hub.ctx.storage.sql, message.column, message.beforeSeq, message.limit ?? OLDER_PAGE));
    case "cluster-status":
      if (!hub.clusters.setStatus(message.id, message.status)) {
        return send(ws, { type: "error", code: "unknown_cluster", message: "no such cluster" });
      }
      recordClusterStatus(
        hub.ctx.storage.sql,
        message.id,
        message.status,
        Date.now(),
        (ws.deserializeAttachment() as SocketAttachment).claim?.manager ?? null,
      );
      return hub.fanout.touch();
    case "claim": {
      const { claim: _previous, ...attachment } = ws.deserializeAttachment() as SocketAttachment;
      // Claims carry the signed-in member's name, never a typed one.
      const manager = attachment.member?.name ?? message.manager ?? "?";
      const claim = message.clusterId === null ? undefined : { clusterId: message.clusterId, manager };
      ws.serializeAttachment({ ...attachment, ...(claim ? { claim } : {}) } satisfies SocketAttachment);
      return broadcastClaims(hub.ctx, hub.fanout);
    }
    case "moderate": {
      const decided = hub.moderation.decide(message.seq, message.decision);
      if (!decided)
        return send(ws, { type: "error", code: "not_held", message: "no such chat waiting for a decision" });
      const by = (ws.deserializeAttachment() as SocketAttachment).member?.name ?? null;
      hub.fanout.broadcast(
        JSON.stringify({
          type: "moderation-decision",
          seq: message.seq,
          decision: message.decision,
          by,
        } satisfies BoardServerMessage),
      );
      if (message.decision === "deny")
        hub.denyAtSource(decided.chat.commentNo, (ws.deserializeAttachment() as SocketAttachment).member);
      if (message.decision === "allow") {
        // Sent on its own (not through the coalescer, whose frames carry increasing seqs).
        hub.fanout.broadcast(JSON.stringify({ type: "chats", items: [decided.chat] } satisfies BoardServerMessage));
        if (decided.chat.intent !== "pending") hub.clusters.add([decided.chat]);
      }
      return hub.fanout.touch();
    }
    case "moderation-settings": {
      if (!hub.moderation.setSettings(message.settings))
        return send(ws, { type: "error", code: "invalid_settings", message: "invalid moderation settings" });
      return hub.fanout.broadcast(JSON.stringify(hub.moderation.settingsFrame()));
    }
    case "nickname":
      return send(ws, hub.moderation.nickname(message.nickname));
  }
}

/** Every open board's claim: kept in socket attachments, so they survive hibernation. */
export function currentClaims(ctx: DurableObjectState, except?: WebSocket): Claim[] {
  return (
    ctx
      .getWebSockets("board")
      // A socket closed for a revoked member is still listed until the close completes.
      .filter((ws) => ws !== except && ws.readyState === WebSocket.OPEN)
      .flatMap((ws) => (ws.deserializeAttachment() as SocketAttachment).claim ?? [])
  );
}

/** Tells every live board who is answering what. */
export function broadcastClaims(ctx: DurableObjectState, fanout: BoardFanout, except?: WebSocket): void {
  fanout.broadcast(JSON.stringify({ type: "claims", items: currentClaims(ctx, except) } satisfies BoardServerMessage));
}
