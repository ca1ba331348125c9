import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ROOT } from "./lib/corpus.ts";
import { startDevServer, type DevServer } from "./lib/dev-server.ts";
import { exitOnSignals, run } from "./lib/process.ts";
import { delays, openCrowd, workerdEntryUrl, workerdFileLimit, workerdUsage } from "./lib/viewer-load.ts";

// Ctrl-C / SIGTERM stop the servers this bench started (and a hard kill takes them too: guard.ts).
exitOnSignals();

/**
 * bench:viewers: opens N viewer sockets on LiveQ's sharded ViewerFanout (wrangler dev with
 * scripts/bench/wrangler.toml), publishes a pair through the real API (D1 → hub → every
 * shard) and measures when each socket has it; then the same against one unsharded
 * ViewerFanout (VIEWER_SHARDS=1) in the same run. Also workerd's resident memory per socket.
 *
 * Measured on 2 cores (AMD EPYC) with a 20,000 open-file limit, which fits 9,837 sockets
 * (sharded) and 9,874 (single), not 10,000: two runs of 3 rounds, 8 shards p99 320–666 ms,
 * single DO p99 301–645 ms, 111 KiB and 2 descriptors per socket in workerd; per round the
 * client used 125–263 ms of CPU and workerd 370–720 ms (workerd's native send path:
 * WebSocket pipe, pump, loopback TCP; nothing per socket in the shard's JS beyond send).
 *
 * Honest notes: every bench socket comes from 127.0.0.1, so the bench config lifts the
 * per-IP socket limit (production keeps VIEWER_MAX_SOCKETS_PER_IP); client and server share
 * this machine's cores, so the figures include the client's own receive loop; the client
 * offers permessage-deflate as browsers do (the shards decline it).
 */
const { values } = parseArgs({
  options: {
    sockets: { type: "string", default: "10000" },
    shards: { type: "string", default: "8" },
    rounds: { type: "string", default: "3" },
    port: { type: "string", default: "8851" },
    "skip-single": { type: "boolean", default: false },
    /** `direct`: viewer sockets go straight to the Worker's workerd, past wrangler dev's proxy (see workerdEntryUrl). */
    via: { type: "string", default: "direct" },
  },
});
const sockets = Number(values.sockets);
const rounds = Number(values.rounds);

/**
 * workerd holds two descriptors per accepted socket: right after accept4 it dups the socket
 * (fcntl F_DUPFD_CLOEXEC, seen with strace) for its Rust HTTP layer, for every connection,
 * a plain Worker's too, so no routing avoids it. This process holds one per socket.
 */
const WORKERD_FDS_PER_SOCKET = 2;
/** Descriptors left free in workerd for the API's own connections and storage files. */
const WORKERD_SPARE_FDS = 100;
ensureFileLimit(WORKERD_FDS_PER_SOCKET * sockets + 1000);

/** Re-runs this script with a raised soft fd limit when it is too low and the hard one allows. */
function ensureFileLimit(needed: number): void {
  const soft = Number(spawnSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).stdout.trim());
  const hard = Number(spawnSync("sh", ["-c", "ulimit -Hn"], { encoding: "utf8" }).stdout.trim()) || soft;
  if (!(soft < needed) || hard <= soft || process.env.LIVEQ_BENCH_FD_RAISED) {
    if (soft < needed)
      console.warn(
        `warning: open-file limit ${soft} < ${needed}: workerd (two descriptors per socket) cannot hold ${sockets} sockets; the bench measures as many as fit (raise the hard ulimit -n)`,
      );
    return;
  }
  const target = Math.min(hard, needed);
  console.log(`raising the open-file limit from ${soft} to ${target} (hard limit ${hard})`);
  const result = spawnSync(
    "sh",
    ["-c", `ulimit -n ${target} && exec "$0" "$@"`, process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: "inherit",
      env: { ...process.env, LIVEQ_BENCH_FD_RAISED: "1" },
    },
  );
  process.exit(result.status ?? 1);
}

/** The bench wrangler config with paths made absolute, `extra` top-level lines and this run's shard count. */
function writeConfig(file: string, main: string, shards: number, extra = ""): string {
  const benchDir = path.join(ROOT, "scripts/bench");
  const toml = readFileSync(path.join(benchDir, "wrangler.toml"), "utf8")
    .replace(/^main = "worker.ts"$/m, `main = "${main}"${extra}`)
    .replace(/^migrations_dir = "..\/..\/migrations"$/m, `migrations_dir = "${path.join(ROOT, "migrations")}"`)
    .replace(/^VIEWER_SHARDS = ".*"$/m, `VIEWER_SHARDS = "${shards}"`);
  writeFileSync(file, toml);
  return file;
}

/**
 * Bundles the bench Worker once, up front: wrangler dev then serves that frozen bundle
 * (`no_bundle`), so edits to the sources during the run cannot reload the Worker and drop
 * every socket mid-measurement.
 */
function freezeWorker(dir: string): string {
  const source = writeConfig(path.join(dir, "source.toml"), path.join(ROOT, "scripts/bench/worker.ts"), 1);
  const outdir = path.join(dir, "bundle");
  run("wrangler", ["deploy", "--dry-run", "--outdir", outdir, "--config", source], { WRANGLER_SEND_METRICS: "false" });
  return path.join(outdir, "worker.js");
}

// biome-ignore lint/suspicious/noExplicitAny: the API answers several shapes; the benchmark reads a field or two
async function api(server: DevServer, route: string, body: unknown): Promise<Record<string, any>> {
  const res = await fetch(server.url + route, {
    method: "POST",
    headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  // biome-ignore lint/suspicious/noExplicitAny: the API answers several shapes; the benchmark reads a field or two
  return res.json() as Promise<Record<string, any>>;
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "-");

async function measure(label: string, shards: number, bundle: string, port: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), "liveq-bench-viewers-"));
  const config = writeConfig(path.join(dir, "wrangler.toml"), bundle, shards, "\nno_bundle = true");
  const server = await startDevServer({
    port,
    persistTo: path.join(dir, "state"),
    config,
    quiet: true,
    token: "bench-viewers-token-0123456789",
  });
  try {
    const naverId = String(9_000_000 + Math.floor(Math.random() * 1_000_000));
    const { id } = await api(server, "/api/broadcasts", {
      title: "bench:viewers",
      source: "naver",
      naverUrl: `https://view.shoppinglive.naver.com/lives/${naverId}`,
    });
    const viewerBase = values.via === "direct" ? await workerdEntryUrl(server.child.pid!, port) : server.url;
    if (!viewerBase) throw new Error("could not find the Worker's own workerd entry; use --via proxy");
    const viewerUrl = `${viewerBase.replace(/^http/, "ws")}/api/viewer/naver/${naverId}`;
    // Warm-up, not measured: wake the hub (it loads the intent model) and every shard once.
    const warm = await openCrowd(viewerUrl, 4 * shards);
    await api(server, `/api/broadcasts/${id}/answers`, { question: "워밍업", answer: "워밍업 답변" });
    warm.close();
    const before = workerdUsage(server.child.pid!);
    const limit = workerdFileLimit(server.child.pid!);
    const fits = Math.floor((limit - before.fds - WORKERD_SPARE_FDS) / WORKERD_FDS_PER_SOCKET);
    const count = Math.min(sockets, fits);
    if (count < sockets) {
      console.warn(
        `${label}: ${sockets} sockets do not fit: workerd's open-file limit is ${limit}, it already holds ${before.fds} descriptors and needs ${WORKERD_FDS_PER_SOCKET} per socket; measuring ${count} sockets instead`,
      );
    }
    const connectStart = performance.now();
    const crowd = await openCrowd(viewerUrl, count);
    const connectSeconds = (performance.now() - connectStart) / 1000;
    await new Promise((r) => setTimeout(r, 1000));
    const after = workerdUsage(server.child.pid!);
    const bytesPerSocket = (after.rss - before.rss) / count;
    const fdsPerSocket = (after.fds - before.fds) / count;
    const results = [];
    for (let round = 1; round <= rounds; round++) {
      const marker = `bench-${round}-${Math.random().toString(36).slice(2)}`;
      const arrivals = crowd.waitFor(marker, 30_000);
      const serverCpuBefore = workerdUsage(server.child.pid!).cpuMs;
      const clientCpuBefore = process.cpuUsage();
      const start = performance.now();
      const published = await api(server, `/api/broadcasts/${id}/answers`, {
        question: `질문 ${marker}`,
        answer: "벤치마크 답변입니다.",
      });
      const acked = performance.now() - start;
      const d = delays(await arrivals, start);
      // CPU spent until the last socket had the pair: where the per-socket time goes (client vs workerd).
      const clientCpu = process.cpuUsage(clientCpuBefore);
      const cpu = {
        clientMs: (clientCpu.user + clientCpu.system) / 1000,
        workerdMs: workerdUsage(server.child.pid!).cpuMs - serverCpuBefore,
      };
      console.log(
        `${label.padEnd(9)} round ${round}: first ${ms(d.first)} ms  p50 ${ms(d.p50)} ms  p99 ${ms(d.p99)} ms  max ${ms(d.max)} ms  missing ${d.missing}  (API answered in ${ms(acked)} ms, CPU client ${ms(cpu.clientMs)} ms workerd ${ms(cpu.workerdMs)} ms, relay ${JSON.stringify(published.relay)}, closed ${JSON.stringify([...crowd.closed])})`,
      );
      results.push({ round, ...d, apiMs: acked, cpu });
      await new Promise((r) => setTimeout(r, 500));
    }
    crowd.close();
    const worst = results.reduce((a, b) => (b.p99 > a.p99 ? b : a));
    console.log(
      `${label.padEnd(9)} ${count} sockets on ${shards} shard(s): connected in ${connectSeconds.toFixed(1)} s, workerd RSS +${(bytesPerSocket / 1024).toFixed(1)} KiB and ${fdsPerSocket.toFixed(2)} file descriptors per socket, worst round p99 ${ms(worst.p99)} ms`,
    );
    return {
      target: label,
      shards,
      sockets: count,
      requestedSockets: sockets,
      fileLimit: limit,
      connectSeconds,
      kibPerSocket: bytesPerSocket / 1024,
      fdsPerSocket,
      rounds: results,
    };
  } finally {
    server.stop();
    await new Promise((r) => setTimeout(r, 1500));
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `bench:viewers: ${sockets} viewer sockets (${values.via === "direct" ? "straight to the Worker's workerd" : "through wrangler dev's proxy"}), ${rounds} published pairs per target`,
);
const frozen = mkdtempSync(path.join(tmpdir(), "liveq-bench-bundle-"));
const bundle = freezeWorker(frozen);
// Each target on its own port: the previous workerd may still be closing thousands of sockets.
const summary = [await measure("sharded", Number(values.shards), bundle, Number(values.port))];
if (!values["skip-single"]) summary.push(await measure("single", 1, bundle, Number(values.port) + 1));
rmSync(frozen, { recursive: true, force: true });
console.log(JSON.stringify(summary));
process.exit(0);
