import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { ROOT } from "./corpus.ts";

/** Runs a command from the repo root, inheriting output; throws when it fails. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal})`);
}

/** Starts a long-running command from the repo root in its own process group. */
export function start(command: string, args: string[], env: NodeJS.ProcessEnv = {}, quiet = false): ChildProcess {
  return spawn(command, args, {
    cwd: ROOT,
    // Quiet means discarded, not piped: an unread pipe fills up and blocks the child.
    stdio: quiet ? "ignore" : "inherit",
    env: { ...process.env, ...env },
    detached: true,
  });
}

/** Stops a process started by `start`, with its children. */
export function stop(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
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
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
