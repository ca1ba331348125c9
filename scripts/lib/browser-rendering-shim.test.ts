import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localChromium, wrapperScript } from "./browser-rendering-shim.ts";

const chromium = localChromium();
const dir = mkdtempSync(path.join(tmpdir(), "liveq-shim-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(predicate: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (predicate()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return predicate();
}

describe.skipIf(chromium === null)("the Browser Rendering wrapper", () => {
  it("runs the local Chromium while its launcher lives, and ends it once the launcher is killed hard", {
    timeout: 60_000,
  }, async () => {
    const wrapper = path.join(dir, "chrome");
    writeFileSync(wrapper, wrapperScript(chromium!));
    chmodSync(wrapper, 0o755);
    // The launcher stands in for miniflare: it starts the wrapper, says its pid, and waits.
    const args = `--headless=new --remote-debugging-port=0 --user-data-dir=${path.join(dir, "profile")} about:blank`;
    const launcher = spawn("sh", ["-c", `"${wrapper}" ${args} >/dev/null 2>&1 & echo $!; sleep 600`], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    const pid = await new Promise<number>((resolve) => launcher.stdout.once("data", (d) => resolve(Number(String(d)))));
    // Chromium took the wrapper's pid (exec) and runs while the launcher lives.
    await new Promise((r) => setTimeout(r, 1500));
    expect(alive(pid)).toBe(true);
    launcher.kill("SIGKILL");
    expect(await until(() => !alive(pid), 15_000)).toBe(true);
  });
});
