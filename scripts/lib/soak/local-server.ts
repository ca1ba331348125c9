import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { ROOT } from "../corpus.ts";

/** Marks every process of the soak's server (start.ts, guard, wrangler, workerd) in its environment. */
const MARK = "LIVEQ_SOAK_SERVER";

export interface ProcessInfo {
  pid: number;
  cmd: string;
  rssKiB: number;
  /** Of rssKiB: anonymous (heaps, malloc) and file-backed (workerd's binary, SQLite's shared-memory index). */
  anonKiB: number;
  fileKiB: number;
}

/**
 * `npm start` (scripts/start.ts) as the soak runs it: started with its own state folder and
 * extra vars, killed hard (SIGKILL to start.ts and to workerd at once) and started again on
 * the same state and port.
 */
export class LocalServer {
  private child: ChildProcess | null = null;
  readonly mark = `soak-${process.pid}-${Date.now()}`;
  starts = 0;

  readonly port: number;
  private readonly args: string[];
  private readonly log: (line: string) => void;

  constructor(port: number, args: string[], log: (line: string) => void) {
    this.port = port;
    this.args = args;
    this.log = log;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts `npm start` and resolves once it has said it runs (the demo's rehearsal started). */
  async start(build: boolean): Promise<number> {
    const began = Date.now();
    this.starts++;
    const args = [path.join(ROOT, "scripts/start.ts"), ...(build ? [] : ["--no-build"]), ...this.args];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, PORT: String(this.port), [MARK]: this.mark },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    let output = "";
    const ready = new Promise<void>((resolve, reject) => {
      const onData = (d: Buffer) => {
        output = (output + String(d)).slice(-4000);
        if (output.includes("LiveQ is running")) resolve();
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
      child.once("exit", (code) => reject(new Error(`npm start exited (${code}) before it was up:\n${output}`)));
    });
    await ready;
    child.removeAllListeners("exit");
    return Date.now() - began;
  }

  /** SIGKILL to start.ts and every workerd of it, at once; resolves when the port is free. */
  async killHard(): Promise<void> {
    const victims = [
      this.child?.pid,
      ...this.processes()
        .filter((p) => p.cmd.includes("workerd"))
        .map((p) => p.pid),
    ];
    for (const pid of victims) {
      try {
        if (pid) process.kill(pid, "SIGKILL");
      } catch {
        // gone already
      }
    }
    this.child = null;
    const deadline = Date.now() + 30_000;
    while ((await portOpen(this.port)) || this.processes().length > 0) {
      if (Date.now() > deadline) {
        this.log(
          `after the kill, still alive: ${this.processes()
            .map((p) => `${p.pid} ${p.cmd.slice(0, 80)}`)
            .join("; ")}`,
        );
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Ends it the gentle way (SIGTERM), as Ctrl-C would. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    for (const p of this.processes()) process.kill(p.pid, "SIGKILL");
  }

  /** The workerd processes now, with their resident memory. */
  workerd(): ProcessInfo[] {
    return this.processes().filter((p) => p.cmd.includes("workerd serve"));
  }

  /** Live (non-zombie) processes carrying this server's mark. */
  processes(): ProcessInfo[] {
    const found: ProcessInfo[] = [];
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (!readFileSync(`/proc/${entry}/environ`, "latin1").split("\0").includes(`${MARK}=${this.mark}`)) continue;
        const status = readFileSync(`/proc/${entry}/status`, "latin1");
        if (/^State:\s+Z/m.test(status)) continue;
        const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
        found.push({
          pid: Number(entry),
          cmd: readFileSync(`/proc/${entry}/cmdline`, "latin1").replaceAll("\0", " "),
          rssKiB: kib("VmRSS"),
          anonKiB: kib("RssAnon"),
          fileKiB: kib("RssFile") + kib("RssShmem"),
        });
      } catch {
        // gone meanwhile, or not ours
      }
    }
    return found;
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}
