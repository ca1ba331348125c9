import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { startCaptureAgent } from "./capture.ts";
import { startDevServer } from "./lib/dev-server.ts";
import { exitOnSignals } from "./lib/process.ts";
import { startNaverFixture } from "./lib/naver-fixture/server.ts";
import { percentile } from "./lib/percentile.ts";

// Ctrl-C / SIGTERM stop the servers this bench started (and a hard kill takes them too: guard.ts).
exitOnSignals();

/**
 * bench:capture: the Naver fixture sends chats at a steady rate over its Socket.IO socket; the
 * local capture agent reads them in headless Chromium over CDP and forwards them to LiveQ's hub
 * (a fresh `wrangler dev`, or `--server`/`--token`). Prints the latency from the fixture
 * writing a chat's frame to the hub acknowledging it (target: p99 ≤ 100 ms at 1,000 chats/s),
 * and to the agent forwarding it.
 */
const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "1000" },
    seconds: { type: "string", default: "30" },
    warmup: { type: "string", default: "5" },
    tick: { type: "string", default: "50" },
    port: { type: "string", default: "8846" },
    server: { type: "string" },
    token: { type: "string" },
  },
});
const rate = Number(values.rate);

const dev = values.server
  ? null
  : await startDevServer({
      port: Number(values.port),
      persistTo: mkdtempSync(path.join(tmpdir(), "liveq-bench-capture-")),
      quiet: true,
      token: "bench-capture-token-0123456789",
    });
const base = values.server ?? dev!.url;
const token = values.token ?? dev!.token;
const created = await fetch(`${base}/api/broadcasts`, {
  method: "POST",
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  body: JSON.stringify({
    title: "bench:capture",
    source: "naver",
    naverUrl: "https://view.shoppinglive.naver.com/lives/3456789",
  }),
});
if (created.status !== 201) throw new Error(`create broadcast: ${created.status} ${await created.text()}`);
const broadcast = ((await created.json()) as { id: string }).id;

let measuring = false;
const sentAt = new Map<number, number>();
const toForward: number[] = [];
const toAck: number[] = [];
let pending: number[] = [];
let measuredChats = 0;

const fixture = await startNaverFixture({
  ratePerSec: rate,
  bursts: false,
  tickMs: Number(values.tick),
  noticeEverySec: 0,
  productChangeEverySec: 0,
  onChatFrame: (chats) => {
    const now = performance.now();
    for (const c of chats) sentAt.set(c.commentNo, now);
    if (measuring) measuredChats += chats.length;
  },
});

const agent = await startCaptureAgent({
  url: `${fixture.url}/lives/3456789`,
  server: base,
  broadcast,
  token,
  apiBase: fixture.url,
  onForward: (chats) => {
    const now = performance.now();
    for (const c of chats) {
      const t = sentAt.get(c.commentNo);
      if (t !== undefined && measuring) toForward.push(now - t);
      pending.push(c.commentNo);
    }
  },
  onAck: (ack) => {
    const now = performance.now();
    // Batches are acknowledged in order: everything pending up to `upTo` is durable now.
    const done = pending.filter((n) => n <= ack.upTo);
    pending = pending.filter((n) => n > ack.upTo);
    for (const n of done) {
      const t = sentAt.get(n);
      sentAt.delete(n);
      if (t !== undefined && measuring) toAck.push(now - t);
    }
  },
});

await new Promise((r) => setTimeout(r, Number(values.warmup) * 1000));
measuring = true;
const started = performance.now();
await new Promise((r) => setTimeout(r, Number(values.seconds) * 1000));
measuring = false;
const elapsed = (performance.now() - started) / 1000;
await new Promise((r) => setTimeout(r, 2000));

const fmt = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return ["p50", "p90", "p99", "max"]
    .map((name, i) => `${name} ${percentile(sorted, [0.5, 0.9, 0.99, 1][i]!).toFixed(1)}`)
    .join("  ");
};
console.log(
  `bench:capture  ${rate} chats/s offered for ${elapsed.toFixed(1)} s (fixture frames every ${values.tick} ms)`,
);
console.log(`  sent            ${measuredChats} chats (${(measuredChats / elapsed).toFixed(0)}/s)`);
console.log(`  frame → forward ${fmt(toForward)} ms  (${toForward.length} chats)`);
console.log(`  frame → hub ack ${fmt(toAck)} ms  (${toAck.length} chats)`);
console.log(`  backlog at end  ${agent.client.backlog}; malformed frames ${agent.stats()?.malformedFrames ?? 0}`);
const p99 = percentile(
  [...toAck].sort((a, b) => a - b),
  0.99,
);
console.log(`  target p99 ≤ 100 ms: ${p99 <= 100 ? "met" : "NOT met"} (${p99.toFixed(1)} ms)`);

await agent.stop();
await fixture.close();
dev?.stop();
process.exit(0);
