import { RETRY_BASE_MS, type DeliveryStatus } from "../core/hub/outbox.ts";
import type { BoardServerMessage } from "../core/protocol/board.ts";
import { viewerShardName, ViewerEvent } from "../core/protocol/viewer.ts";
import type { RelayOutcome } from "../server/object-contracts.ts";
import type { HubOutbox, OutboxEntry } from "./hub-outbox.ts";
import { viewerConfig } from "../server/viewer-limits.ts";

/** Outbox entries retried in one alarm round. */
const ROUND_ENTRIES = 50;

/**
 * The hub's side of publishing: an event is written to the outbox first (durable), every
 * manager board is told, then every viewer shard is called in parallel, each with a time box.
 * Shards that fail or time out stay pending in the outbox and are retried from the hub's alarm
 * (`retryDue`) until they confirm; boards hear each answer's delivery status as it changes.
 */
export class ViewerRelay {
  private readonly ctx: DurableObjectState;
  private readonly env: Env;
  private readonly outbox: HubOutbox;
  private readonly onStatus: (statuses: DeliveryStatus[]) => void;
  private readonly armAlarm: (at: number) => void;

  constructor(
    ctx: DurableObjectState,
    env: Env,
    outbox: HubOutbox,
    hooks: { onStatus: (statuses: DeliveryStatus[]) => void; armAlarm: (at: number) => void },
  ) {
    this.ctx = ctx;
    this.env = env;
    this.outbox = outbox;
    this.onStatus = hooks.onStatus;
    this.armAlarm = hooks.armAlarm;
  }

  /** A publish, edit or unpublish: recorded, told to boards, then tried on every shard once now. */
  async publish(broadcastId: string, input: ViewerEvent): Promise<RelayOutcome> {
    const event = ViewerEvent.parse(input);
    const { shards, deliverTimeoutMs } = viewerConfig(this.env);
    const now = Date.now();
    const entry = this.outbox.enqueue(event, shards, now);
    // Armed with the outbox write, before any shard is called: an eviction mid-relay still retries.
    this.armAlarm(now + deliverTimeoutMs + RETRY_BASE_MS);
    tellBoards(this.ctx, event);
    const { failed, viewers } = await this.deliver(broadcastId, entry);
    return { shards: shards - failed, failedShards: failed, viewers, retrying: failed > 0 };
  }

  /** The alarm's part: every entry whose retry is due, tried again on the shards still pending. */
  async retryDue(broadcastId: string, now: number): Promise<void> {
    const due = this.outbox.due(now, ROUND_ENTRIES);
    await Promise.all(due.map((entry) => this.deliver(broadcastId, entry)));
  }

  private async deliver(broadcastId: string, entry: OutboxEntry): Promise<{ failed: number; viewers: number }> {
    const { deliverTimeoutMs } = viewerConfig(this.env);
    const results = await Promise.all(
      entry.pending.map((shard) =>
        deliverOnce(this.env, viewerShardName(broadcastId, shard), entry.event, deliverTimeoutMs),
      ),
    );
    const confirmed = entry.pending.filter((_, i) => results[i] !== null);
    const failed = entry.pending.filter((_, i) => results[i] === null);
    const status = this.outbox.record(entry, { confirmed, failed }, Date.now());
    if (status) this.onStatus([status]);
    return { failed: failed.length, viewers: results.reduce((sum: number, r) => sum + (r?.viewers ?? 0), 0) };
  }
}

/** One call to one shard: its viewer count, or null when it failed, refused or did not answer in time. */
async function deliverOnce(
  env: Env,
  name: string,
  event: ViewerEvent,
  timeoutMs: number,
): Promise<{ viewers: number } | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  try {
    // A fresh stub per call: a stub that saw an exception may be broken for good.
    const outcome = await Promise.race([env.VIEWER_FANOUT.getByName(name).deliver(event), timeout]);
    if (outcome === "timeout") throw new Error(`no answer within ${timeoutMs} ms`);
    if ("viewers" in outcome) return outcome;
    console.error(
      JSON.stringify({ level: "error", what: "viewer shard refused an event", shard: name, message: outcome.error }),
    );
    return null;
  } catch (err) {
    console.error(
      JSON.stringify({
        level: "warn",
        what: "viewer relay failed; retrying from the outbox",
        shard: name,
        message: String(err),
      }),
    );
    return null;
  } finally {
    clearTimeout(timer);
  }
}

function tellBoards(ctx: DurableObjectState, event: ViewerEvent): void {
  const message: BoardServerMessage =
    event.type === "qa"
      ? {
          type: "answer-published",
          answer: { id: event.id, question: event.question, answer: event.answer, at: event.at },
        }
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
