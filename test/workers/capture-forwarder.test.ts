import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { IngestChat } from "../../core/protocol/ingest.ts";
import { HubForwarder } from "../../durable-objects/capture-forwarder.ts";
import { SqlSpill } from "../../durable-objects/capture-spill.ts";
import { api, chat as helperChat, createBroadcast, openSocket } from "./helpers.ts";

/** A chat as a capture forwards it (parsed: commentType filled in). */
function chat(commentNo: number): IngestChat {
  return { ...helperChat(commentNo), commentType: "CHATTING" };
}

/** The real hub's ingest RPC, behind a link that drops the first `failures` calls. */
function flakyHubLink(broadcastId: string, failures: number) {
  const calls: number[] = [];
  let left = failures;
  const send = async (chats: IngestChat[]) => {
    calls.push(chats.length);
    if (left-- > 0) throw new Error("network connection lost");
    return env.BROADCAST_HUB.getByName(broadcastId).ingest(broadcastId, { type: "chats", source: "test", chats });
  };
  return { send, calls };
}

describe("HubForwarder", () => {
  it("coalesces pushes into batches and lands them in order, once each, through failed sends", async () => {
    const { id } = await createBroadcast();
    const link = flakyHubLink(id, 2);
    const acked: number[] = [];
    const forwarder = new HubForwarder({
      send: link.send,
      onAcked: (b) => acked.push(b.lastCommentNo),
      coalesceMs: 10,
      maxBatch: 40,
    });
    for (let n = 1; n <= 100; n += 5) forwarder.push([1, 2, 3, 4, 5].map((i) => chat(n + i - 1)));
    expect(await forwarder.drain(30_000)).toBe(true);

    // 100 chats in batches of at most 40; the two failed sends were retried, not skipped.
    expect(link.calls.length).toBeLessThan(20);
    expect(Math.max(...link.calls)).toBeLessThanOrEqual(40);
    expect(acked.at(-1)).toBe(100);
    expect(acked).toEqual([...acked].sort((a, b) => a - b));

    const board = await openSocket(`/api/broadcasts/${id}/board`);
    board.send({ type: "hello", lastSeq: 0 });
    await board.until(() => board.chats().length >= 100, 10_000);
    expect(board.chats().map((c) => (c as unknown as { commentNo: number }).commentNo)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    board.close();
  });

  it("drops what is buffered once closed, so a stopped run sends nothing more", async () => {
    const { id } = await createBroadcast();
    const link = flakyHubLink(id, 0);
    const forwarder = new HubForwarder({ send: link.send, onAcked: () => {}, coalesceMs: 50 });
    forwarder.push([chat(1), chat(2)]);
    forwarder.close();
    forwarder.push([chat(3)]);
    expect(forwarder.backlog).toBe(0);
    expect(await forwarder.drain(200)).toBe(true);
    expect(link.calls).toEqual([]);
  });
});

describe("HubForwarder memory bound", () => {
  it("holds at most maxBuffered chats in memory while the hub is away, spills the rest, and loses none", async () => {
    const { id } = await createBroadcast();
    // The forwarder runs inside a real ChatCapture object, spilling to that object's SQLite.
    const capture = env.CHAT_CAPTURE.getByName(`spill-${id}`);
    const result = await runInDurableObject(capture, async (_instance, state) => {
      let hubAway = true;
      const sends: number[] = [];
      const forwarder = new HubForwarder({
        send: async (chats) => {
          sends.push(chats.length);
          if (hubAway) throw new Error("hub unreachable");
          return env.BROADCAST_HUB.getByName(id).ingest(id, { type: "chats", source: "test", chats });
        },
        onAcked: () => {},
        coalesceMs: 5,
        maxBatch: 100,
        maxBuffered: 200,
        spill: new SqlSpill(state.storage.sql),
      });
      let peak = 0;
      for (let n = 1; n <= 3000; n += 50) {
        forwarder.push(Array.from({ length: 50 }, (_, i) => chat(n + i)));
        peak = Math.max(peak, forwarder.buffered);
        await new Promise((r) => setTimeout(r, 2));
      }
      const whileAway = { buffered: forwarder.buffered, backlog: forwarder.backlog };
      hubAway = false;
      const drained = await forwarder.drain(25_000);
      const spilledLeft = state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM forward_spill").one().n;
      return { peak, whileAway, drained, spilledLeft, failedSends: sends.length };
    });
    expect(result.peak).toBeLessThanOrEqual(200);
    expect(result.whileAway).toEqual({ buffered: 200, backlog: 3000 });
    expect(result.drained).toBe(true);
    expect(result.spilledLeft).toBe(0);

    const exported = await (await api(`/api/broadcasts/${id}/chats.jsonl`)).text();
    const numbers = exported
      .trimEnd()
      .split("\n")
      .map((l) => (JSON.parse(l) as { commentNo: number }).commentNo);
    expect(numbers).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
  }, 40_000);

  it("drops what was spilled when the run stops, as it drops what is in memory", async () => {
    const capture = env.CHAT_CAPTURE.getByName(`spill-close-${crypto.randomUUID()}`);
    const left = await runInDurableObject(capture, async (_instance, state) => {
      const spill = new SqlSpill(state.storage.sql);
      const forwarder = new HubForwarder({
        send: () => new Promise(() => {}),
        onAcked: () => {},
        maxBuffered: 10,
        spill,
      });
      forwarder.push(Array.from({ length: 100 }, (_, i) => chat(i + 1)));
      const before = forwarder.backlog;
      forwarder.close();
      return { before, after: forwarder.backlog, stored: spill.size() };
    });
    expect(left).toEqual({ before: 100, after: 0, stored: 0 });
  });
});
