/**
 * The BroadcastHub's chat path in Node, for profiling: the real BroadcastHub class (its
 * `cloudflare:workers` base stubbed by cloudflare-loader.mjs) over node:sqlite standing in for
 * the Durable Object's SQLite, fed the same ingest frames bench:hub sends (corpus chats in
 * batches of 100, unique increasing commentNos) through `webSocketMessage`, with live boards
 * that only count what they are sent. Coalesced frames are flushed every `--flush-every`
 * batches (at 20,000 chats/s the hub's 50 ms timer fires about every 10 batches).
 *
 *   npm run profile:hub [-- --batches 3000 --boards 5]
 *   node --import ./scripts/bench/cloudflare-loader.mjs --cpu-prof --cpu-prof-dir /tmp/prof scripts/bench/hub-path.ts
 *
 * Figures are Node's, not workerd's (another SQLite build, no socket I/O): use it to see where
 * the hub's own time goes and to compare versions of it on one machine.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { parseArgs } from "node:util";
import * as z from "zod";
import { loadChatCorpus } from "../lib/corpus.ts";

// As in workerd, where zod cannot compile its parsers (no eval in Workers).
z.config({ jitless: true });
const { BroadcastHub } = await import("../../durable-objects/broadcast-hub.ts");

const { values: opt } = parseArgs({
  options: {
    batches: { type: "string", default: "3000" },
    batch: { type: "string", default: "100" },
    boards: { type: "string", default: "5" },
    "flush-every": { type: "string", default: "10" },
    warmup: { type: "string", default: "300" },
  },
});

/** The part of SqlStorage the hub uses, on node:sqlite (statements prepared once per text). */
class NodeSql {
  private readonly statements = new Map<string, StatementSync>();
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
  }
  exec(query: string, ...bindings: unknown[]) {
    let st = this.statements.get(query);
    if (!st) this.statements.set(query, (st = this.db.prepare(query)));
    const params = bindings as (string | number | null)[];
    if (/^\s*(SELECT|WITH|PRAGMA)/i.test(query) || /RETURNING/i.test(query)) {
      const rows = st.all(...params) as Record<string, unknown>[];
      return cursor(rows, 0);
    }
    const { changes } = st.run(...params);
    return cursor([], Number(changes));
  }
  get databaseSize(): number {
    return 0;
  }
}

function cursor(rows: Record<string, unknown>[], written: number) {
  return {
    rowsWritten: written,
    rowsRead: rows.length,
    toArray: () => rows.map((r) => ({ ...r })),
    one: () => {
      if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
      return { ...rows[0] };
    },
    [Symbol.iterator]: () => rows.map((r) => ({ ...r }))[Symbol.iterator](),
  };
}

interface FakeSocket {
  tags: string[];
  attachment: unknown;
  sent: number;
  bytes: number;
}

function fakeSocket(tags: string[], attachment: unknown): FakeSocket & Record<string, unknown> {
  const ws = {
    tags,
    attachment,
    sent: 0,
    bytes: 0,
    send(data: string) {
      ws.sent++;
      ws.bytes += data.length;
    },
    serializeAttachment(a: unknown) {
      ws.attachment = structuredClone(a);
    },
    deserializeAttachment() {
      return ws.attachment;
    },
    close() {},
  };
  return ws;
}

const dir = mkdtempSync(path.join(tmpdir(), "liveq-hub-path-"));
const db = new DatabaseSync(path.join(dir, "hub.sqlite"));
db.exec("PRAGMA journal_mode = WAL");
db.exec("PRAGMA synchronous = NORMAL");
const sql = new NodeSql(db);
let depth = 0;
const sockets: ReturnType<typeof fakeSocket>[] = [];
const waits: Promise<unknown>[] = [];
const ctx = {
  id: { toString: () => "hub-path" },
  storage: {
    sql,
    transactionSync<T>(fn: () => T): T {
      const name = `sp${depth++}`;
      db.exec(`SAVEPOINT ${name}`);
      try {
        const out = fn();
        db.exec(`RELEASE ${name}`);
        return out;
      } catch (err) {
        db.exec(`ROLLBACK TO ${name}`);
        db.exec(`RELEASE ${name}`);
        throw err;
      } finally {
        depth--;
      }
    },
    setAlarm: async () => {},
    getAlarm: async () => null,
    deleteAlarm: async () => {},
  },
  blockConcurrencyWhile: async <T>(fn: () => Promise<T> | T) => fn(),
  waitUntil: (p: Promise<unknown>) => void waits.push(p.catch(() => {})),
  getWebSockets: (tag?: string) => sockets.filter((s) => tag === undefined || s.tags.includes(tag)),
  acceptWebSocket: () => {},
  getTags: (ws: FakeSocket) => ws.tags,
};
const env = {
  CLUSTER_DRAFTER: { getByName: () => ({ draftClusters: async () => [] }) },
  VIEWER_FANOUT: { getByName: () => ({}) },
} as unknown as Env;

const hub = new BroadcastHub(ctx as unknown as DurableObjectState, env);
await Promise.resolve();
(hub as unknown as { log: { setMeta(k: string, v: string): void } }).log.setMeta("broadcast_id", "hub-path");
const boards = Number(opt.boards);
for (let i = 0; i < boards; i++) sockets.push(fakeSocket(["board"], { role: "board", live: true }));
const ingest = fakeSocket(["ingest"], { role: "ingest", live: false });
const fanout = (hub as unknown as { fanout: { flush(): void } }).fanout;

const messages = loadChatCorpus().map((c) => JSON.stringify(c.text));
const size = Number(opt.batch);
let no = 0;
let batchId = 0;
function frame(): string {
  const now = Date.now();
  let chats = "";
  for (let i = 0; i < size; i++) {
    no++;
    chats += `${i ? "," : ""}{"commentNo":${no},"nickname":"viewer${no % 100000}****","message":${messages[no % messages.length]},"at":${now}}`;
  }
  return `{"type":"chats","source":"bench","batchId":${++batchId},"chats":[${chats}]}`;
}

/**
 * One event of the object: like a Durable Object's implicit transaction, every write it makes
 * outside transactionSync commits once, at its end (not one commit per statement).
 */
async function event(fn: () => unknown): Promise<void> {
  db.exec("BEGIN");
  try {
    await fn();
  } finally {
    db.exec("COMMIT");
  }
}

async function run(batches: number): Promise<{ ms: number; cpuMs: number }> {
  const flushEvery = Number(opt["flush-every"]);
  const frames = Array.from({ length: batches }, frame);
  const start = performance.now();
  const cpu0 = process.threadCpuUsage();
  for (let b = 0; b < batches; b++) {
    await event(() => hub.webSocketMessage(ingest as unknown as WebSocket, frames[b]!));
    if ((b + 1) % flushEvery === 0) await event(() => fanout.flush());
  }
  await event(() => fanout.flush());
  const cpu = process.threadCpuUsage(cpu0);
  return { ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 };
}

await run(Number(opt.warmup));
const batches = Number(opt.batches);
const { ms, cpuMs } = await run(batches);
await Promise.all(waits);
const perChat = (cpuMs * 1000) / (batches * size);
console.log(
  JSON.stringify({
    chats: batches * size,
    wall_ms: Math.round(ms),
    cpu_ms: Math.round(cpuMs),
    cpu_us_per_chat: Number(perChat.toFixed(2)),
    chats_per_min_one_core: Math.round(60e6 / perChat),
    acks: ingest.sent,
    board_frames: sockets[0]!.sent,
    board_mb: Number((sockets[0]!.bytes / 1e6).toFixed(1)),
  }),
);
process.exitCode = 0;
setTimeout(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}, 10).unref();
