import { DurableObject } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import {
  toQaPair,
  VIEWER_LIMITS,
  VIEWER_PING,
  VIEWER_PONG,
  ViewerClientMessage,
  ViewerEvent,
  type QaPair,
  type ViewerServerMessage,
} from "../core/protocol/viewer.ts";
import { viewerAddressKey } from "../core/protocol/viewer-address.ts";
import { listAnswers } from "../server/db/queries-answers.ts";
import { VIEWER_BROADCAST_HEADER, VIEWER_IP_HEADER } from "../server/object-contracts.ts";
import { wipeObject } from "./lifecycle.ts";
import { ViewerRateLimiter, viewerConfig } from "../server/viewer-limits.ts";

/** Headers the Worker sets when it hands a viewer socket to a shard. */

/** Well under the 32,768 hibernated sockets one object may hold. */
const MAX_SOCKETS_PER_SHARD = 30_000;
/** Schema steps, applied once each in order: never edit one, add one. */
const SCHEMA_STEPS: readonly string[] = [
  "CREATE TABLE IF NOT EXISTS pairs (id TEXT PRIMARY KEY, question TEXT NOT NULL, answer TEXT NOT NULL, at INTEGER NOT NULL)",
  // Answers taken down: a publish or edit of one arriving late (a retry overtaken by the unpublish) is ignored.
  "CREATE TABLE IF NOT EXISTS retracted (id TEXT PRIMARY KEY, at INTEGER NOT NULL)",
];
/** Retracted ids remembered; far more than the retries that could still be on their way. */
const MAX_RETRACTED = 2000;

/**
 * Viewer sockets decline permessage-deflate, which browsers offer and the runtime would
 * otherwise accept: every viewer gets the same small frame, and compressing it once per
 * socket cost workerd ~220 KiB (a deflate context) per socket and ~40% more CPU
 * per publish (bench:viewers). An extensions header that names no permessage-deflate is
 * the runtime's way to agree to none; workerd drops it from the 101 (checked with curl).
 */
const DECLINE_COMPRESSION = { "sec-websocket-extensions": "none" };

/** Kept small: serialized with each socket across hibernation. */
interface ViewerAttachment {
  ip: string;
}

export interface ViewerShardStats {
  sockets: number;
  pairs: number;
  refused: number;
  rateLimited: number;
  rejectedConnections: number;
}

/** How many viewers a relayed event was sent to, or why it was refused. */
export type DeliverOutcome = { viewers: number } | { error: string };

type Counter = "refused" | "rate_limited" | "rejected_connections";

/**
 * One shard (`<broadcast>:<shard>`) of a broadcast's viewers: read-only hibernatable
 * sockets, the recent published pairs in its own SQLite (sent on connect), and the
 * hub's publish/unpublish relayed to every socket. Keep-alives are answered by the
 * runtime without waking the object; any other message is refused, counted and
 * rate-limited per IP.
 */
export class ViewerFanout extends DurableObject<Env> {
  private readonly limiter: ViewerRateLimiter;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.limiter = new ViewerRateLimiter(viewerConfig(env).maxMessagesPerMinute);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(VIEWER_PING, VIEWER_PONG));
    void ctx.blockConcurrencyWhile(async () => this.migrate());
  }

  /** Viewer socket upgrades; the Worker has resolved the broadcast and set the headers. */
  override async fetch(request: Request): Promise<Response> {
    const broadcastId = request.headers.get(VIEWER_BROADCAST_HEADER);
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket" || !broadcastId) {
      return errorResponse(426, "upgrade_required", "expected a viewer websocket upgrade");
    }
    // Limits count per address, and per /64 for IPv6 (one subscriber holds a whole /64).
    const ip = viewerAddressKey(request.headers.get(VIEWER_IP_HEADER) || "unknown");
    const refusal = this.admissionError(ip);
    if (refusal) {
      this.count("rejected_connections");
      return refusal;
    }
    if (this.meta("seeded") === null) await this.ctx.blockConcurrencyWhile(() => this.seed(broadcastId));
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, ["viewer", ipTag(ip)]);
    server.serializeAttachment({ ip } satisfies ViewerAttachment);
    send(server, { type: "recent", broadcastId, items: this.recentPairs() });
    return new Response(null, { status: 101, webSocket: client, headers: DECLINE_COMPRESSION });
  }

  /** RPC from the hub: store first, then send one serialized frame to every viewer. */
  async deliver(input: unknown): Promise<DeliverOutcome> {
    const parsed = ViewerEvent.safeParse(input);
    if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "invalid viewer event" };
    const event = parsed.data;
    if (event.type === "qa") {
      // A retracted answer never comes back, whatever order the hub's retries arrive in.
      if (this.isRetracted(event.id)) return { viewers: 0 };
      this.upsert(event);
      this.trim();
    } else {
      this.retract(event.id);
    }
    const frame = JSON.stringify(event satisfies ViewerServerMessage);
    let viewers = 0;
    for (const ws of this.ctx.getWebSockets("viewer")) {
      try {
        ws.send(frame);
        viewers++;
      } catch {
        // Closing under us: its close handler cleans up; the others still get the frame.
      }
    }
    return { viewers };
  }

  /** RPC from `DELETE /api/broadcasts/:id`: viewers disconnected, pairs and counters gone; the shard starts empty. */
  async purge(): Promise<void> {
    await wipeObject(this.ctx, "broadcast deleted");
    this.migrate();
  }

  /** RPC for tests and benchmarks. */
  async stats(): Promise<ViewerShardStats> {
    const counter = (name: Counter) => Number(this.meta(`count:${name}`) ?? 0);
    const pairs = this.ctx.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM pairs").one().n;
    return {
      sockets: this.ctx.getWebSockets("viewer").length,
      pairs,
      refused: counter("refused"),
      rateLimited: counter("rate_limited"),
      rejectedConnections: counter("rejected_connections"),
    };
  }

  /** Only keep-alives reach here when they are not byte-exact; everything else is refused. */
  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const { ip } = ws.deserializeAttachment() as ViewerAttachment;
    if (!this.limiter.allow(ip, Date.now())) {
      this.count("rate_limited");
      return ws.close(1008, "rate limited");
    }
    if (isPing(message)) return ws.send(VIEWER_PONG);
    this.count("refused");
    send(ws, {
      type: "error",
      code: "read_only",
      message: 'viewer sockets are read-only; only {"type":"ping"} is accepted',
    });
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    // 1005/1006/1015 are reserved: they may be received but never sent.
    if (code !== 1005 && code !== 1006 && code !== 1015) ws.close(code, reason);
  }

  override async webSocketError(): Promise<void> {}

  private admissionError(ip: string): Response | null {
    const { maxSocketsPerIp } = viewerConfig(this.env);
    if (this.ctx.getWebSockets(ipTag(ip)).length >= maxSocketsPerIp) {
      return errorResponse(429, "too_many_connections", "too many viewer connections from this address");
    }
    if (this.ctx.getWebSockets("viewer").length >= MAX_SOCKETS_PER_SHARD) {
      return errorResponse(503, "shard_full", "this viewer shard is full; retry later");
    }
    return null;
  }

  /**
   * A shard's first viewer loads the published pairs from D1 (the source of truth, written
   * before any relay), so a shard created late, or after its storage was lost, is not empty.
   * Runs inside blockConcurrencyWhile: no relay can interleave and be overwritten.
   */
  private async seed(broadcastId: string): Promise<void> {
    if (this.meta("seeded") !== null) return;
    const answers = await listAnswers(drizzle(this.env.DB), broadcastId, {
      status: "published",
      limit: VIEWER_LIMITS.maxRecentPairs,
    });
    this.ctx.storage.transactionSync(() => {
      for (const pair of answers.map(toQaPair)) if (!this.isRetracted(pair.id)) this.upsert(pair);
      this.trim();
      this.setMeta("seeded", String(Date.now()));
    });
  }

  private recentPairs(): QaPair[] {
    return this.ctx.storage.sql
      .exec<QaPair>(
        "SELECT id, question, answer, at FROM pairs ORDER BY at DESC, id DESC LIMIT ?",
        VIEWER_LIMITS.maxRecentPairs,
      )
      .toArray()
      .map((r) => ({ id: r.id, question: r.question, answer: r.answer, at: r.at }));
  }

  private upsert(pair: QaPair): void {
    // An older edit arriving late must not overwrite a newer one.
    this.ctx.storage.sql.exec(
      `INSERT INTO pairs (id, question, answer, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET question = excluded.question, answer = excluded.answer, at = excluded.at
       WHERE excluded.at >= pairs.at`,
      pair.id,
      pair.question,
      pair.answer,
      pair.at,
    );
  }

  private trim(): void {
    this.ctx.storage.sql.exec(
      "DELETE FROM pairs WHERE id NOT IN (SELECT id FROM pairs ORDER BY at DESC, id DESC LIMIT ?)",
      VIEWER_LIMITS.maxRecentPairs,
    );
  }

  private isRetracted(id: string): boolean {
    return this.ctx.storage.sql.exec("SELECT 1 FROM retracted WHERE id = ?", id).toArray().length > 0;
  }

  private retract(id: string): void {
    const sql = this.ctx.storage.sql;
    this.ctx.storage.transactionSync(() => {
      sql.exec("DELETE FROM pairs WHERE id = ?", id);
      sql.exec("INSERT OR REPLACE INTO retracted (id, at) VALUES (?, ?)", id, Date.now());
      sql.exec(
        "DELETE FROM retracted WHERE id NOT IN (SELECT id FROM retracted ORDER BY at DESC LIMIT ?)",
        MAX_RETRACTED,
      );
    });
  }

  private migrate(): void {
    const sql = this.ctx.storage.sql;
    sql.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    const version = Number(this.meta("schema") ?? 0);
    SCHEMA_STEPS.slice(version).forEach((step, i) => {
      sql.exec(step);
      this.setMeta("schema", String(version + i + 1));
    });
  }

  private meta(key: string): string | null {
    return (
      this.ctx.storage.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ??
      null
    );
  }

  private setMeta(key: string, value: string): void {
    this.ctx.storage.sql.exec(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      key,
      value,
    );
  }

  private count(name: Counter): void {
    this.ctx.storage.sql.exec(
      "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
      `count:${name}`,
    );
  }
}

function ipTag(ip: string): string {
  return `ip:${ip.slice(0, 100)}`;
}

function isPing(message: string | ArrayBuffer): boolean {
  if (typeof message !== "string" || message.length > VIEWER_LIMITS.maxClientMessageBytes) return false;
  try {
    return ViewerClientMessage.safeParse(JSON.parse(message)).success;
  } catch {
    return false;
  }
}

function send(ws: WebSocket, message: ViewerServerMessage): void {
  ws.send(JSON.stringify(message));
}

function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}
