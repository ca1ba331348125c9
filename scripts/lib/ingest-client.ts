import type { IngestChat } from "../../core/protocol/ingest.ts";
import { IngestAck } from "../../core/protocol/ingest.ts";
import { LIMITS } from "../../core/protocol/limits.ts";
import { authedWebSocket } from "./authed-socket.ts";

export interface IngestClientOptions {
  /** LiveQ base URL, e.g. http://127.0.0.1:8787 */
  server: string;
  broadcast: string;
  token: string;
  source?: string;
  /** How long chats wait to be batched together. */
  batchMs?: number;
  maxBatch?: number;
  onAck?: (ack: IngestAck) => void;
  log?: (line: string) => void;
}

/**
 * A reconnecting client of the hub's ingest socket. Chats are buffered until the hub
 * acknowledges their batch; after a reconnect every unacknowledged batch is sent again
 * (the hub dedupes by commentNo), so nothing is lost whatever the network does.
 */
export class IngestClient {
  private readonly opts: Required<Omit<IngestClientOptions, "onAck" | "log">> &
    Pick<IngestClientOptions, "onAck" | "log">;
  private ws: WebSocket | null = null;
  private queue: IngestChat[] = [];
  private readonly unacked = new Map<number, IngestChat[]>();
  private nextBatchId = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = 250;
  private closed = false;
  /** Connections that closed or failed since the last one that opened. */
  private failures = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  acked = 0;

  constructor(options: IngestClientOptions) {
    this.opts = { source: "simulator", batchMs: 100, maxBatch: 200, ...options };
    this.connect();
  }

  /** Queues chats; they go out in the next batch. */
  push(chats: readonly IngestChat[]): void {
    for (const chat of chats) this.queue.push(chat);
    if (this.queue.length >= this.opts.maxBatch) this.sendQueued();
    else this.timer ??= setTimeout(() => this.sendQueued(), this.opts.batchMs);
  }

  /** Chats pushed but not yet acknowledged. */
  get backlog(): number {
    let n = this.queue.length;
    for (const batch of this.unacked.values()) n += batch.length;
    return n;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.ws?.close(1000, "done");
  }

  private connect(): void {
    if (this.closed) return;
    const url = new URL(`/api/broadcasts/${encodeURIComponent(this.opts.broadcast)}/ingest`, this.opts.server);
    url.protocol = url.protocol.replace("http", "ws");
    // The token goes in a header, never in the URL (URLs end up in logs).
    const ws = authedWebSocket(url, this.opts.token);
    this.ws = ws;
    ws.addEventListener("open", () => {
      if (this.failures > 0) this.opts.log?.(`LiveQ server back after ${this.failures} failed connections`);
      this.retryMs = 250;
      this.failures = 0;
      this.opts.log?.(`ingest socket open (${this.unacked.size} batches to resend)`);
      for (const [batchId, chats] of this.unacked) this.sendBatch(batchId, chats);
    });
    ws.addEventListener("message", (event) => this.onMessage(String(event.data)));
    // Node's WebSocket reports a refused connection with `error` alone (no `close`), so both
    // lead here, once per socket.
    let gone = false;
    const onGone = () => {
      if (gone) return;
      gone = true;
      if (this.ws === ws) this.ws = null;
      if (this.closed) return;
      this.failures++;
      // Says so when the server goes away, then about once a minute while it stays away.
      if (this.failures === 1 || this.failures % 12 === 0)
        this.opts.log?.(
          `LiveQ server unreachable (${this.failures} tries); next try in ${this.retryMs} ms (backing off to 5 s), ${this.backlog} chats waiting`,
        );
      this.reconnectTimer = setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 5000);
    };
    ws.addEventListener("close", onGone);
    ws.addEventListener("error", onGone);
  }

  private onMessage(data: string): void {
    const ack = IngestAck.safeParse(JSON.parse(data));
    if (!ack.success) return this.opts.log?.(`hub said: ${data.slice(0, 200)}`);
    if (typeof ack.data.batchId === "number") {
      this.acked += this.unacked.get(ack.data.batchId)?.length ?? 0;
      this.unacked.delete(ack.data.batchId);
    }
    this.opts.onAck?.(ack.data);
  }

  private sendQueued(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.queue.length) {
      const chats = this.queue.splice(0, Math.min(this.opts.maxBatch, LIMITS.maxBatchChats));
      const batchId = this.nextBatchId++;
      this.unacked.set(batchId, chats);
      this.sendBatch(batchId, chats);
    }
  }

  private sendBatch(batchId: number, chats: IngestChat[]): void {
    if (this.ws?.readyState !== WebSocket.OPEN) return; // resent on open
    this.ws.send(JSON.stringify({ type: "chats", source: this.opts.source, batchId, chats }));
  }
}
