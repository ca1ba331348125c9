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

/**
 * Opens `count` viewer sockets to `url`, `parallel` handshakes at a time, and resolves once
 * every one has its `recent` snapshot. Frames are matched by substring: parsing 10,000
 * frames would measure this process rather than the server.
 */
export async function openCrowd(url: string, count: number, parallel = 100): Promise<ViewerCrowd> {
  const sockets: WebSocket[] = [];
  const listeners: ((data: string, at: number) => void)[] = [];
  /** Close codes seen (a socket the server dropped cannot receive the pair). */
  const closed = new Map<number, number>();
  let next = 0;
  const openOne = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const index = sockets.length;
      const ws = new WebSocket(`${url}${url.includes("?") ? "&" : "?"}client=bench-${index}-${Math.random().toString(36).slice(2, 10)}`);
      sockets.push(ws);
      ws.addEventListener("message", (e) => {
        const data = String(e.data);
        if (data.startsWith('{"type":"recent"')) return resolve();
        const listener = listeners[index];
        if (listener) listener(data, performance.now());
      });
      ws.addEventListener("error", () => reject(new Error(`viewer socket ${index} failed`)));
      ws.addEventListener("close", (e) => {
        closed.set(e.code, (closed.get(e.code) ?? 0) + 1);
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
        const timer = setTimeout(() => resolve(arrivals), timeoutMs);
        sockets.forEach((_, i) => {
          listeners[i] = (data, at) => {
            if (arrivals[i] !== null || !data.includes(marker)) return;
            arrivals[i] = at;
            if (--pending === 0) {
              clearTimeout(timer);
              resolve(arrivals);
            }
          };
        });
      });
    },
    close() {
      for (const ws of sockets) ws.close(1000, "bench done");
    },
  };
}

/** First/p50/p99/max of arrival delays (ms after `start`), and how many never arrived. */
export function delays(arrivals: readonly (number | null)[], start: number) {
  const got = arrivals.filter((a): a is number => a !== null).map((a) => a - start).sort((a, b) => a - b);
  return { first: got[0] ?? NaN, p50: percentile(got, 0.5), p99: percentile(got, 0.99), max: got.at(-1) ?? NaN, missing: arrivals.length - got.length };
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

/** workerd's resident memory (bytes) and open file descriptors, summed over its processes. */
export function workerdUsage(processGroup: number): { rss: number; fds: number } {
  let rss = 0;
  let fds = 0;
  for (const pid of workerdPids(processGroup)) {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      rss += kb ? Number(kb[1]) * 1024 : 0;
      fds += readdirSync(`/proc/${pid}/fd`).length;
    } catch {
      // the process ended while we looked
    }
  }
  return { rss, fds };
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
      if (res.ok && (await res.text()).includes('"backends"')) return `http://127.0.0.1:${port}`;
    } catch {
      // not an HTTP entry
    }
  }
  return null;
}
