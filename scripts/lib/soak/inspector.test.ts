import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import {
  collectGarbage,
  collectGarbageEverywhere,
  findInspector,
  findInspectorPort,
  listeningPorts,
} from "./inspector.ts";

describe("listeningPorts", () => {
  it("finds a port this process listens on, and not one it does not", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    expect(listeningPorts(process.pid)).toContain(port);
    await new Promise((r) => server.close(r));
    expect(listeningPorts(process.pid)).not.toContain(port);
  });
});

describe("findInspector and collectGarbage against a real V8 inspector", () => {
  // A Node process holding 20 MB it can drop, with its inspector on a port of its own choosing (as workerd's is).
  const child = spawn(
    process.execPath,
    [
      "--inspect=127.0.0.1:0",
      "-e",
      'globalThis.keep = []; for (let i = 0; i < 200; i++) globalThis.keep.push(new Array(25_000).fill(i).map(String)); globalThis.keep = null; console.log("dropped"); setInterval(() => {}, 1000);',
    ],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  const dropped = new Promise<void>((resolve) =>
    child.stdout!.on("data", (d) => String(d).includes("dropped") && resolve()),
  );
  afterAll(() => {
    child.kill("SIGKILL");
  });

  it("finds the isolate by its listening ports and reports the heap after a full collection", async () => {
    let url: string | null = null;
    for (let i = 0; i < 100 && !url; i++) {
      await new Promise((r) => setTimeout(r, 100));
      url = await findInspector([child.pid!], (t) => t.type === "node");
    }
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
    expect(await findInspector([child.pid!], (t) => t.id === "no-such-target")).toBeNull();
    await dropped; // let go, not yet collected
    const after = await collectGarbage(url!);
    expect(after.usedBytes).toBeGreaterThan(0);
    expect(after.totalBytes).toBeGreaterThanOrEqual(after.usedBytes);
    // 200 arrays of 25,000 strings were let go: a full collection leaves far less than they took.
    expect(after.usedBytes).toBeLessThan(15 * 1024 * 1024);
  });

  it("collects every isolate its port lists, and names the port by the target it holds", async () => {
    await dropped;
    let found: { pid: number; port: number } | null = null;
    let id = "";
    for (let i = 0; i < 100 && !found; i++) {
      const url = await findInspector([child.pid!], (t) => t.type === "node");
      id = url ? url.slice(url.lastIndexOf("/") + 1) : "";
      found = id ? await findInspectorPort([child.pid!], (t) => t.id === id) : null;
      if (!found) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found?.pid).toBe(child.pid);
    expect(await findInspectorPort([child.pid!], (t) => t.id === "no-such-target")).toBeNull();
    const all = await collectGarbageEverywhere(found!.port, { workerTarget: id });
    expect(all.collected).toBe(1);
    expect(all.silent).toBe(0);
    expect(all.worker?.usedBytes).toBe(all.usedBytes);
    expect(all.usedBytes).toBeLessThan(15 * 1024 * 1024);
  });
});
