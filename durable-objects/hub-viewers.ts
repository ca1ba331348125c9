import type { BoardServerMessage } from "../core/protocol/board.ts";
import { viewerShardName, ViewerEvent } from "../core/protocol/viewer.ts";
import { viewerConfig } from "../server/viewer-limits.ts";

/** What one relay reached: shards that stored and sent the event, and their viewers. */
export interface RelayOutcome {
  shards: number;
  failedShards: number;
  viewers: number;
}

/**
 * The hub's side of publishing: the event goes to every ViewerFanout shard of the broadcast
 * (in parallel, one retry for a shard that fails) and one frame to every manager board, so
 * other managers see the change. Called from `BroadcastHub.relayToViewers`.
 */
export async function relayToViewers(ctx: DurableObjectState, env: Env, broadcastId: string, input: ViewerEvent): Promise<RelayOutcome> {
  const event = ViewerEvent.parse(input);
  tellBoards(ctx, event);
  const { shards } = viewerConfig(env);
  const results = await Promise.all(
    Array.from({ length: shards }, (_, shard) => deliverWithRetry(env, viewerShardName(broadcastId, shard), event)),
  );
  const reached = results.filter((r) => r !== null);
  return {
    shards: reached.length,
    failedShards: shards - reached.length,
    viewers: reached.reduce((sum, r) => sum + r.viewers, 0),
  };
}

async function deliverWithRetry(env: Env, name: string, event: ViewerEvent): Promise<{ viewers: number } | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // A fresh stub per attempt: a stub that saw an exception may be broken for good.
      const outcome = await env.VIEWER_FANOUT.getByName(name).deliver(event);
      if ("viewers" in outcome) return outcome;
      console.error(JSON.stringify({ level: "error", what: "viewer shard refused an event", shard: name, message: outcome.error }));
      return null;
    } catch (err) {
      console.error(JSON.stringify({ level: "warn", what: "viewer relay failed", shard: name, attempt, message: String(err) }));
    }
  }
  return null;
}

function tellBoards(ctx: DurableObjectState, event: ViewerEvent): void {
  const message: BoardServerMessage =
    event.type === "qa"
      ? { type: "answer-published", answer: { id: event.id, question: event.question, answer: event.answer, at: event.at } }
      : { type: "answer-unpublished", id: event.id };
  const frame = JSON.stringify(message);
  for (const ws of ctx.getWebSockets("board")) {
    try {
      ws.send(frame);
    } catch {
      // A board closing under us: the others still get the frame.
    }
  }
}
