import { spawn } from "node:child_process";

/**
 * `node scripts/lib/guard.ts <command> [args…]`: runs a command in its own process group and
 * ends that whole group (SIGTERM, then SIGKILL after a grace period) as soon as its parent is
 * gone. The parent holds the write end of this process's stdin: when the parent exits for any
 * reason, SIGKILL included, the pipe closes and the guard takes the group down with it. Signal
 * forwarding alone cannot do that, and wrangler (which starts workerd) cannot be changed to
 * read a pipe itself, hence this small process between them.
 */
const GRACE_MS = Number(process.env.LIVEQ_GUARD_GRACE_MS ?? 4000);
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node scripts/lib/guard.ts <command> [args…]");
  process.exit(2);
}

const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], detached: true });
const parent = process.ppid;
let ending = false;

function signalGroup(signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

function end(why: string): void {
  if (ending) return;
  ending = true;
  if (process.env.LIVEQ_GUARD_DEBUG === "1") console.error(`guard: ${why}; stopping ${command}`);
  signalGroup("SIGTERM");
  setTimeout(() => {
    signalGroup("SIGKILL");
    process.exit(1);
  }, GRACE_MS).unref();
}

child.on("exit", (code, signal) => {
  // Whatever the command left behind in its group (workerd when wrangler died) goes too.
  signalGroup("SIGKILL");
  process.exit(code ?? (signal ? 1 : 0));
});
child.on("error", (err) => {
  console.error(`guard: ${command}: ${err.message}`);
  process.exit(127);
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => end(signal));
process.stdin.on("end", () => end("parent closed the pipe"));
process.stdin.on("error", () => end("parent pipe broke"));
process.stdin.on("data", () => {});
process.stdin.resume();
// Belt and braces for a parent that handed its pipe on: re-parented means orphaned.
setInterval(() => {
  if (process.ppid !== parent) end("parent gone");
}, 1000).unref();
