import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CaptureStatus } from "../../core/protocol/board.ts";
import { api, createBroadcast, openSocket, type TestSocket } from "./helpers.ts";

/** Fast enough that every alarm tick (about a second) brings chats. */
const RATE = 6000;
const WAIT_MS = 20_000;

function startCapture(id: string, body: unknown, token?: string | null) {
  return api(`/api/broadcasts/${id}/capture`, {
    method: "POST",
    body: JSON.stringify(body),
    ...(token === undefined ? {} : { token }),
  });
}

async function liveBoard(id: string): Promise<TestSocket> {
  const board = await openSocket(`/api/broadcasts/${id}/board`);
  board.send({ type: "hello", lastSeq: 0 });
  return board;
}

function captureFrames(board: TestSocket): CaptureStatus[] {
  return board.messages.flatMap((m) => (m.type === "capture" ? [CaptureStatus.parse(m.status)] : []));
}

function commentNos(board: TestSocket): number[] {
  return board.chats().map((c) => (c as unknown as { commentNo: number }).commentNo);
}

/** 1…n: every commentNo once, none skipped. */
function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

async function stopAndSettle(id: string, board: TestSocket): Promise<CaptureStatus> {
  const res = await api(`/api/broadcasts/${id}/capture`, { method: "DELETE" });
  expect(res.status).toBe(200);
  const { status } = (await res.json()) as { status: CaptureStatus };
  // Everything the capture had acknowledged is on the board once the hub says it is stopped.
  await board.until(
    (ms) => ms.some((m) => m.type === "capture" && (m.status as CaptureStatus).state === "stopped"),
    WAIT_MS,
  );
  await board.until(() => board.chats().length >= status.chats, WAIT_MS);
  return status;
}

describe("capture routes", () => {
  it("refuses callers without the admin token", async () => {
    const { id, ingestToken } = await createBroadcast();
    expect((await startCapture(id, { kind: "replay" }, null)).status).toBe(401);
    expect((await startCapture(id, { kind: "replay" }, ingestToken)).status).toBe(401);
    expect((await api(`/api/broadcasts/${id}/capture`, { token: null })).status).toBe(401);
    expect((await api(`/api/broadcasts/${id}/capture`, { method: "DELETE", token: ingestToken })).status).toBe(401);
  });

  it("answers invalid requests with 400 and the one error shape", async () => {
    const { id } = await createBroadcast();
    for (const body of [
      { kind: "tv" },
      { kind: "replay", ratePerMin: 0 },
      { kind: "replay", ratePerMin: "fast" },
      { kind: "browser", url: "javascript:alert(1)" },
      {},
    ]) {
      const res = await startCapture(id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
    }
    // An ingest broadcast has no Naver page to default to; a page must be a viewer page.
    expect((await startCapture(id, { kind: "browser" })).status).toBe(400);
    expect((await startCapture(id, { kind: "browser", url: "https://example.com/not-a-live" })).status).toBe(400);
    expect((await startCapture("no-such-broadcast", { kind: "replay" })).status).toBe(404);
  });

  it("says Browser Rendering is unavailable where it is not bound, and health names the local agent", async () => {
    const { id } = await createBroadcast({
      source: "naver",
      naverUrl: "https://view.shoppinglive.naver.com/lives/1234567",
    });
    const res = await startCapture(id, { kind: "browser" });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("browser_unavailable");
    const health = (await (await api("/api/health")).json()) as { backends: { capture: string } };
    expect(health.backends.capture).toBe("local-agent");
  });

  it("reports idle for a broadcast that never captured", async () => {
    const { id } = await createBroadcast();
    const res = await api(`/api/broadcasts/${id}/capture`);
    expect(res.status).toBe(200);
    expect(CaptureStatus.parse(((await res.json()) as { status: unknown }).status)).toMatchObject({
      state: "idle",
      chats: 0,
    });
  });
});

describe("rehearsal (replay capture)", { timeout: 90_000 }, () => {
  it("feeds the board with corpus chats, reports status, and stops", async () => {
    const { id } = await createBroadcast({ source: "replay" });
    const board = await liveBoard(id);
    const started = await startCapture(id, { kind: "replay", ratePerMin: RATE });
    expect(started.status).toBe(202);
    expect(CaptureStatus.parse(((await started.json()) as { status: unknown }).status)).toMatchObject({
      state: "starting",
      runner: "replay",
    });

    await board.until(() => board.chats().length >= 50, WAIT_MS);
    await board.until(() => captureFrames(board).some((s) => s.state === "capturing"), WAIT_MS);
    const running = CaptureStatus.parse(
      ((await (await api(`/api/broadcasts/${id}/capture`)).json()) as { status: unknown }).status,
    );
    expect(running).toMatchObject({ state: "capturing", runner: "replay" });
    expect(running.chats).toBeGreaterThan(0);
    expect(running.lastChatAt).not.toBeNull();

    const stopped = await stopAndSettle(id, board);
    expect(stopped.state).toBe("stopped");
    expect(commentNos(board)).toEqual(range(stopped.chats));
    expect(
      board.chats().every((c) => c.message.length > 0 && ["general", "request", "question"].includes(c.intent)),
    ).toBe(true);
    expect(captureFrames(board).map((s) => s.state)).toContain("starting");
    // Stopped means no alarm left: nothing more will be generated.
    await runInDurableObject(env.CHAT_CAPTURE.getByName(id), async (_obj, state) => {
      expect(await state.storage.getAlarm()).toBeNull();
    });
    board.close();
  });

  it("resumes after eviction without repeating or skipping a commentNo, and continues them across restarts", async () => {
    const { id } = await createBroadcast({ source: "replay" });
    const board = await liveBoard(id);
    expect((await startCapture(id, { kind: "replay", ratePerMin: RATE })).status).toBe(202);
    await board.until(() => board.chats().length >= 30, WAIT_MS);

    await evictDurableObject(env.CHAT_CAPTURE.getByName(id));
    const atEviction = board.chats().length;
    // The stored alarm wakes the evicted object, which continues from its stored cursor.
    await board.until(() => board.chats().length >= atEviction + 100, WAIT_MS);
    const first = await stopAndSettle(id, board);
    expect(commentNos(board)).toEqual(range(board.chats().length));
    expect(first.chats).toBeGreaterThan(0);

    // A new run continues the numbering where the last acknowledged chat left it.
    const before = board.chats().length;
    expect((await startCapture(id, { kind: "replay", ratePerMin: RATE })).status).toBe(202);
    await board.until(() => board.chats().length >= before + 30, WAIT_MS);
    await stopAndSettle(id, board);
    expect(commentNos(board)).toEqual(range(board.chats().length));

    board.close();
    // The hub refused nothing as a duplicate: the resumed runs never re-sent a commentNo.
    const fresh = await liveBoard(id);
    const [stats] = (await fresh.until((ms) => ms.some((m) => m.type === "stats"), WAIT_MS)).filter(
      (m) => m.type === "stats",
    ) as unknown as { duplicates: number }[];
    expect(stats!.duplicates).toBe(0);
    fresh.close();
  });
});
