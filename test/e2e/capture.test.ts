import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startCaptureAgent, type CaptureAgent } from "../../scripts/capture.ts";
import { startNaverFixture, type NaverFixture } from "../../scripts/lib/naver-fixture/server.ts";
import { BoardWatcher, createNaverBroadcast, deliveryState, waitFor } from "./capture-helpers.ts";
import { chromiumPath } from "./browser.ts";

const base = inject("liveqUrl");
const token = inject("liveqToken");
const TOTAL = 600;

let fixture: NaverFixture;
let agent: CaptureAgent | null = null;

beforeAll(async () => {
  // Steady 60 chats/s (no bursts) so the crash lands mid-stream; the stream ends at TOTAL.
  fixture = await startNaverFixture({
    ratePerSec: 60,
    bursts: false,
    maxChats: TOTAL,
    seed: 7,
    noticeEverySec: 2,
    productChangeEverySec: 3,
  });
});
afterAll(async () => {
  await agent?.stop();
  await fixture?.close();
});

describe("Naver capture in real Chromium", () => {
  it("delivers every chat once, in order, across a browser crash", { timeout: 180_000 }, async () => {
    const naverId = "2345678";
    const id = await createNaverBroadcast(base, token, naverId);
    const board = new BoardWatcher(base, token, id);
    await board.opened();
    const logs: string[] = [];
    agent = await startCaptureAgent({
      url: `${fixture.url}/lives/${naverId}?tr=lim&fm=shoppinglive`,
      server: base,
      broadcast: id,
      token,
      apiBase: fixture.url,
      chromium: chromiumPath(),
      restartDelayMs: 1500,
      log: (line) => logs.push(line),
    });
    const stream = fixture.broadcast(naverId).stream;

    await waitFor(() => (agent!.stats()?.chats ?? 0) >= 150, "the first chats to be captured");
    const pid = agent.browserPid();
    expect(pid).not.toBeNull();
    process.kill(pid!, "SIGKILL");
    const atCrash = stream.history.length;

    await waitFor(() => stream.finished, "the fixture to send every chat");
    await waitFor(
      () => board.chats.length >= TOTAL,
      `the board to show ${TOTAL} chats`,
      90_000,
      () =>
        deliveryState(board, stream.history, {
          atCrash,
          agent: agent!.stats(),
          launches: agent!.launches(),
          logs: logs.slice(-8),
        }),
    );
    // A moment for anything extra (a duplicate) to arrive before judging.
    await new Promise((r) => setTimeout(r, 1000));
    board.close();

    const sent = stream.history.map((c) => c.commentNo);
    const shown = board.chats.map((c) => c.commentNo);
    expect(shown).toEqual(sent);
    expect(board.chats.map((c) => c.message)).toEqual(stream.history.map((c) => c.message));
    expect(new Set(board.chats.map((c) => c.seq)).size).toBe(TOTAL);
    expect(agent.launches()).toBe(2);
    // Chats sent while no browser was watching came back through recent-comments.
    expect(stream.history.length).toBeGreaterThan(atCrash);
    expect(agent.stats()?.repairedChats ?? 0).toBeGreaterThan(0);
    expect(fixture.hits.get("recent-comments") ?? 0).toBeGreaterThan(0);
    expect(logs.some((l) => l.startsWith("gap repair after"))).toBe(true);
  });
});
