import { authedWebSocket } from "./authed-socket.ts";
import { percentile } from "./percentile.ts";

export interface Endpoints {
  ingestUrl: string;
  boardUrl: string;
  /** Sent as `Authorization: Bearer` on both upgrades (none for the bare hub). */
  token?: string;
}

export interface StepOptions {
  ratePerSec: number;
  seconds: number;
  boards: number;
  batch: number;
  messages: readonly string[];
  /** Extra time after the step for boards to receive what was sent. */
  drainMs?: number;
}

export interface StepResult {
  ratePerSec: number;
  offered: number;
  acked: number;
  /** Fraction of offered chats every board had received 1 s after the step ended. */
  deliveredOnTime: number;
  p50: number;
  p99: number;
  max: number;
  ackP99: number;
  lost: number;
  duplicated: number;
  reordered: number;
}

interface Board {
  seen: Uint8Array;
  received: number;
  duplicated: number;
  reordered: number;
  lastSeq: number;
}

function open(url: string, token: string | undefined): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = authedWebSocket(url, token);
    ws.addEventListener("open", () => resolve(ws), { once: true });
    ws.addEventListener("error", () => reject(new Error(`could not open ${url}`)), { once: true });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One load step: `boards` board sockets, one ingest socket offering `ratePerSec` chats in
 * batches of `batch`. Boards check every chat against what was sent (lost, duplicated,
 * reordered) and measure chat-to-board latency from the chat's own send time.
 */
export async function runStep(endpoints: Endpoints, options: StepOptions): Promise<StepResult> {
  const { ratePerSec, seconds, batch, messages } = options;
  const total = Math.round(ratePerSec * seconds);
  const latencies: number[] = [];
  const ackLatencies: number[] = [];
  const batchSentAt = new Map<number, number>();
  let acked = 0;

  const boards: Board[] = [];
  const sockets: WebSocket[] = [];
  for (let i = 0; i < options.boards; i++) {
    const board: Board = { seen: new Uint8Array(total), received: 0, duplicated: 0, reordered: 0, lastSeq: 0 };
    const ws = await open(endpoints.boardUrl, endpoints.token);
    ws.addEventListener("message", (e) => {
      const msg = JSON.parse(String(e.data)) as {
        type: string;
        items?: { seq: number; commentNo: number; at: number }[];
      };
      // Chats moderation holds reach the board in `held` frames (its queue), not in the columns.
      const held = msg.type === "held";
      if ((msg.type !== "chats" && !held) || !msg.items) return;
      const now = Date.now();
      for (const item of msg.items) {
        if (!held) {
          if (item.seq <= board.lastSeq) board.reordered++;
          board.lastSeq = item.seq;
        }
        const k = item.commentNo - 1;
        if (board.seen[k]) board.duplicated++;
        else {
          board.seen[k] = 1;
          board.received++;
        }
        latencies.push(now - item.at);
      }
    });
    ws.send(JSON.stringify({ type: "hello", lastSeq: 0 }));
    boards.push(board);
    sockets.push(ws);
  }

  const ingest = await open(endpoints.ingestUrl, endpoints.token);
  ingest.addEventListener("message", (e) => {
    const ack = JSON.parse(String(e.data)) as {
      type: string;
      batchId?: number;
      accepted?: number;
      duplicates?: number;
    };
    if (ack.type !== "ack" || ack.batchId === undefined) return;
    acked += (ack.accepted ?? 0) + (ack.duplicates ?? 0);
    ackLatencies.push(Date.now() - batchSentAt.get(ack.batchId)!);
  });
  await sleep(300);

  let sent = 0;
  let batchId = 0;
  const started = Date.now();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * ratePerSec));
    while (due - sent >= batch || (due === total && sent < total)) {
      const n = Math.min(batch, total - sent);
      const now = Date.now();
      let chats = "";
      for (let i = 0; i < n; i++) {
        const no = sent + i + 1;
        chats += `${i ? "," : ""}{"commentNo":${no},"nickname":"viewer${no % 100000}****","message":${messages[no % messages.length]},"at":${now}}`;
      }
      batchSentAt.set(++batchId, now);
      ingest.send(`{"type":"chats","source":"bench","batchId":${batchId},"chats":[${chats}]}`);
      sent += n;
    }
    await sleep(5);
  }
  await sleep(1000);
  const onTime = Math.min(...boards.map((b) => b.received)) / total;
  const deadline = Date.now() + (options.drainMs ?? 15_000);
  while (Date.now() < deadline && boards.some((b) => b.received < total)) await sleep(100);
  for (const ws of [...sockets, ingest]) ws.close();

  latencies.sort((a, b) => a - b);
  ackLatencies.sort((a, b) => a - b);
  return {
    ratePerSec,
    offered: total,
    acked,
    deliveredOnTime: onTime,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? NaN,
    ackP99: percentile(ackLatencies, 0.99),
    lost: boards.reduce((sum, b) => sum + (total - b.received), 0),
    duplicated: boards.reduce((sum, b) => sum + b.duplicated, 0),
    reordered: boards.reduce((sum, b) => sum + b.reordered, 0),
  };
}
