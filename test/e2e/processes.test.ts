import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/corpus.ts";
import { DEFAULT_BROADCAST } from "../../scripts/lib/naver-fixture/routes.ts";
import { startNaverFixture } from "../../scripts/lib/naver-fixture/server.ts";
import { freePort } from "../../scripts/lib/process.ts";

/**
 * Processes that behave: every long-running script ends with its children on SIGTERM, and a
 * parent killed hard leaves nothing behind. Processes are recognised by a marker in their
 * environment, which Chromium, wrangler and workerd inherit from the script under test.
 */
const MARK = "LIVEQ_PROCESS_TEST";
const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** Live processes whose environment carries `MARK=mark`, with their command lines. */
function marked(mark: string): { pid: number; ppid: number; cmd: string }[] {
  const found: { pid: number; ppid: number; cmd: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, "latin1").split("\0").includes(`${MARK}=${mark}`)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, "latin1");
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (state === "Z") continue; // a zombie holds nothing
      found.push({
        pid: Number(entry),
        ppid: Number(ppid),
        cmd: `(${state} ppid ${ppid}) ${readFileSync(`/proc/${entry}/cmdline`, "latin1").replaceAll("\0", " ")}`,
      });
    } catch {
      // gone meanwhile, or not ours
    }
  }
  return found;
}

/**
 * Chromium browsers: processes started with the pipe, less renderers and helpers (`--type=`)
 * and less the launcher script's own subshells (a child of another match).
 */
function browsers(mark: string): { pid: number; ppid: number; cmd: string }[] {
  const main = marked(mark).filter((p) => p.cmd.includes("--remote-debugging-pipe") && !p.cmd.includes("--type="));
  const pids = new Set(main.map((p) => p.pid));
  return main.filter((p) => !pids.has(p.ppid));
}

function spawnScript(
  script: string,
  args: string[],
  mark: string,
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; output: () => string } {
  return spawnCommand(process.execPath, [path.join(ROOT, script), ...args], mark, env);
}

function spawnCommand(
  command: string,
  args: string[],
  mark: string,
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, [MARK]: mark },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += String(d)));
  child.stderr!.on("data", (d) => (output += String(d)));
  started.push(child);
  return { child, output: () => output };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean, timeoutMs: number, read?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${read ? `:\n${read().slice(-2000)}` : ""}`);
    await sleep(250);
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => child.once("exit", () => r()));
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

describe("processes that behave", () => {
  it("keeps one browser while its page and server are gone, says so, and SIGTERM ends it with its browser", {
    timeout: 90_000,
  }, async () => {
    const mark = randomUUID();
    const fixture = await startNaverFixture({ ratePerSec: 5, seed: 3 });
    // A LiveQ server that is not there: a port nothing listens on.
    const server = `http://127.0.0.1:${await freePort()}`;
    const agent = spawnScript(
      "scripts/capture.ts",
      [
        "--url",
        `${fixture.url}/lives/${DEFAULT_BROADCAST}`,
        "--server",
        server,
        "--broadcast",
        "gone",
        "--token",
        "t".repeat(24),
        "--stall-seconds",
        "4",
      ],
      mark,
    );
    await until("the first capture", () => agent.output().includes("capturing"), 30_000, agent.output);
    await fixture.close();
    let most: { pid: number; ppid: number; cmd: string }[] = [];
    const watchUntil = Date.now() + 35_000;
    while (Date.now() < watchUntil) {
      const now = browsers(mark);
      if (now.length > most.length) most = now;
      await sleep(200);
    }
    const log = agent.output();
    expect(most.length, `at once:\n${most.map((p) => `${p.pid} ${p.cmd.slice(0, 60)}`).join("\n")}\n${log}`).toBe(1);
    expect(log).toMatch(/LiveQ server unreachable/);
    expect(log).toMatch(/no frames from the viewer page/);
    expect(log).toMatch(/viewer page unreachable .*next in \d+ s/);
    const attempts = log.match(/viewer page unreachable/g)?.length ?? 0;
    expect(attempts).toBeGreaterThanOrEqual(1);
    // Backing off: 35 s at a fixed half second would be ~70 launches.
    expect(attempts).toBeLessThan(10);

    const signalled = Date.now();
    agent.child.kill("SIGTERM");
    await exited(agent.child);
    expect(Date.now() - signalled).toBeLessThan(8000);
    await until("its browser to go", () => marked(mark).length === 0, 5000);
  });

  it("SIGKILL of npm start leaves no node, wrangler or workerd of it, and the port free", {
    timeout: 240_000,
  }, async () => {
    const mark = randomUUID();
    const port = await freePort();
    const state = mkdtempSync(path.join(tmpdir(), "liveq-start-kill-"));
    // `npm` itself is killed: what it ran through `sh -c` must notice and go, with its server.
    const npmStart = spawnCommand("npm", ["start", "--", "--no-build", "--persist-to", state], mark, {
      PORT: String(port),
    });
    await until("npm start to serve", () => npmStart.output().includes("LiveQ is running"), 200_000, npmStart.output);
    expect(marked(mark).some((p) => p.cmd.includes("workerd"))).toBe(true);
    expect(await portAnswers(port)).toBe(true);

    npmStart.child.kill("SIGKILL");
    await until(
      "start.ts, wrangler and workerd to go",
      () => marked(mark).length === 0,
      12_000,
      () =>
        marked(mark)
          .map((p) => p.cmd)
          .join("\n"),
    );
    expect(await portAnswers(port)).toBe(false);
  });
});
