import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadChatCorpus, ROOT } from "./lib/corpus.ts";
import { startDevServer } from "./lib/dev-server.ts";
import { exitOnSignals } from "./lib/process.ts";
import { runStep, type Endpoints, type StepResult } from "./lib/hub-load.ts";

// Ctrl-C / SIGTERM stop the servers this bench started (and a hard kill takes them too: guard.ts).
exitOnSignals();

/**
 * bench:hub: offers an increasing chat rate to LiveQ's BroadcastHub (validate, dedupe,
 * classify with the trained model, persist, fan out to boards) and, in the same run, to
 * a bare hub that only parses, numbers and forwards: the local ceiling. A step is
 * sustained when every board has ≥98% of what was offered 1 s after the step and p99
 * latency stays under a second. Each target first gets a `--warmup` step (seconds, at the
 * first rate, not counted): a cold isolate's first second would otherwise fail the first step
 * on a loaded machine. `--server`/`--token` measure an already running LiveQ
 * (e.g. `npm start`) at one fixed `--rate` instead.
 */
const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    boards: { type: "string", default: "5" },
    batch: { type: "string", default: "100" },
    rates: { type: "string", default: "5000,10000,15000,20000,25000,30000,40000,50000,60000" },
    server: { type: "string" },
    token: { type: "string" },
    rate: { type: "string" },
    warmup: { type: "string", default: "3" },
    /** Where the local dev server listens (another job on the machine may hold the default). */
    port: { type: "string", default: "8797" },
  },
});
const seconds = Number(values.seconds);
const boards = Number(values.boards);
const batch = Number(values.batch);
const messages = loadChatCorpus().map((c) => JSON.stringify(c.text));

async function createBroadcast(base: string, token: string): Promise<string> {
  const res = await fetch(`${base}/api/broadcasts`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ title: "bench", source: "ingest" }),
  });
  if (res.status !== 201) throw new Error(`create broadcast: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

function liveqEndpoints(base: string, token: string, id: string): Endpoints {
  const ws = base.replace(/^http/, "ws");
  return {
    ingestUrl: `${ws}/api/broadcasts/${id}/ingest`,
    boardUrl: `${ws}/api/broadcasts/${id}/board`,
    token,
  };
}

function row(target: string, r: StepResult): string {
  const f = (n: number) => (Number.isFinite(n) ? String(Math.round(n)) : "-");
  return [
    target.padEnd(6),
    f(r.ratePerSec * 60).padStart(10),
    `${(r.deliveredOnTime * 100).toFixed(1)}%`.padStart(8),
    f(r.p50).padStart(7),
    f(r.p99).padStart(7),
    f(r.max).padStart(7),
    f(r.ackP99).padStart(8),
    String(r.lost).padStart(6),
    String(r.duplicated).padStart(5),
    String(r.reordered).padStart(5),
  ].join("  ");
}

const sustained = (r: StepResult) => r.deliveredOnTime >= 0.98 && r.p99 < 1000;

/** Ramps the rate until a step is not sustained; returns every step run. */
async function ramp(target: string, endpointsFor: () => Promise<Endpoints>): Promise<StepResult[]> {
  const results: StepResult[] = [];
  const rates = values.rates.split(",").map(Number);
  if (Number(values.warmup) > 0) {
    console.log(
      row(
        "warmup",
        await runStep(await endpointsFor(), {
          ratePerSec: rates[0]!,
          seconds: Number(values.warmup),
          boards,
          batch,
          messages,
        }),
      ),
    );
  }
  for (const rate of rates) {
    const r = await runStep(await endpointsFor(), { ratePerSec: rate, seconds, boards, batch, messages });
    console.log(row(target, r));
    results.push(r);
    if (!sustained(r)) break;
  }
  return results;
}

console.log(`boards ${boards}, batches of ${batch}, ${seconds} s a step`);
console.log("target  chats/min  on time  p50 ms  p99 ms  max ms  ack p99    lost  dup  reord");

if (values.server) {
  const token = values.token ?? process.env.LIVEQ_TOKEN ?? "";
  const id = await createBroadcast(values.server, token);
  const r = await runStep(liveqEndpoints(values.server, token, id), {
    ratePerSec: Number(values.rate ?? 5000),
    seconds,
    boards,
    batch,
    messages,
  });
  console.log(row("liveq", r));
  console.log(
    JSON.stringify({
      offered_per_min: r.ratePerSec * 60,
      p50_ms: r.p50,
      p99_ms: r.p99,
      lost: r.lost,
      duplicated: r.duplicated,
      reordered: r.reordered,
    }),
  );
  process.exit(0);
}

const server = await startDevServer({
  port: Number(values.port),
  config: path.join(ROOT, "scripts/bench/wrangler.toml"),
  persistTo: mkdtempSync(path.join(tmpdir(), "liveq-bench-")),
  quiet: true,
});
try {
  const liveq = await ramp("liveq", async () =>
    liveqEndpoints(server.url, server.token, await createBroadcast(server.url, server.token)),
  );
  let bareN = 0;
  const bare = await ramp("bare", async () => {
    const ws = server.url.replace(/^http/, "ws");
    const id = `bare-${Date.now()}-${bareN++}`;
    return { ingestUrl: `${ws}/bare/${id}/ingest`, boardUrl: `${ws}/bare/${id}/board` };
  });
  const best = (rs: StepResult[]) => rs.filter(sustained).at(-1);
  const top = best(liveq);
  const bareTop = best(bare);
  console.log(
    JSON.stringify({
      sustained_per_min: top ? top.ratePerSec * 60 : 0,
      p50_ms: top?.p50 ?? null,
      p99_ms: top?.p99 ?? null,
      lost: liveq.reduce((s, r) => s + r.lost, 0),
      duplicated: liveq.reduce((s, r) => s + r.duplicated, 0),
      reordered: liveq.reduce((s, r) => s + r.reordered, 0),
      bare_sustained_per_min: bareTop ? bareTop.ratePerSec * 60 : 0,
      boards,
      batch,
    }),
  );
} finally {
  server.stop();
}
