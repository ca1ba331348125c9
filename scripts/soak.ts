import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { TEST_AWS_CREDENTIALS, TEST_AWS_REGION } from "../test/servers/sagemaker-credentials.ts";
import { startSageMakerServer, type SageMakerServer } from "../test/servers/sagemaker-server.ts";
import { loadChatCorpus, ROOT } from "./lib/corpus.ts";
import { ensureAdminToken } from "./lib/dev-vars.ts";
import { percentile } from "./lib/percentile.ts";
import { exitOnSignals, freePort } from "./lib/process.ts";
import { BoardWatch } from "./lib/soak/board-watch.ts";
import { Feeder } from "./lib/soak/feeder.ts";
import { collectGarbageEverywhere, findInspectorPort } from "./lib/soak/inspector.ts";
import { LocalServer } from "./lib/soak/local-server.ts";
import { describeVerdict, type MemorySample, memoryVerdict } from "./lib/soak/memory-verdict.ts";
import { checkExport, type ExportCheck } from "./lib/soak/verify.ts";
import { ViewerSockets } from "./lib/soak/viewers.ts";

/**
 * `npm run soak -- --minutes 30`: `npm start` under faults. The demo plus three broadcasts fed
 * at 600 chats/min with 10× bursts, five boards reconnecting at random, viewer sockets, the
 * local server killed (SIGKILL) and restarted every five minutes, the SageMaker stub down for
 * two minutes. Prints lost, duplicated, reordered, pending left, p99 chat → board and workerd
 * memory over time.
 */
const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "30" },
    "kill-every": { type: "string", default: "5" },
    "sagemaker-down": { type: "string", default: "2" },
    rate: { type: "string", default: "600" },
    port: { type: "string" },
    /** Runs without the SageMaker stub: the embedded classifier only (tells the remote path's memory apart). */
    "no-sagemaker": { type: "boolean", default: false },
    /** Extra Worker vars for npm start, e.g. `--var SAGEMAKER_TIMEOUT_MS:5000`. */
    var: { type: "string", multiple: true, default: [] },
    /** Opens workerd's DevTools inspector on this port (heap snapshots while the soak runs). */
    "inspector-port": { type: "string" },
  },
});
const minutes = Number(values.minutes);
// `--kill-every 0` never kills the server: one life, to tell warm-up from growth.
const killEveryMs = Number(values["kill-every"]) * 60_000 || Number.POSITIVE_INFINITY;
const durationMs = minutes * 60_000;
const sageDownAt = Math.max(60_000, Math.floor(minutes * 0.4) * 60_000 + 30_000);
const sageDownMs = Number(values["sagemaker-down"]) * 60_000;
const log = (line: string) => console.log(`${clock()} ${line}`);
let began = Date.now();
const clock = () => {
  const s = Math.round((Date.now() - began) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
};

const { token } = ensureAdminToken(path.join(ROOT, ".dev.vars"));
const sagePort = await freePort();
const startSage = () =>
  startSageMakerServer({
    credentials: { [TEST_AWS_CREDENTIALS.accessKeyId]: TEST_AWS_CREDENTIALS.secretAccessKey },
    port: sagePort,
  });
let sage: SageMakerServer | null = await startSage();
const state = mkdtempSync(path.join(tmpdir(), "liveq-soak-"));
const server = new LocalServer(
  Number(values.port ?? (await freePort())),
  [
    "--persist-to",
    state,
    ...(values["no-sagemaker"]
      ? []
      : [
          "--var",
          "SAGEMAKER_ENDPOINT:soak-intent",
          "--var",
          `SAGEMAKER_ENDPOINT_URL:${sage.url}`,
          "--var",
          `AWS_REGION:${TEST_AWS_REGION}`,
          "--var",
          `AWS_ACCESS_KEY_ID:${TEST_AWS_CREDENTIALS.accessKeyId}`,
          "--var",
          `AWS_SECRET_ACCESS_KEY:${TEST_AWS_CREDENTIALS.secretAccessKey}`,
        ]),
    ...values.var.flatMap((pair) => ["--var", pair]),
    ...(values["inspector-port"] ? ["--inspector-port", values["inspector-port"]] : []),
  ],
  log,
);
let feeders: Feeder[] = [];
let boards: BoardWatch[] = [];
let viewers: ViewerSockets | null = null;
exitOnSignals(async () => {
  for (const f of feeders) f.close();
  for (const b of boards) b.stop();
  viewers?.stop();
  await server.stop();
  await sage?.close();
});

log(`soak: ${minutes} min on ${server.url}, state ${state}; building and starting npm start`);
const firstStartMs = await server.start(true);
began = Date.now();
log(`npm start up in ${(firstStartMs / 1000).toFixed(1)} s`);

const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
const run = Date.now().toString(36);
const ids = [1, 2, 3].map((n) => `soak-${run}-${n}`);
for (const id of ids) {
  const res = await fetch(`${server.url}/api/broadcasts`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ id, title: `soak ${id}`, source: "replay" }),
  });
  if (res.status !== 201) throw new Error(`create ${id}: ${res.status} ${await res.text()}`);
}
const messages = loadChatCorpus().map((c) => c.text);
const rate = Number(values.rate);
const latencies: { at: number; ms: number }[] = [];
// The stub goes down once, for `sageDownMs` from when it went down (the loop may be busy restarting the server at the planned time).
let sageBackAt = Infinity;
let sageFault: { from: number; to: number; what: string } | null = null;
feeders = ids.map(
  (id) =>
    new Feeder(() => server.url, token, id, {
      ratePerMin: rate,
      burstFactor: 10,
      burstMs: 10_000,
      burstEveryMs: 120_000,
      messages,
    }),
);
const boardOn = [ids[0]!, ids[1]!, ids[2]!, ids[0]!, "demo"];
boards = boardOn.map(
  (id) =>
    new BoardWatch(() => server.url, token, id, {
      minLifeMs: 15_000,
      maxLifeMs: 120_000,
      ...(id === "demo" ? {} : { onChat: (_no, at, now) => latencies.push({ at, ms: now - at }) }),
    }),
);
viewers = new ViewerSockets(() => server.url, ids, 10);
await new Promise((r) => setTimeout(r, 3000));
for (const f of feeders) f.start();

const faults: { from: number; to: number; what: string }[] = [];
const memory: { t: number; life: number; rssKiB: number; largestKiB: number; anonKiB: number; fileKiB: number }[] = [];
let life = 1;
const lifeStarts = [0];
let restarting = false;
const sampleMemory = () => {
  if (restarting) return;
  const w = server.workerd();
  if (w.length === 0) return;
  memory.push({
    t: Date.now() - began,
    life,
    rssKiB: w.reduce((s, p) => s + p.rssKiB, 0),
    largestKiB: Math.max(...w.map((p) => p.rssKiB)),
    anonKiB: w.reduce((s, p) => s + p.anonKiB, 0),
    fileKiB: w.reduce((s, p) => s + p.fileKiB, 0),
  });
};
const memoryTimer = setInterval(sampleMemory, 15_000);
// Retained memory: RSS right after a full collection of every isolate of the Worker's workerd
// (over its inspector). Between collections V8 lets garbage pile up for as long as it likes, and
// the workerd objects behind it: in the Worker's isolate, and in the isolates every request
// passes through (miniflare's entry worker, the outbound service of every fetch, D1), whose
// tiny heaps V8 may not collect for many minutes (README, soak notes). What survives a
// collection everywhere is what the server holds.
const retained: (MemorySample & { heapKiB: number; othersKiB: number; anonKiB: number; fileKiB: number })[] = [];
let inspector: { life: number; port: number } | null = null;
let retainedBusy = false;
let retainedFailures = 0;
const sampleRetained = async () => {
  if (restarting || retainedBusy) return;
  retainedBusy = true;
  const lifeNow = life;
  try {
    if (inspector?.life !== lifeNow) {
      const found = await findInspectorPort(server.workerd().map((p) => p.pid));
      inspector = found ? { life: lifeNow, port: found.port } : null;
    }
    if (!inspector) throw new Error("no inspector for the Worker's isolate");
    const gc = await collectGarbageEverywhere(inspector.port);
    if (!gc.worker) throw new Error("the Worker's isolate did not answer");
    await new Promise((r) => setTimeout(r, 1000));
    const w = server.workerd();
    if (restarting || life !== lifeNow || w.length === 0) return;
    retained.push({
      t: Date.now() - began,
      life: lifeNow,
      rssKiB: w.reduce((s, p) => s + p.rssKiB, 0),
      anonKiB: w.reduce((s, p) => s + p.anonKiB, 0),
      fileKiB: w.reduce((s, p) => s + p.fileKiB, 0),
      heapKiB: gc.worker.usedBytes / 1024,
      othersKiB: (gc.usedBytes - gc.worker.usedBytes) / 1024,
    });
  } catch (err) {
    inspector = null;
    if (retainedFailures++ < 3) log(`retained memory sample failed: ${String(err)}`);
  } finally {
    retainedBusy = false;
  }
};
const retainedTimer = setInterval(() => void sampleRetained(), 30_000);

async function publish(id: string, n: number): Promise<string | null> {
  const res = await fetch(`${server.url}/api/broadcasts/${id}/answers`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ question: `소크 질문 ${n}?`, answer: `소크 답변 ${n}` }),
  }).catch(() => null);
  if (res?.status !== 201) return null;
  return ((await res.json()) as { answer: { id: string } }).answer.id;
}

let nextKill = killEveryMs;
let sageDown = false;
let lastStatus = 0;
while (Date.now() - began < durationMs) {
  const t = Date.now() - began;
  if (t >= nextKill && durationMs - t > 60_000) {
    nextKill += killEveryMs;
    const from = Date.now();
    log(`SIGKILL npm start and workerd (life ${life})`);
    sampleMemory();
    restarting = true;
    await server.killHard();
    const restart = await server.start(false).catch((err: unknown) => (log(`restart failed: ${String(err)}`), -1));
    faults.push({ from, to: Date.now(), what: "server killed" });
    life++;
    lifeStarts.push(Date.now() - began);
    restarting = false;
    log(`npm start back after ${((Date.now() - from) / 1000).toFixed(1)} s (start ${(restart / 1000).toFixed(1)} s)`);
  }
  if (!sageDown && sage && t >= sageDownAt && t < sageDownAt + sageDownMs) {
    log("SageMaker stub down");
    await sage.close();
    sage = null;
    sageDown = true;
    sageBackAt = Date.now() + sageDownMs;
    sageFault = { from: Date.now(), to: sageBackAt, what: "SageMaker down" };
    faults.push(sageFault);
  }
  if (sageDown && !sage && Date.now() >= sageBackAt) {
    sage = await startSage();
    if (sageFault) sageFault.to = Date.now();
    log(`SageMaker stub back after ${((Date.now() - (sageFault?.from ?? 0)) / 1000).toFixed(0)} s`);
  }
  if (t - lastStatus >= 60_000) {
    lastStatus = t;
    const rss = memory.at(-1);
    log(
      `sent ${feeders.map((f) => f.sent).join("/")} acked ${feeders.map((f) => f.ackedUpTo).join("/")} · boards ${boards.map((b) => b.tally.received).join("/")} · viewers ${viewers.connected}/${viewers.sockets.length} · workerd ${rss ? (rss.rssKiB / 1024).toFixed(0) : "?"} MiB`,
    );
  }
  await new Promise((r) => setTimeout(r, 500));
}
if (!sage) sage = await startSage();

log("feeding stops; draining");
for (const f of feeders) f.pause();
await until(() => feeders.every((f) => f.ackedUpTo >= f.sent && f.client.backlog === 0), 180_000);
const answerIds = (await Promise.all(ids.map((id, i) => publish(id, i)))).filter((x): x is string => x !== null);

// Pending chats are classified by the hub's alarm after ingest stops; give it time.
let checks: ExportCheck[] = [];
const settleStart = Date.now();
for (;;) {
  checks = await Promise.all([
    ...ids.map((id, i) => checkExport(server.url, token, id, feeders[i]!.ackedUpTo, heldOn(id))),
    checkExport(server.url, token, "demo", null),
  ]);
  const boardsDone = boards.every(
    (b) =>
      b.tally.lastSeq >= (checks.find((c) => c.broadcast === b.tally.broadcast)?.lastSeq ?? 0) ||
      b.tally.broadcast === "demo",
  );
  if ((checks.every((c) => c.pending === 0) && boardsDone) || Date.now() - settleStart > 180_000) break;
  await new Promise((r) => setTimeout(r, 5000));
}
const settledMs = Date.now() - settleStart;
for (const b of boards) b.tally.gaps = b.gaps();
await until(() => answerIds.every((id) => viewers!.holding(id) >= 10), 20_000);
clearInterval(memoryTimer);
clearInterval(retainedTimer);
sampleMemory();
await until(() => !retainedBusy, 60_000);
await sampleRetained();

// Report.
// Steady state: chats neither sent nor received from 2 s before a kill to 30 s after the server was back.
const near = (time: number) =>
  faults.some((f) => f.what === "server killed" && time >= f.from - 2000 && time <= f.to + 30_000);
const outside = latencies.filter((l) => !near(l.at) && !near(l.at + l.ms));
const ms = (xs: { ms: number }[]) => xs.map((x) => x.ms).sort((a, b) => a - b);
// Warm-up, baseline and tolerance: scripts/lib/soak/memory-verdict.ts.
// The acceptance verdict judges retained memory; raw RSS (garbage included) is reported beside it.
const verdict = memoryVerdict(retained, lifeStarts);
const rawVerdict = memoryVerdict(memory, lifeStarts);

/** One memory verdict's lives as printed: baseline, range after warm-up and slope. */
function livesReport(v: typeof verdict) {
  return v.lives.map((l) => ({
    life: l.life,
    baseline_mib: Math.round(l.baselineMiB),
    range_pct: [Math.round(l.minPct), Math.round(l.maxPct)],
    slope_mib_per_min: Number(l.slopeMiBPerMin.toFixed(1)),
  }));
}

const summary = {
  minutes,
  server_kills: faults.filter((f) => f.what === "server killed").length,
  sagemaker_down_s: Math.round(
    faults.filter((f) => f.what === "SageMaker down").reduce((sum, f) => sum + (f.to - f.from), 0) / 1000,
  ),
  server_down_s: faults.filter((f) => f.what === "server killed").map((f) => Math.round((f.to - f.from) / 1000)),
  chats_sent: feeders.reduce((s, f) => s + f.sent, 0),
  chats_acked: feeders.reduce((s, f) => s + f.ackedUpTo, 0),
  bursts: feeders.reduce((s, f) => s + f.bursts, 0),
  demo_chats: checks.at(-1)!.chats,
  lost_acked: checks.reduce((s, c) => s + c.lost, 0),
  duplicated: checks.reduce((s, c) => s + c.duplicated, 0),
  reordered: checks.reduce((s, c) => s + c.reordered, 0),
  seq_breaks: checks.reduce((s, c) => s + c.seqBreaks, 0),
  held_acked: checks.reduce((s, c) => s + c.held, 0),
  pending_left: checks.reduce((s, c) => s + c.pending, 0),
  pending_settled_s: Math.round(settledMs / 1000),
  boards: boards.map((b) => ({ ...b.tally })),
  board_gaps: boards.reduce((s, b) => s + b.tally.gaps, 0),
  board_duplicated: boards.reduce((s, b) => s + b.tally.duplicated, 0),
  board_reordered: boards.reduce((s, b) => s + b.tally.reordered, 0),
  p50_chat_to_board_ms: percentile(ms(latencies), 0.5),
  p99_chat_to_board_ms: percentile(ms(latencies), 0.99),
  p50_outside_kills_ms: percentile(ms(outside), 0.5),
  p99_outside_kills_ms: percentile(ms(outside), 0.99),
  viewers: viewers.sockets.length,
  viewer_reconnects: viewers.sockets.reduce((s, v) => s + v.reconnects, 0),
  viewers_with_final_answers: answerIds.length ? Math.min(...answerIds.map((id) => viewers!.holding(id))) : 0,
  workerd_memory_flat: verdict.flat,
  workerd_memory_lives: livesReport(verdict),
  workerd_memory_baseline_drift_pct: verdict.baselineDriftPct.map(Math.round),
  workerd_memory_retained_samples: retained.length,
  workerd_memory_retained_failures: retainedFailures,
  workerd_raw_rss_flat: rawVerdict.flat,
  workerd_raw_rss_lives: livesReport(rawVerdict),
};
const mmss = (t: number) =>
  `${String(Math.floor(t / 60_000)).padStart(2, "0")}:${String(Math.floor((t % 60_000) / 1000)).padStart(2, "0")}`;
const mib = (kib: number) => (kib / 1024).toFixed(0);
console.log("\nworkerd memory (all workerd processes of npm start, RSS = anonymous + file-backed):");
for (const m of memory.filter((_, i) => i % 4 === 0 || i === memory.length - 1))
  console.log(
    `  ${mmss(m.t)}  life ${m.life}  ${mib(m.rssKiB)} MiB (largest ${mib(m.largestKiB)}; anonymous ${mib(m.anonKiB)}, file-backed ${mib(m.fileKiB)})`,
  );
console.log(
  "\nretained: the same RSS 1 s after a full collection of every isolate, the Worker's V8 heap in use and the other isolates':",
);
for (const m of retained.filter((_, i) => i % 2 === 0 || i === retained.length - 1))
  console.log(
    `  ${mmss(m.t)}  life ${m.life}  ${mib(m.rssKiB)} MiB (anonymous ${mib(m.anonKiB)}, file-backed ${mib(m.fileKiB)}; V8 heap ${mib(m.heapKiB)} MiB, other isolates ${(m.othersKiB / 1024).toFixed(1)} MiB)`,
  );
console.log(
  `\nraw RSS (garbage not yet collected included; informational):\n${describeVerdict(rawVerdict).join("\n")}`,
);
console.log(
  `\nretained RSS (after a full collection; the acceptance verdict):\n${describeVerdict(verdict).join("\n")}`,
);
console.log("\nexports:");
for (const c of checks)
  console.log(
    `  ${c.broadcast}: ${c.chats} chats, lost ${c.lost}, dup ${c.duplicated}, reordered ${c.reordered}, seq breaks ${c.seqBreaks}, held (logged, not exported) ${c.held}, pending ${c.pending}`,
  );
console.log(
  `\nlost ${summary.lost_acked} · held by moderation (logged, not exported) ${summary.held_acked} · duplicated ${summary.duplicated} · reordered ${summary.reordered} · pending left ${summary.pending_left} · p99 chat→board ${summary.p99_chat_to_board_ms} ms (outside kills ${summary.p99_outside_kills_ms} ms) · workerd memory retained ${verdict.flat ? "flat" : "NOT flat"} after warm-up (raw RSS ${rawVerdict.flat ? "flat" : "NOT flat"})`,
);
console.log(JSON.stringify(summary));
for (const f of feeders) f.close();
for (const b of boards) b.stop();
viewers.stop();
await server.stop();
await sage?.close();
process.exit(0);

/** Every chat a board of `broadcast` saw held (seq → commentNo). */
function heldOn(broadcast: string): Map<number, number> {
  return new Map(boards.filter((b) => b.tally.broadcast === broadcast).flatMap((b) => [...b.held]));
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
}
