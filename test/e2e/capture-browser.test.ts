import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BoardServerMessage, type CaptureStatus } from "../../core/protocol/board.ts";
import { startDevServer, type DevServer } from "../../scripts/lib/dev-server.ts";
import { startNaverFixture, type NaverFixture } from "../../scripts/lib/naver-fixture/server.ts";
import { adminFetch } from "./browser.ts";
import { authedWebSocket } from "../../scripts/lib/authed-socket.ts";
import { BoardWatcher, createNaverBroadcast, deliveryState, waitFor } from "./capture-helpers.ts";

/**
 * The ChatCapture DO's browser kind through the real BROWSER binding: `wrangler dev` runs
 * Browser Rendering locally on /usr/bin/chromium (scripts/lib/browser-rendering-shim.ts). A
 * server of its own, so the test knows which Chromium is the capture's and can kill it.
 */
const TOTAL = 500;
const PORT = 8836;
const token = "e2e-capture-browser-token-0123456789";
const persistTo = mkdtempSync(path.join(tmpdir(), "liveq-capture-browser-"));
let server: DevServer;
let fixture: NaverFixture;

function startServer(): Promise<DevServer> {
  return startDevServer({ port: PORT, persistTo, quiet: process.env.CAPTURE_DEBUG !== "1", token });
}

beforeAll(async () => {
  fixture = await startNaverFixture({
    ratePerSec: 40,
    bursts: false,
    maxChats: TOTAL,
    seed: 11,
    noticeEverySec: 2,
    productChangeEverySec: 3,
  });
  server = await startServer();
});
afterAll(async () => {
  server?.stop();
  await fixture?.close();
});

/** Processes descended from `root` (from /proc), with their command lines. */
function descendants(root: number): { pid: number; cmdline: string }[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      parentOf.set(pid, Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const isBelow = (pid: number): boolean => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) if (p === root) return true;
    return false;
  };
  return [...parentOf.keys()].filter(isBelow).flatMap((pid) => {
    try {
      return [{ pid, cmdline: readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ") }];
    } catch {
      return [];
    }
  });
}

/** The Browser Rendering Chromium of our server: its main process (not a renderer or helper). */
function captureBrowserPids(): number[] {
  return descendants(server.child.pid!)
    .filter((p) => p.cmdline.includes("--remote-debugging-port=0") && !p.cmdline.includes("--type="))
    .map((p) => p.pid);
}

/** Capture status frames a board receives. */
function watchCaptureStatus(base: string, broadcastId: string): { states: CaptureStatus[]; close: () => void } {
  const url = new URL(`/api/broadcasts/${broadcastId}/board`, base);
  url.protocol = "ws:";
  const ws = authedWebSocket(url, token);
  const states: CaptureStatus[] = [];
  ws.addEventListener("open", () => ws.send(JSON.stringify({ type: "hello", lastSeq: 0 })));
  ws.addEventListener("message", (e) => {
    const message = BoardServerMessage.safeParse(JSON.parse(String(e.data)));
    if (message.success && message.data.type === "capture") states.push(message.data.status);
  });
  return { states, close: () => ws.close(1000, "done") };
}

describe("ChatCapture in Browser Rendering (local, real Chromium)", () => {
  it("captures the fixture page through the BROWSER binding, every chat once and in order, across a browser crash", {
    timeout: 240_000,
  }, async () => {
    const health = (await (
      await fetch(`${server.url}/api/health`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { backends: { capture: string } };
    expect(health.backends.capture).toBe("browser-rendering");

    const naverId = "3456789";
    const id = await createNaverBroadcast(server.url, token, naverId);
    const board = new BoardWatcher(server.url, token, id);
    await board.opened();
    const status = watchCaptureStatus(server.url, id);
    const res = await adminFetch(server.url, token, `/api/broadcasts/${id}/capture`, {
      kind: "browser",
      url: `${fixture.url}/lives/${naverId}?tr=lim`,
    });
    expect(res.status).toBe(202);
    const stream = fixture.broadcast(naverId).stream;

    await waitFor(() => board.chats.length >= 120, "the first captured chats on the board", 120_000);
    expect(status.states.some((s) => s.state === "capturing" && s.runner === "browser-rendering")).toBe(true);
    const pids = captureBrowserPids();
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) process.kill(pid, "SIGKILL");
    const atCrash = stream.history.length;

    await waitFor(
      () => status.states.some((s) => s.state === "reconnecting"),
      "the capture to report the lost browser",
    );
    await waitFor(() => stream.finished, "the fixture to send every chat", 120_000);
    await waitFor(
      () => board.chats.length >= TOTAL,
      `the board to show ${TOTAL} chats`,
      120_000,
      () =>
        deliveryState(board, stream.history, {
          atCrash,
          states: status.states.slice(-4),
          recentComments: fixture.hits.get("recent-comments") ?? 0,
        }),
    );
    // A moment for anything extra (a duplicate) to arrive before judging.
    await new Promise((r) => setTimeout(r, 1000));

    expect(board.chats.map((c) => c.commentNo)).toEqual(stream.history.map((c) => c.commentNo));
    expect(board.chats.map((c) => c.message)).toEqual(stream.history.map((c) => c.message));
    expect(stream.history.length).toBeGreaterThan(atCrash);
    // The chats sent while no browser watched came back through recent-comments.
    expect(fixture.hits.get("recent-comments") ?? 0).toBeGreaterThan(0);
    expect(status.states.map((s) => s.state).lastIndexOf("capturing")).toBeGreaterThan(
      status.states.map((s) => s.state).indexOf("reconnecting"),
    );

    const stopped = await fetch(`${server.url}/api/broadcasts/${id}/capture`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await stopped.json()) as { status: CaptureStatus }).status).toMatchObject({
      state: "stopped",
      chats: TOTAL,
    });
    await waitFor(() => captureBrowserPids().length === 0, "the browser session to close");
    board.close();
    status.close();
  });

  it("resumes from its stored state after the Worker restarts, repairing the gap from recent-comments", {
    timeout: 300_000,
  }, async () => {
    const naverId = "4567890";
    const id = await createNaverBroadcast(server.url, token, naverId);
    const before = new BoardWatcher(server.url, token, id);
    await before.opened();
    const res = await adminFetch(server.url, token, `/api/broadcasts/${id}/capture`, {
      kind: "browser",
      url: `${fixture.url}/lives/${naverId}`,
    });
    expect(res.status).toBe(202);
    const stream = fixture.broadcast(naverId).stream;
    await waitFor(() => before.chats.length >= 100, "the first captured chats on the board", 120_000);
    before.close();

    // workerd, the object in memory and its browser all go; only storage (and the alarm) stays.
    server.stop();
    await waitFor(() => captureBrowserPids().length === 0, "the old server's browser to go");
    const gapFrom = stream.history.length;
    server = await startServer();

    const after = new BoardWatcher(server.url, token, id);
    await after.opened();
    await waitFor(() => stream.finished, "the fixture to send every chat", 120_000);
    await waitFor(() => after.chats.length >= TOTAL, `the board to show ${TOTAL} chats after the restart`, 120_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(after.chats.map((c) => c.commentNo)).toEqual(stream.history.map((c) => c.commentNo));
    expect(stream.history.length).toBeGreaterThan(gapFrom);
    const stopped = await fetch(`${server.url}/api/broadcasts/${id}/capture`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await stopped.json()) as { status: CaptureStatus }).status.state).toBe("stopped");
    after.close();
  });
});
