import { authedWebSocket } from "../authed-socket.ts";

/** What a board saw: every seq once, in order, from where it started. */
export interface BoardTally {
  broadcast: string;
  received: number;
  /** Seqs skipped (a frame after a gap); a board resuming with `hello` must never see one. */
  gaps: number;
  /** Seqs received again. */
  duplicated: number;
  /** Seqs lower than one already received (not a repeat of it). */
  reordered: number;
  reconnects: number;
  lastSeq: number;
}

export interface BoardWatchOptions {
  /** Each connection lives a random time between these, then the board drops and resumes. */
  minLifeMs: number;
  maxLifeMs: number;
  onChat?: (commentNo: number, at: number, now: number) => void;
}

/**
 * A manager board that disconnects at random and resumes with `hello {lastSeq}`. It checks
 * that the chats it receives continue its seq without a gap, a repeat or a step back, and
 * reports chat → board latency (`at` is the feeder's send time) through `onChat`.
 */
export class BoardWatch {
  readonly tally: BoardTally;
  /** Chats moderation held on this broadcast, seq → commentNo (from `held` frames): never in `chats` frames. */
  readonly held = new Map<number, number>();
  /** Seqs skipped by `chats` frames; those not held are the gaps. */
  private readonly skipped: number[] = [];
  private ws: WebSocket | null = null;
  private started = false;
  private stopped = false;
  private dropTimer: ReturnType<typeof setTimeout> | null = null;

  private readonly base: () => string;
  private readonly token: string;
  private readonly options: BoardWatchOptions;

  constructor(base: () => string, token: string, broadcast: string, options: BoardWatchOptions) {
    this.base = base;
    this.token = token;
    this.options = options;
    this.tally = { broadcast, received: 0, gaps: 0, duplicated: 0, reordered: 0, reconnects: 0, lastSeq: 0 };
    this.connect();
  }

  /** Skipped seqs that were not held chats (`held` frames may come after the chats that skip them). */
  gaps(): number {
    return this.skipped.filter((seq) => !this.held.has(seq)).length;
  }

  stop(): void {
    this.stopped = true;
    if (this.dropTimer) clearTimeout(this.dropTimer);
    this.ws?.close(1000, "done");
  }

  private connect(): void {
    if (this.stopped) return;
    const url = new URL(`/api/broadcasts/${encodeURIComponent(this.tally.broadcast)}/board`, this.base());
    url.protocol = url.protocol.replace("http", "ws");
    const ws = authedWebSocket(url, this.token);
    this.ws = ws;
    let gone = false;
    const onGone = () => {
      if (gone) return;
      gone = true;
      if (this.dropTimer) clearTimeout(this.dropTimer);
      if (this.stopped) return;
      this.tally.reconnects++;
      setTimeout(() => this.connect(), 500 + Math.random() * 2500);
    };
    ws.addEventListener("close", onGone);
    ws.addEventListener("error", onGone);
    ws.addEventListener("message", (e) => this.onMessage(ws, String(e.data)));
    ws.addEventListener("open", () => {
      const life = this.options.minLifeMs + Math.random() * (this.options.maxLifeMs - this.options.minLifeMs);
      this.dropTimer = setTimeout(() => ws.close(1000, "random reconnect"), life);
      // The first connection starts at the log's end (from `welcome`); later ones resume.
      if (this.started) ws.send(JSON.stringify({ type: "hello", lastSeq: this.tally.lastSeq }));
    });
  }

  private onMessage(ws: WebSocket, data: string): void {
    let msg: {
      type?: string;
      lastSeq?: number;
      fromSeq?: number;
      items?: { seq: number; commentNo: number; at: number }[];
    };
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (msg.type === "welcome" && !this.started) {
      this.started = true;
      this.tally.lastSeq = msg.lastSeq ?? 0;
      ws.send(JSON.stringify({ type: "hello", lastSeq: this.tally.lastSeq }));
    } else if (msg.type === "resync") {
      ws.send(JSON.stringify({ type: "hello", lastSeq: this.tally.lastSeq }));
    } else if (msg.type === "held" && msg.items) {
      for (const item of msg.items) this.held.set(item.seq, item.commentNo);
    } else if (msg.type === "chats" && msg.items) {
      const now = Date.now();
      for (const item of msg.items) this.onItem(item, now);
    }
  }

  private onItem(item: { seq: number; commentNo: number; at: number }, now: number): void {
    const t = this.tally;
    if (item.seq === t.lastSeq) t.duplicated++;
    else if (item.seq < t.lastSeq) t.reordered++;
    else {
      for (let seq = t.lastSeq + 1; seq < item.seq; seq++) this.skipped.push(seq);
      t.gaps = this.gaps();
      t.lastSeq = item.seq;
      t.received++;
      this.options.onChat?.(item.commentNo, item.at, now);
    }
  }
}
