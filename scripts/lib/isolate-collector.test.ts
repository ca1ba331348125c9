import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { startIsolateCollector } from "./isolate-collector.ts";
import { descendants } from "./process.ts";

// A grandchild (through sh, as workerd sits below the guard and wrangler) holding an object only a
// FinalizationRegistry watches: it says "collected" once a full collection has run. Idle, with V8's
// memory reducer off, nothing else collects it.
const program = [
  'const registry = new FinalizationRegistry(() => console.log("collected"));',
  "(() => registry.register({ big: new Array(10_000).fill(1) }, 1))();",
  'console.log("ready");',
  "setInterval(() => {}, 1000);",
].join(" ");
const shell = spawn(
  "sh",
  ["-c", `"${process.execPath}" --no-memory-reducer --inspect=127.0.0.1:0 -e '${program}'; true`],
  {
    stdio: ["ignore", "pipe", "ignore"],
  },
);
let output = "";
shell.stdout!.on("data", (d) => {
  output += String(d);
});
const seen = async (text: string, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!output.includes(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return output.includes(text);
};

afterAll(() => {
  for (const pid of descendants(shell.pid!)) process.kill(pid, "SIGKILL");
  shell.kill("SIGKILL");
});

describe("descendants", () => {
  it("finds a grandchild and not the process itself", async () => {
    expect(await seen("ready", 10_000)).toBe(true);
    const below = descendants(shell.pid!);
    expect(below).toHaveLength(1);
    expect(descendants(process.pid)).toEqual(expect.arrayContaining([shell.pid, below[0]]));
    expect(descendants(process.pid)).not.toContain(process.pid);
    expect(descendants(below[0]!)).toEqual([]);
  });
});

describe("startIsolateCollector", () => {
  it("finds the inspector below a process and has every isolate collected, round after round", async () => {
    expect(await seen("ready", 10_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(output).not.toContain("collected"); // nothing collected it on its own
    const collector = startIsolateCollector(() => descendants(shell.pid!), 100, { pick: (t) => t.type === "node" });
    try {
      expect(await seen("collected", 15_000)).toBe(true);
      const deadline = Date.now() + 10_000;
      while (collector.rounds < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(collector.rounds).toBeGreaterThanOrEqual(2);
    } finally {
      collector.stop();
    }
    const rounds = collector.rounds;
    await new Promise((r) => setTimeout(r, 500));
    expect(collector.rounds).toBeLessThanOrEqual(rounds + 1); // a round under way may finish; no new ones
  });

  it("counts a miss when nothing below the process has an inspector", async () => {
    const collector = startIsolateCollector(() => [], 50);
    await new Promise((r) => setTimeout(r, 400));
    collector.stop();
    expect(collector.rounds).toBe(0);
    expect(collector.misses).toBeGreaterThan(0);
  });
});
