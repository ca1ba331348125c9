import { DurableObject } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { planReplay } from "../core/hub/replay.ts";
import { minuteOf, recentMinutes } from "../core/hub/stats.ts";
import type { IntentClassifier } from "../core/intent/types.ts";
import { BoardClientMessage, type BoardChat, type BoardServerMessage } from "../core/protocol/board.ts";
import { IngestBatch, parseChatItems, type IngestAck } from "../core/protocol/ingest.ts";
import { LIMITS } from "../core/protocol/limits.ts";
import { intentClassifier } from "../workers/backends.ts";
import { updateBroadcastActivity } from "../workers/db/queries.ts";
import { HubLog } from "./hub-log.ts";

/** Headers the Worker sets (after authenticating) when it hands a socket to the hub. */
export const HUB_ROLE_HEADER = "x-liveq-role";
export const HUB_BROADCAST_HEADER = "x-liveq-broadcast";

export type SocketRole = "board" | "ingest";
/** Kept small: it is serialized with the socket across hibernation. */
interface SocketAttachment {
  role: SocketRole;
  /** A board is live once replay has caught it up: from then on it gets coalesced frames. */
  live: boolean;
}

const FLUSH_MS = 50;
const STATS_EVERY_MS = 1000;
const D1_SYNC_MS = 5000;
const STATS_MINUTES = 30;

export type IngestOutcome = IngestAck | { type: "error"; code: string; message: string };

/**
 * One per broadcast: takes chat batches from any source, dedupes, classifies once per
 * batch, appends to its SQLite log (the source of truth) and fans out coalesced frames
 * to manager boards over hibernatable WebSockets. Memory is only a cache of the log.
 */
export class BroadcastHub extends DurableObject<Env> {
  private log!: HubLog;
  private readonly classifier: IntentClassifier;
  /** Logged but not yet sent to live boards; seq > flushedSeq. */
  private pending: BoardChat[] = [];
  private flushedSeq = 0;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private statsDirty = false;
  private lastStatsAt = 0;
  private alarmArmed = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.classifier = intentClassifier(env);
    void ctx.blockConcurrencyWhile(async () => {
      this.log = new HubLog(ctx.storage);
      this.flushedSeq = this.log.lastSeq;
    });
  }

  /** WebSocket upgrades only; the Worker has authenticated and set the role header. */
  override async fetch(request: Request): Promise<Response> {
    const role = request.headers.get(HUB_ROLE_HEADER);
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket" || (role !== "board" && role !== "ingest")) {
      return new Response("expected a websocket upgrade", { status: 426 });
    }
    this.rememberBroadcastId(request.headers.get(HUB_BROADCAST_HEADER));
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [role]);
    server.serializeAttachment({ role, live: false } satisfies SocketAttachment);
    if (role === "board") this.send(server, { type: "welcome", broadcastId: this.broadcastId, lastSeq: this.log.lastSeq });
    return new Response(null, { status: 101, webSocket: client });
  }

  /** RPC for `POST /api/broadcasts/:id/chats`: the same path as the ingest socket. */
  async ingest(broadcastId: string, body: unknown): Promise<IngestOutcome> {
    this.rememberBroadcastId(broadcastId);
    return this.ingestBatch(body);
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const attachment = ws.deserializeAttachment() as SocketAttachment;
    const data = decodeMessage(message);
    if (data === undefined) return this.reject(ws, "invalid_json", "messages must be JSON text under the size limit");
    if (attachment.role === "ingest") {
      const outcome = this.ingestBatch(data);
      ws.send(JSON.stringify(outcome));
      return;
    }
    const parsed = BoardClientMessage.safeParse(data);
    if (!parsed.success) return this.reject(ws, "invalid_message", "unknown or malformed board message");
    if (parsed.data.type === "ping") return this.send(ws, { type: "pong" });
    this.replayTo(ws, parsed.data.lastSeq);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    // 1005/1006/1015 are reserved: they may be received but never sent.
    if (code !== 1005 && code !== 1006 && code !== 1015) ws.close(code, reason);
  }

  override async webSocketError(): Promise<void> {}

  /** Periodic work: mirror what D1 lists (chat count, live status). Idempotent. */
  override async alarm(): Promise<void> {
    this.alarmArmed = false;
    const id = this.log.getMeta("broadcast_id");
    if (!id) return;
    await updateBroadcastActivity(drizzle(this.env.DB), id, this.log.lastSeq, Date.now());
  }

  private get broadcastId(): string {
    return this.log.getMeta("broadcast_id") ?? "";
  }

  private rememberBroadcastId(id: string | null): void {
    if (id && this.log.getMeta("broadcast_id") !== id) this.log.setMeta("broadcast_id", id);
  }

  private ingestBatch(data: unknown): IngestOutcome {
    const batch = IngestBatch.safeParse(data);
    if (!batch.success) {
      this.log.addCounters({ malformed: 1 });
      return { type: "error", code: "invalid_batch", message: batch.error.issues[0]?.message ?? "invalid batch" };
    }
    const { chats, malformed } = parseChatItems(batch.data.chats);
    const intents = chats.length ? this.classifier.classifyBatch(chats.map((c) => c.message)) : [];
    if (intents instanceof Promise) throw new Error("the hub's classifier must answer synchronously");
    const result = this.log.append(chats, intents, batch.data.source, Date.now());
    if (malformed) this.log.addCounters({ malformed });
    if (result.chats.length) this.enqueue(result.chats);
    const ack: IngestAck = {
      type: "ack",
      upTo: result.upTo,
      seq: this.log.lastSeq,
      accepted: result.chats.length,
      duplicates: result.duplicates,
      malformed,
    };
    if (batch.data.batchId !== undefined) ack.batchId = batch.data.batchId;
    return ack;
  }

  private enqueue(chats: BoardChat[]): void {
    for (const chat of chats) this.pending.push(chat);
    this.statsDirty = true;
    if (this.pending.length >= LIMITS.maxFrameItems) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
    if (!this.alarmArmed) {
      this.alarmArmed = true;
      void this.ctx.storage.setAlarm(Date.now() + D1_SYNC_MS);
    }
  }

  /** Sends everything pending to live boards as one frame (serialized once). */
  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pending.length) {
      const frame = JSON.stringify({ type: "chats", items: this.pending } satisfies BoardServerMessage);
      this.flushedSeq = this.pending[this.pending.length - 1]!.seq;
      this.pending = [];
      this.forEachLiveBoard((ws) => ws.send(frame));
    }
    const now = Date.now();
    if (this.statsDirty && now - this.lastStatsAt >= STATS_EVERY_MS) {
      const stats = JSON.stringify(this.stats(now));
      this.forEachLiveBoard((ws) => ws.send(stats));
      this.statsDirty = false;
      this.lastStatsAt = now;
    } else if (this.statsDirty) {
      this.flushTimer = setTimeout(() => this.flush(), STATS_EVERY_MS - (now - this.lastStatsAt));
    }
  }

  private forEachLiveBoard(send: (ws: WebSocket) => void): void {
    for (const ws of this.ctx.getWebSockets("board")) {
      if (!(ws.deserializeAttachment() as SocketAttachment).live) continue;
      try {
        send(ws);
      } catch {
        // A socket closing under us: its close handler cleans up; others must still get the frame.
      }
    }
  }

  /** Replays the log after `lastSeq` (one page at most); then the board goes live, or is told to resync. */
  private replayTo(ws: WebSocket, lastSeq: number): void {
    // Send what is pending first so the replay can run right up to the log's end.
    this.flush();
    const plan = planReplay(lastSeq, this.flushedSeq, LIMITS.maxReplayChats);
    if (plan.range) {
      const chats = this.log.range(plan.range.from, plan.range.to);
      for (let i = 0; i < chats.length; i += LIMITS.maxFrameItems) {
        this.send(ws, { type: "chats", items: chats.slice(i, i + LIMITS.maxFrameItems) });
      }
    }
    if (plan.resyncFrom !== null) {
      ws.serializeAttachment({ role: "board", live: false } satisfies SocketAttachment);
      return this.send(ws, { type: "resync", fromSeq: plan.resyncFrom });
    }
    ws.serializeAttachment({ role: "board", live: true } satisfies SocketAttachment);
    this.send(ws, this.stats(Date.now()));
  }

  private stats(now: number): BoardServerMessage {
    const { general, request, question, malformed, duplicates } = this.log.counters;
    const nowMinute = minuteOf(now);
    const perMinute = recentMinutes(this.log.minutes(nowMinute - STATS_MINUTES + 1), nowMinute, STATS_MINUTES);
    return { type: "stats", totals: { general, request, question }, perMinute, malformed, duplicates };
  }

  private reject(ws: WebSocket, code: string, message: string): void {
    this.log.addCounters({ malformed: 1 });
    this.send(ws, { type: "error", code, message });
  }

  private send(ws: WebSocket, message: BoardServerMessage): void {
    ws.send(JSON.stringify(message));
  }
}

/** Parses a socket message as JSON text within the size limit; undefined when it is not. */
function decodeMessage(message: string | ArrayBuffer): unknown {
  if (typeof message !== "string" || message.length > LIMITS.maxSocketMessageBytes) return undefined;
  try {
    return JSON.parse(message);
  } catch {
    return undefined;
  }
}
