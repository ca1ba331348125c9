import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** The Worker's isolate as workerd's inspector names it (`wrangler dev` of wrangler.toml's `name`). */
export const WORKER_TARGET = "core:user:liveq";

/**
 * Ports `pid` listens on (IPv4 loopback): its socket inodes matched against the kernel's table.
 * workerd opens its DevTools inspector on a port of its own choosing (`--inspector-addr=…:0`).
 */
export function listeningPorts(pid: number): number[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      const m = /^socket:\[(\d+)\]$/.exec(link);
      if (m) inodes.add(m[1]!);
    } catch {
      // closed meanwhile
    }
  }
  const ports: number[] = [];
  for (const line of readFileSync(`/proc/${pid}/net/tcp`, "latin1").split("\n").slice(1)) {
    const cols = line.trim().split(/\s+/);
    // local_address is "0100007F:PORT" (hex); state 0A is LISTEN; inode is the tenth column.
    if (cols.length < 10 || cols[3] !== "0A" || !inodes.has(cols[9]!)) continue;
    ports.push(Number.parseInt(cols[1]!.split(":")[1]!, 16));
  }
  return ports;
}

export interface InspectorTarget {
  id?: string;
  type?: string;
  webSocketDebuggerUrl?: string;
}

/** The DevTools WebSocket of the target `pick` chooses (the Worker's isolate by default) among the processes' listening ports, or null. */
export async function findInspector(
  pids: readonly number[],
  pick: (target: InspectorTarget) => boolean = (t) => t.id === WORKER_TARGET,
): Promise<string | null> {
  const usable = (t: InspectorTarget) => pick(t) && t.webSocketDebuggerUrl !== undefined;
  const found = await findInspectorPort(pids, usable);
  if (found === null) return null;
  return (await targets(found.port))?.find(usable)?.webSocketDebuggerUrl ?? null;
}

/**
 * The inspector port (among `pids`' listening ports) whose target list holds the target `pick`
 * chooses (the Worker's isolate by default), or null.
 * The same port lists every other isolate of that workerd: miniflare's entry worker (every request
 * passes through it), the outbound service (every `fetch` the Worker makes), D1's objects, assets.
 */
export async function findInspectorPort(
  pids: readonly number[],
  pick: (target: InspectorTarget) => boolean = (t) => t.id === WORKER_TARGET,
): Promise<{ pid: number; port: number } | null> {
  for (const pid of pids) {
    let ports: number[];
    try {
      ports = listeningPorts(pid);
    } catch {
      continue; // gone
    }
    for (const port of ports) {
      const list = await targets(port);
      if (list?.some(pick)) return { pid, port };
    }
  }
  return null;
}

async function targets(port: number): Promise<InspectorTarget[] | null> {
  const list = await fetch(`http://127.0.0.1:${port}/json/list`, { signal: AbortSignal.timeout(2000) })
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
  return Array.isArray(list) ? (list as InspectorTarget[]) : null;
}

export interface EveryIsolateAfterGc {
  /** The Worker's isolate (`workerTarget`); null when it did not answer. */
  worker: HeapAfterGc | null;
  /** Isolates collected, the Worker's included. */
  collected: number;
  /** Isolates that did not answer (miniflare lists services it never started; their inspector closes at once). */
  silent: number;
  /** V8 heap in use after the collections, every isolate that answered, bytes. */
  usedBytes: number;
}

/**
 * A full collection in every isolate the inspector on `port` lists, at once. Why every one:
 * garbage a request leaves in an isolate that receives it (miniflare's entry worker, the
 * outbound service, D1) holds workerd's native objects behind small wrappers, and V8 sees only
 * the wrappers, so with a tiny heap it may not collect for a long time (workerd issues #6894 and
 * #6824); collecting only the Worker's isolate leaves that garbage in the reading.
 */
export async function collectGarbageEverywhere(
  port: number,
  { workerTarget = WORKER_TARGET, timeoutMs = 30_000 } = {},
): Promise<EveryIsolateAfterGc> {
  const list = (await targets(port)) ?? [];
  const results = await Promise.all(
    list.map(async (t) => {
      if (!t.webSocketDebuggerUrl) return { id: t.id, heap: null };
      const heap = await collectGarbage(t.webSocketDebuggerUrl, timeoutMs).catch(() => null);
      return { id: t.id, heap };
    }),
  );
  const answered = results.filter((r) => r.heap !== null);
  return {
    worker: results.find((r) => r.id === workerTarget)?.heap ?? null,
    collected: answered.length,
    silent: results.length - answered.length,
    usedBytes: answered.reduce((s, r) => s + r.heap!.usedBytes, 0),
  };
}

export interface HeapAfterGc {
  /** V8 heap in use after the full collection, bytes. */
  usedBytes: number;
  /** V8 heap committed after it, bytes. */
  totalBytes: number;
}

/**
 * Asks the isolate behind `url` for a full garbage collection and then its heap usage. What
 * survives a full collection is what the Worker holds; the rest of its RSS between two
 * collections is garbage V8 has not yet had a reason to collect.
 */
export async function collectGarbage(url: string, timeoutMs = 30_000): Promise<HeapAfterGc> {
  const ws = new WebSocket(url);
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 0;
  const call = (method: string) =>
    new Promise<unknown>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method }));
    });
  const timer = setTimeout(() => ws.close(), timeoutMs);
  try {
    await new Promise<void>((resolve, reject) => {
      ws.onopen = () => resolve();
      ws.onerror = () => reject(new Error(`inspector ${url} refused`));
      ws.onclose = () => reject(new Error(`inspector ${url} closed`));
    });
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
      if (message.id !== undefined) pending.get(message.id)?.(message.result);
    };
    const closed = new Promise<never>((_, reject) => {
      ws.onclose = () => reject(new Error(`inspector ${url} closed before it answered`));
    });
    // workerd answers inspector calls only after Runtime.enable.
    await Promise.race([call("Runtime.enable"), closed]);
    await Promise.race([call("HeapProfiler.collectGarbage"), closed]);
    const usage = (await Promise.race([call("Runtime.getHeapUsage"), closed])) as {
      usedSize?: number;
      totalSize?: number;
    };
    return { usedBytes: usage.usedSize ?? 0, totalBytes: usage.totalSize ?? 0 };
  } finally {
    clearTimeout(timer);
    ws.onclose = null;
    ws.close();
  }
}
