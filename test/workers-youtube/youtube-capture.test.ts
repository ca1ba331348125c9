import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { msUntilQuotaReset, quotaDay } from "../../core/youtube/quota.ts";
import { api, openSocket } from "../workers/helpers.ts";
import {
  addFaults,
  addMessages,
  capturedBroadcast,
  captureFrames,
  captureStatus,
  chatLog,
  endChat,
  liveVideo,
  texts,
  tuneChat,
  visibleChats,
  waitFor,
  WAIT_MS,
} from "./youtube-helpers.ts";

describe("YouTube capture", () => {
  it("finds the live chat from a video URL and brings its chats to boards unchanged, Super Chats with their amount", async () => {
    const { videoId, liveChatId } = await liveVideo();
    await addMessages(liveChatId, [
      { id: "a1", text: "사이즈 몇이에요? <b>굵게</b>", author: "민지" },
      { id: "a2", type: "newSponsorEvent", author: "후원자" },
      { id: "a3", type: "superChatEvent", text: "배송 언제 와요?", author: "큰손", amount: "₩10,000" },
      { id: "a4", text: "감사합니다", author: "민지" },
    ]);
    const { id, board } = await capturedBroadcast(`https://www.youtube.com/watch?v=${videoId}&feature=share`);
    await board.until(() => board.chats().length >= 3, WAIT_MS);
    const chats = board.chats() as unknown as {
      message: string;
      nickname: string;
      badge?: string;
      commentNo: number;
    }[];
    expect(chats.map((c) => [c.message, c.nickname, c.badge])).toEqual([
      ["사이즈 몇이에요? <b>굵게</b>", "민지", undefined],
      ["배송 언제 와요?", "큰손", "₩10,000"],
      ["감사합니다", "민지", undefined],
    ]);
    expect(new Set(chats.map((c) => c.commentNo)).size).toBe(3);
    await board.until(() => captureFrames(board).some((s) => s.state === "capturing"), WAIT_MS);
    const status = await captureStatus(id);
    expect(status).toMatchObject({ state: "capturing", runner: "youtube-api", chats: 3 });
    // videos.list (1) and at least one list call (5 each).
    expect(status.quota!.units).toBeGreaterThanOrEqual(6);
    expect(status.quota).toMatchObject({ limit: 10_000, warning: false });
    const broadcast = (await (await api(`/api/broadcasts/${id}`)).json()) as { source: string; youtubeVideoId: string };
    expect(broadcast).toMatchObject({ source: "youtube", youtubeVideoId: videoId });
    // The API key went in a header, never in a URL.
    expect((await chatLog(liveChatId)).keyInUrl).toBe(0);
    board.close();
  });

  it("follows nextPageToken page by page and polls no sooner than pollingIntervalMillis", async () => {
    const { videoId, liveChatId } = await liveVideo({ pageSize: 2, pollingIntervalMillis: 400 });
    await addMessages(liveChatId, texts(5, "p"));
    const { board } = await capturedBroadcast(videoId);
    await board.until(() => board.chats().length >= 5, WAIT_MS);
    expect(board.chats().map((c) => c.message)).toEqual(texts(5, "p").map((m) => m.text));
    await waitFor(async () => (await chatLog(liveChatId)).listCalls.length >= 5);
    const calls = (await chatLog(liveChatId)).listCalls;
    expect(calls.slice(0, 4).map((c) => c.pageToken)).toEqual([null, "pos-2", "pos-4", "pos-5"]);
    const gaps = calls.slice(1).map((c, i) => c.at - calls[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(380);
    // A longer interval from the API is honoured from the next page on.
    await tuneChat(liveChatId, { pollingIntervalMillis: 1500 });
    const before = (await chatLog(liveChatId)).listCalls.length;
    await waitFor(async () => (await chatLog(liveChatId)).listCalls.length >= before + 3);
    const later = (await chatLog(liveChatId)).listCalls.slice(before);
    expect(Math.min(...later.slice(1).map((c, i) => c.at - later[i]!.at))).toBeGreaterThanOrEqual(1450);
    board.close();
  });

  it("resumes after eviction from its stored page token: no chat twice, none skipped", async () => {
    const { videoId, liveChatId } = await liveVideo({ pollingIntervalMillis: 200 });
    await addMessages(liveChatId, texts(3, "before"));
    const { id, board } = await capturedBroadcast(videoId);
    await board.until(() => board.chats().length >= 3, WAIT_MS);
    const token = await runInDurableObject(
      env.CHAT_CAPTURE.getByName(id),
      (_o, state) => (state.storage.kv.get("youtube") as { pageToken: string }).pageToken,
    );
    expect(token).toBe("pos-3");
    await evictDurableObject(env.CHAT_CAPTURE.getByName(id));
    const callsAtEviction = (await chatLog(liveChatId)).listCalls.length;
    await addMessages(liveChatId, texts(3, "after"));
    await board.until(() => board.chats().length >= 6, WAIT_MS);
    await new Promise((r) => setTimeout(r, 800));
    expect(board.chats().map((c) => c.message)).toEqual(
      [...texts(3, "before"), ...texts(3, "after")].map((m) => m.text),
    );
    // The evicted object went on from its stored token, not from the chat's start.
    const resumed = (await chatLog(liveChatId)).listCalls.slice(callsAtEviction);
    expect(resumed.every((c) => c.pageToken !== null)).toBe(true);
    board.close();
  });

  it("drops a chat it already has by YouTube's id when a page is read again", async () => {
    const { videoId } = await liveVideo();
    const { id, board } = await capturedBroadcast(videoId);
    const hub = env.BROADCAST_HUB.getByName(id);
    const chat = { commentNo: 0, sourceId: "dup-1", nickname: "a", message: "또 보내요", at: Date.now() };
    const first = await hub.ingest(id, {
      type: "chats",
      source: "youtube",
      chats: [chat, { ...chat, sourceId: "dup-2", message: "두번째" }],
    });
    const again = await hub.ingest(id, {
      type: "chats",
      source: "youtube",
      chats: [chat, chat, { ...chat, sourceId: "dup-3", message: "세번째" }],
    });
    expect(first).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(again).toMatchObject({ accepted: 1, duplicates: 2 });
    await board.until(() => board.chats().length >= 3);
    expect(board.chats().map((c) => c.message)).toEqual(["또 보내요", "두번째", "세번째"]);
    board.close();
  });

  it("hides a chat YouTube deleted on live boards and in replays", async () => {
    const { videoId, liveChatId } = await liveVideo({ pollingIntervalMillis: 100 });
    await addMessages(liveChatId, [
      { id: "h1", text: "나쁜 말" },
      { id: "h2", text: "좋은 말" },
    ]);
    const { id, board } = await capturedBroadcast(videoId);
    await board.until(() => board.chats().length >= 2, WAIT_MS);
    const bad = board.chats().find((c) => c.message === "나쁜 말")!;
    await addMessages(liveChatId, [{ id: "h3", type: "messageDeletedEvent", deletedId: "h1" }]);
    await board.until((ms) => ms.some((m) => m.type === "chats-hidden"), WAIT_MS);
    expect(board.messages.find((m) => m.type === "chats-hidden")).toMatchObject({ commentNos: [bad.commentNo] });
    const late = await openSocket(`/api/broadcasts/${id}/board`);
    late.send({ type: "hello", lastSeq: 0 });
    await late.until(() => late.chats().length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(late.chats().map((c) => c.message)).toEqual(["좋은 말"]);
    expect(visibleChats(board).map((c) => c.message)).toEqual(["좋은 말"]);
    board.close();
    late.close();
  });

  it("ends cleanly at offlineAt: capture stopped, broadcast ended", async () => {
    const { videoId, liveChatId } = await liveVideo({ pollingIntervalMillis: 100 });
    await addMessages(liveChatId, texts(2, "end"));
    const { id, board } = await capturedBroadcast(videoId);
    await board.until(() => board.chats().length >= 2, WAIT_MS);
    await addMessages(liveChatId, texts(1, "마지막"));
    await endChat(liveChatId);
    await board.until(() => captureFrames(board).some((s) => s.state === "stopped"), WAIT_MS);
    await board.until(() => board.chats().length >= 3, WAIT_MS);
    expect(board.chats().map((c) => c.message)).toEqual([...texts(2, "end"), ...texts(1, "마지막")].map((m) => m.text));
    expect(captureFrames(board).at(-1)!.message).toMatch(/ended/);
    await waitFor(
      async () => ((await (await api(`/api/broadcasts/${id}`)).json()) as { status: string }).status === "ended",
    );
    const calls = (await chatLog(liveChatId)).listCalls.length;
    await new Promise((r) => setTimeout(r, 600));
    expect((await chatLog(liveChatId)).listCalls.length).toBe(calls);
    board.close();
  });

  it("ends cleanly on liveChatEnded and liveChatNotFound", async () => {
    for (const [status, reason] of [
      [403, "liveChatEnded"],
      [404, "liveChatNotFound"],
    ] as const) {
      const { videoId, liveChatId } = await liveVideo({ pollingIntervalMillis: 100 });
      await addMessages(liveChatId, texts(1, reason));
      const { id, board } = await capturedBroadcast(videoId);
      await board.until(() => board.chats().length >= 1, WAIT_MS);
      await addFaults([{ op: "list", status, reason, target: liveChatId }]);
      await board.until(() => captureFrames(board).some((s) => s.state === "stopped"), WAIT_MS);
      expect((await captureStatus(id)).message).toContain(reason);
      board.close();
    }
  });

  it("backs off with growing waits on rateLimitExceeded and 5xx, then goes on with nothing lost", async () => {
    const { videoId, liveChatId } = await liveVideo({ pollingIntervalMillis: 50 });
    await addMessages(liveChatId, texts(1, "r"));
    const { id, board } = await capturedBroadcast(videoId);
    await board.until(() => board.chats().length >= 1, WAIT_MS);
    await addFaults([
      { op: "list", status: 403, reason: "rateLimitExceeded", target: liveChatId },
      { op: "list", status: 500, reason: "backendError", target: liveChatId },
      { op: "list", status: 503, reason: "backendError", target: liveChatId },
    ]);
    await addMessages(liveChatId, texts(2, "after-faults"));
    await board.until(() => board.chats().length >= 3, WAIT_MS);
    await board.until(() => captureFrames(board).some((s) => s.state === "reconnecting"), WAIT_MS);
    const calls = (await chatLog(liveChatId)).listCalls;
    const firstFault = calls.findIndex((c) => c.status !== 200);
    expect(calls.slice(firstFault, firstFault + 4).map((c) => c.status)).toEqual([403, 500, 503, 200]);
    const waits = [1, 2, 3].map((k) => calls[firstFault + k]!.at - calls[firstFault + k - 1]!.at);
    expect(waits[0]).toBeGreaterThanOrEqual(950);
    expect(waits[1]).toBeGreaterThanOrEqual(1950);
    expect(waits[2]).toBeGreaterThanOrEqual(3950);
    expect(board.chats().map((c) => c.message)).toEqual(
      [...texts(1, "r"), ...texts(2, "after-faults")].map((m) => m.text),
    );
    await waitFor(async () => (await captureStatus(id)).state === "capturing");
    board.close();
  });

  it("on a refused page token reads from the chat's present again, repeating no chat", async () => {
    const { videoId, liveChatId } = await liveVideo({ pollingIntervalMillis: 100 });
    await addMessages(liveChatId, texts(2, "t"));
    const { board } = await capturedBroadcast(videoId);
    await board.until(() => board.chats().length >= 2, WAIT_MS);
    await addFaults([{ op: "list", status: 400, reason: "pageTokenInvalid", target: liveChatId }]);
    await waitFor(async () => (await chatLog(liveChatId)).listCalls.some((c) => c.status === 400));
    await addMessages(liveChatId, texts(1, "new"));
    await board.until(() => board.chats().length >= 3, WAIT_MS);
    const calls = (await chatLog(liveChatId)).listCalls;
    const refused = calls.findIndex((c) => c.status === 400);
    expect(calls[refused + 1]!.pageToken).toBeNull();
    await new Promise((r) => setTimeout(r, 500));
    expect(board.chats().map((c) => c.message)).toEqual([...texts(2, "t"), ...texts(1, "new")].map((m) => m.text));
    board.close();
  });

  it("waits for the quota reset on quotaExceeded, saying so", async () => {
    const { videoId, liveChatId } = await liveVideo({ pollingIntervalMillis: 100 });
    const { id, board } = await capturedBroadcast(videoId);
    await waitFor(async () => (await chatLog(liveChatId)).listCalls.length >= 1);
    await addFaults([{ op: "list", status: 403, reason: "quotaExceeded", target: liveChatId }]);
    await board.until(
      () => captureFrames(board).some((s) => s.state === "reconnecting" && /quota/.test(s.message ?? "")),
      WAIT_MS,
    );
    const pollAt = await runInDurableObject(
      env.CHAT_CAPTURE.getByName(id),
      (_o, state) => (state.storage.kv.get("youtube") as { pollAt: number }).pollAt,
    );
    expect(pollAt - Date.now()).toBeGreaterThan(msUntilQuotaReset(Date.now()) - 60_000);
    board.close();
    await api(`/api/broadcasts/${id}/capture`, { method: "DELETE" });
  });

  it("warns at 80% of the daily quota and slows down rather than stopping", async () => {
    const { videoId, liveChatId } = await liveVideo({ pollingIntervalMillis: 50 });
    const { id, board } = await capturedBroadcast(videoId);
    await waitFor(async () => (await chatLog(liveChatId)).listCalls.length >= 1);
    const stub = env.CHAT_CAPTURE.getByName(id);
    // Stopped while the day's spend is set (a running poll would write its own copy back), then started again.
    await api(`/api/broadcasts/${id}/capture`, { method: "DELETE" });
    // A poll still in flight when the stop came writes its record once more.
    await new Promise((r) => setTimeout(r, 500));
    await runInDurableObject(stub, (_o, state) => {
      const record = state.storage.kv.get("youtube") as Record<string, unknown>;
      state.storage.kv.put("youtube", { ...record, ledger: { day: quotaDay(Date.now()), units: 8000 } });
    });
    const before = (await chatLog(liveChatId)).listCalls.length;
    expect(
      (await api(`/api/broadcasts/${id}/capture`, { method: "POST", body: JSON.stringify({ kind: "youtube" }) }))
        .status,
    ).toBe(202);
    await board.until(
      () => captureFrames(board).some((s) => s.state === "capturing" && s.quota?.warning === true),
      WAIT_MS,
    );
    const status = await captureStatus(id);
    expect(status.state).toBe("capturing");
    expect(status.message).toMatch(/quota past 80%/);
    expect(status.quota!.units).toBeGreaterThanOrEqual(8005);
    // 2,000 units left spread until midnight Pacific: far slower than the 50 ms the API asks,
    // except in the last minutes before the reset, when the spread itself is short.
    const spread = msUntilQuotaReset(Date.now()) / Math.floor((10_000 - status.quota!.units) / 5);
    const after = (await chatLog(liveChatId)).listCalls.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect((await chatLog(liveChatId)).listCalls.length - after).toBeLessThanOrEqual(Math.floor(1500 / spread));
    if (spread > 1500) expect(after - before).toBeLessThanOrEqual(2);
    const pollAt = await runInDurableObject(
      stub,
      (_o, state) => (state.storage.kv.get("youtube") as { pollAt: number }).pollAt,
    );
    expect(pollAt - Date.now()).toBeGreaterThan(Math.min(spread, 60_000) * 0.5 - 500);
    board.close();
    await api(`/api/broadcasts/${id}/capture`, { method: "DELETE" });
  });

  it("stops polling when the capture is stopped, and starts again from the stored token", async () => {
    const { videoId, liveChatId } = await liveVideo({ pollingIntervalMillis: 100 });
    await addMessages(liveChatId, texts(2, "s"));
    const { id, board } = await capturedBroadcast(videoId);
    await board.until(() => board.chats().length >= 2, WAIT_MS);
    expect((await api(`/api/broadcasts/${id}/capture`, { method: "DELETE" })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const calls = (await chatLog(liveChatId)).listCalls.length;
    await new Promise((r) => setTimeout(r, 700));
    expect((await chatLog(liveChatId)).listCalls.length).toBe(calls);
    await addMessages(liveChatId, texts(1, "again"));
    expect(
      (await api(`/api/broadcasts/${id}/capture`, { method: "POST", body: JSON.stringify({ kind: "youtube" }) }))
        .status,
    ).toBe(202);
    await board.until(() => board.chats().length >= 3, WAIT_MS);
    expect(board.chats().map((c) => c.message)).toEqual([...texts(2, "s"), ...texts(1, "again")].map((m) => m.text));
    board.close();
  });

  it("switches to another video given in the start request, from that chat's beginning", async () => {
    const first = await liveVideo({ pollingIntervalMillis: 100 });
    const second = await liveVideo({ pollingIntervalMillis: 100 });
    await addMessages(first.liveChatId, texts(2, "first"));
    await addMessages(second.liveChatId, texts(2, "second"));
    const { id, board } = await capturedBroadcast(first.videoId);
    await board.until(() => board.chats().length >= 2, WAIT_MS);
    const res = await api(`/api/broadcasts/${id}/capture`, {
      method: "POST",
      body: JSON.stringify({ kind: "youtube", video: `https://www.youtube.com/watch?v=${second.videoId}` }),
    });
    expect(res.status).toBe(202);
    await board.until(() => board.chats().length >= 4, WAIT_MS);
    expect(board.chats().map((c) => c.message)).toEqual(
      [...texts(2, "first"), ...texts(2, "second")].map((m) => m.text),
    );
    expect(
      (
        await api(`/api/broadcasts/${id}/capture`, {
          method: "POST",
          body: JSON.stringify({ kind: "youtube", video: "https://example.com/x" }),
        })
      ).status,
    ).toBe(400);
    board.close();
    await api(`/api/broadcasts/${id}/capture`, { method: "DELETE" });
  });
});
