import { IngestClient } from "../ingest-client.ts";

export interface FeederOptions {
  ratePerMin: number;
  burstFactor: number;
  burstMs: number;
  /** A burst starts about this often, at random. */
  burstEveryMs: number;
  messages: readonly string[];
}

/**
 * One broadcast's chat source for the soak: `ratePerMin` with bursts of `burstFactor`× for
 * `burstMs`, commentNos 1, 2, 3… so the export can be checked against what was acknowledged.
 * The reconnecting IngestClient resends every unacknowledged batch after a server restart.
 */
export class Feeder {
  readonly client: IngestClient;
  /** Highest commentNo generated; every one up to `ackedUpTo` was acknowledged. */
  sent = 0;
  ackedUpTo = 0;
  bursts = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private burstUntil = 0;
  private carry = 0;
  private last = Date.now();

  readonly broadcast: string;
  private readonly options: FeederOptions;

  constructor(server: () => string, token: string, broadcast: string, options: FeederOptions) {
    this.broadcast = broadcast;
    this.options = options;
    this.client = new IngestClient({
      server: server(),
      broadcast,
      token,
      source: "soak",
      batchMs: 100,
      maxBatch: 200,
      onAck: (ack) => {
        if (ack.upTo > this.ackedUpTo) this.ackedUpTo = ack.upTo;
      },
    });
  }

  start(): void {
    this.last = Date.now();
    this.timer = setInterval(() => this.tick(), 100);
  }

  /** Stops generating; the client keeps resending until everything is acknowledged. */
  pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  close(): void {
    this.pause();
    this.client.close();
  }

  private tick(): void {
    const now = Date.now();
    // A burst now and then: each tick has the chance that makes one every `burstEveryMs` on average.
    if (now >= this.burstUntil && Math.random() < 100 / this.options.burstEveryMs) {
      this.burstUntil = now + this.options.burstMs;
      this.bursts++;
    }
    const rate = this.options.ratePerMin * (now < this.burstUntil ? this.options.burstFactor : 1);
    this.carry += (rate / 60_000) * (now - this.last);
    this.last = now;
    const n = Math.floor(this.carry);
    this.carry -= n;
    if (n === 0) return;
    const chats = [];
    for (let i = 0; i < n; i++) {
      const commentNo = ++this.sent;
      chats.push({
        commentNo,
        nickname: `soak${commentNo % 97}****`,
        message: this.options.messages[commentNo % this.options.messages.length]!,
        commentType: "CHATTING",
        at: now,
      });
    }
    this.client.push(chats);
  }
}
