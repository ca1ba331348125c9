import { createRequire } from "node:module";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { percentile } from "./percentile.ts";

/** Many viewer sockets held by this process; each records when a frame containing a marker arrived. */
export interface ViewerCrowd {
  size: number;
  closed: Map<number, number>;
  /** Resolves with each socket's arrival time (performance.now()) of the first frame containing `marker`. */
  waitFor(marker: string, timeoutMs: number): Promise<(number | null)[]>;
  close(): void;
}

/** The client of the `ws` package (a devDependency that ships no types), as far as the crowd uses it. */
interface WsClient {
  on(event: "message", listener: (data: Buffer) => void): void;
  on(event: "error", listener: (err: Error) => void): void;
  on(event: "close", listener: (code: number) => void): void;
  close(code: number, reason: string): void;
}
type WsClientClass = new (
  url: string,
  options: { perMessageDeflate: boolean; skipUTF8Validation: boolean },
) => WsClient;
const WebSocketClient = createRequire(import.meta.url)("ws") as WsClientClass;

const RECENT_PREFIX = Buffer.from('{"type":"recent"');

/**
 * Opens `count` viewer sockets to `url`, `parallel` handshakes at a time, and resolves once
 * every one has its `recent` snapshot. Client and workerd share this machine's cores, so
 * the client is kept cheap: `ws` rather than Node's built-in WebSocket (undici; ~30 µs of
 * CPU per received frame against ~25 for `ws`, measured at 3,000 sockets), and frames stay
 * Buffers matched by bytes: decoding or parsing 10,000 frames would measure this process.
 */
export async function openCrowd(url: string, count: number, parallel = 100): Promise<ViewerCrowd> {
  const sockets: WsClient[] = [];
  /** Close codes seen (a socket the server dropped cannot receive the pair). */
  const closed = new Map<number, number>();
  /** The round being waited for: the marker's bytes and each socket's arrival time. */
  let round: { marker: Buffer; arrivals: (number | null)[]; onArrival: () => void } | null = null;
  let next = 0;
  const openOne = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const index = sockets.length;
      const ws = new WebSocketClient(
        `${url}${url.includes("?") ? "&" : "?"}client=bench-${index}-${Math.random().toString(36).slice(2, 10)}`,
        {
          // Offered as browsers (the extension's Chrome) do; whether it is used is the server's choice.
          perMessageDeflate: true,
          skipUTF8Validation: true,
        },
      );
      sockets.push(ws);
      ws.on("message", (data) => {
        const at = performance.now();
        if (round && round.arrivals[index] === null && data.includes(round.marker)) {
          round.arrivals[index] = at;
          round.onArrival();
        } else if (data.indexOf(RECENT_PREFIX) === 0) resolve();
      });
      ws.on("error", (err) => reject(new Error(`viewer socket ${index} failed: ${err.message}`)));
      ws.on("close", (code) => {
        closed.set(code, (closed.get(code) ?? 0) + 1);
      });
    });
  const worker = async () => {
    while (next < count) {
      next++;
      await openOne();
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return {
    size: sockets.length,
    closed,
    waitFor(marker, timeoutMs) {
      const arrivals: (number | null)[] = sockets.map(() => null);
      let pending = sockets.length;
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          round = null;
          resolve(arrivals);
        };
        const timer = setTimeout(done, timeoutMs);
        round = { marker: Buffer.from(marker), arrivals, onArrival: () => --pending === 0 && done() };
      });
    },
    close() {
      for (const ws of sockets) ws.close(1000, "bench done");
    },
  };
}

/** First/p50/p99/max of arrival delays (ms after `start`), and how many never arrived. */
export function delays(arrivals: readonly (number | null)[], start: number) {
  const got = arrivals
    .filter((a): a is number => a !== null)
    .map((a) => a - start)
    .sort((a, b) => a - b);
  return {
    first: got[0] ?? NaN,
    p50: percentile(got, 0.5),
    p99: percentile(got, 0.99),
    max: got.at(-1) ?? NaN,
    missing: arrivals.length - got.length,
  };
}

/** Process ids of the workerd processes in a process group: what wrangler dev runs the Worker in. */
function workerdPids(processGroup: number): string[] {
  return readdirSync("/proc").filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return Number(fields[2]) === processGroup && stat.includes("(workerd)");
    } catch {
      return false; // the process ended while we looked
    }
  });
}

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s. */
const CLOCK_TICKS_PER_SECOND = 100;

/** workerd's resident memory (bytes), open file descriptors and CPU time used so far (ms), summed over its processes. */
export function workerdUsage(processGroup: number): { rss: number; fds: number; cpuMs: number } {
  let rss = 0;
  let fds = 0;
  let cpuMs = 0;
  for (const pid of workerdPids(processGroup)) {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      rss += kb ? Number(kb[1]) * 1024 : 0;
      fds += readdirSync(`/proc/${pid}/fd`).length;
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command name.
      cpuMs += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
    } catch {
      // the process ended while we looked
    }
  }
  return { rss, fds, cpuMs };
}

/** The soft open-file limit of workerd's processes (the smallest), from /proc/<pid>/limits. */
export function workerdFileLimit(processGroup: number): number {
  let limit = Infinity;
  for (const pid of workerdPids(processGroup)) {
    try {
      const m = /^Max open files\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/limits`, "utf8"));
      if (m) limit = Math.min(limit, Number(m[1]));
    } catch {
      // the process ended while we looked
    }
  }
  return limit;
}

/** TCP ports the workerd processes of a process group listen on (from /proc: socket inodes → LISTEN rows). */
function workerdListenPorts(processGroup: number): number[] {
  const inodes = new Set<string>();
  for (const pid of workerdPids(processGroup)) {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]!);
      } catch {
        // closed while we looked
      }
    }
  }
  const ports: number[] = [];
  for (const line of readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f[3] === "0A" && inodes.has(f[9] ?? "")) ports.push(parseInt(f[1]!.split(":")[1]!, 16));
  }
  return ports;
}

/**
 * The URL of the workerd that runs the Worker itself, behind wrangler dev's proxy: the
 * proxy costs ~4 more descriptors per WebSocket, which caps a 20k-descriptor machine at
 * ~4,000 sockets. Found as the listening port (not the public one) that answers /api/health.
 */
export async function workerdEntryUrl(processGroup: number, publicPort: number): Promise<string | null> {
  for (const port of workerdListenPorts(processGroup)) {
    if (port === publicPort) continue;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok && (await res.text()).includes('"status":"ok"')) return `http://127.0.0.1:${port}`;
    } catch {
      // not an HTTP entry
    }
  }
  return null;
}
