import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { ROOT } from "./corpus.ts";

/** Runs a command from the repo root, inheriting output; throws when it fails. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal})`);
}

const running = new Set<ChildProcess>();

/**
 * Runs a command to completion without blocking the event loop (a signal meanwhile stops it:
 * see `exitOnSignals`); rejects when it fails.
 */
export function runAsync(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  running.add(child);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} failed (${code ?? signal})`));
    });
  });
}

const GUARD = path.join(ROOT, "scripts", "lib", "guard.ts");
/**
 * Starts a long-running command from the repo root under `guard.ts`: the command runs in its
 * own process group, and that group ends when this process ends, even by SIGKILL (the guard
 * reads a pipe from us and acts when it closes). So a killed parent never leaves a Worker
 * holding a port.
 */
export function start(command: string, args: string[], env: NodeJS.ProcessEnv = {}, quiet = false): ChildProcess {
  const child = spawn(process.execPath, [GUARD, command, ...args], {
    cwd: ROOT,
    // Quiet means discarded, not piped: an unread pipe fills up and blocks the child.
    stdio: ["pipe", quiet ? "ignore" : "inherit", quiet ? "ignore" : "inherit"],
    env: { ...process.env, ...env },
  });
  running.add(child);
  child.on("exit", () => running.delete(child));
  return child;
}

/** Stops a process started by `start`, with its children; resolves once it has exited. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  return exited;
}

let installed = false;
let exiting = false;
const cleanups: (() => Promise<void> | void)[] = [];

/**
 * Makes SIGINT, SIGTERM and SIGHUP end this script within seconds: `cleanup` runs, every
 * child from `start` is stopped, and the process exits (forced after `graceMs`). Also ends the
 * script when its parent or grandparent dies: `npm start` runs us through `sh -c`, so a
 * hard-killed `npm` leaves the shell as our parent and only the grandparent tells.
 */
export function exitOnSignals(cleanup?: () => Promise<void> | void, graceMs = 6000): void {
  if (cleanup) cleanups.push(cleanup);
  if (installed) return;
  installed = true;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    setTimeout(() => process.exit(code), graceMs).unref();
    void Promise.allSettled(cleanups.map((c) => c()))
      .then(() => Promise.allSettled([...running].map(stop)))
      .finally(() => process.exit(code));
  };
  process.on("SIGINT", () => exit(130));
  process.on("SIGTERM", () => exit(143));
  process.on("SIGHUP", () => exit(129));
  const ancestors = ancestry(process.pid, 2);
  setInterval(() => {
    if (ancestors.some((a) => !alive(a))) exit(1);
  }, 1000).unref();
}

interface ProcessId {
  pid: number;
  /** Start time in clock ticks since boot, so a reused pid is not mistaken for the same process. */
  started: string;
}

/** `/proc/<pid>/stat` fields after the command name: [state, ppid, …]; null when gone. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** Pids of every process below `root` (children, their children, …); empty where /proc is not there. */
export function descendants(root: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const entry of entries) {
    const ppid = Number(statFields(Number(entry))?.[1]);
    if (Number.isInteger(ppid)) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Up to `levels` ancestors of `pid` (not init); empty where /proc is not there. */
function ancestry(pid: number, levels: number): ProcessId[] {
  const found: ProcessId[] = [];
  let current = pid;
  for (let i = 0; i < levels; i++) {
    const ppid = Number(statFields(current)?.[1]);
    if (!Number.isInteger(ppid) || ppid <= 1) break;
    const started = statFields(ppid)?.[19];
    if (!started) break;
    found.push({ pid: ppid, started });
    current = ppid;
  }
  return found;
}

function alive(p: ProcessId): boolean {
  const fields = statFields(p.pid);
  return fields !== null && fields[0] !== "Z" && fields[19] === p.started;
}

/** Polls `url` until it answers 200 or the time runs out. */
export async function waitForOk(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** A TCP port free on 127.0.0.1 right now, so parallel runs never find each other's servers. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
