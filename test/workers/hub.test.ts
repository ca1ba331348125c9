import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BoardServerMessage } from "../../core/protocol/board.ts";
import { IngestAck } from "../../core/protocol/ingest.ts";
import { api, chat, createBroadcast, openSocket } from "./helpers.ts";

async function postChats(id: string, chats: unknown[], token?: string) {
  const res = await api(`/api/broadcasts/${id}/chats`, {
    method: "POST",
    body: JSON.stringify({ type: "chats", source: "test", chats }),
    ...(token ? { token } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function liveBoard(id: string, lastSeq = 0) {
  const board = await openSocket(`/api/broadcasts/${id}/board`);
  board.send({ type: "hello", lastSeq });
  await board.until((m) => m.some((x) => x.type === "stats"));
  return board;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("BroadcastHub ingest", () => {
  it("logs a batch, classifies it and acknowledges up to its last commentNo", async () => {
    const { id } = await createBroadcast();
    const { status, body } = await postChats(id, [
      chat(101, "사이즈 몇이에요?"),
      chat(102, "뒷모습 보여주세요"),
      chat(103, "와 예쁘다"),
    ]);
    expect(status).toBe(200);
    expect(IngestAck.parse(body)).toMatchObject({ upTo: 103, seq: 3, accepted: 3, duplicates: 0, malformed: 0 });

    const board = await liveBoard(id);
    const items = board.chats();
    expect(items.map((c) => c.message)).toEqual(["사이즈 몇이에요?", "뒷모습 보여주세요", "와 예쁘다"]);
    expect(items.map((c) => c.intent)).toEqual(["question", "request", "general"]);
    expect(items.map((c) => c.seq)).toEqual([1, 2, 3]);
  });

  it("stores each commentNo once, within a batch and across batches", async () => {
    const { id } = await createBroadcast();
    await postChats(id, [chat(1), chat(2), chat(2)]);
    const again = await postChats(id, [chat(1), chat(2), chat(3)]);
    expect(again.body).toMatchObject({ accepted: 1, duplicates: 2, seq: 3, upTo: 3 });
    const board = await liveBoard(id);
    expect(board.chats().map((c) => c.commentNo)).toEqual([1, 2, 3]);
  });

  it("counts and skips malformed chats without losing the rest of the batch", async () => {
    const { id } = await createBroadcast();
    const { body } = await postChats(id, [chat(1), { commentNo: "x" }, { commentNo: 2 }, chat(3), null]);
    expect(body).toMatchObject({ accepted: 2, malformed: 3 });
    const board = await liveBoard(id);
    expect(board.chats().map((c) => c.commentNo)).toEqual([1, 3]);
    const stats = board.messages.find((m) => m.type === "stats");
    expect(stats).toMatchObject({ malformed: 3 });
  });

  it("logs late chats and counts them", async () => {
    const { id } = await createBroadcast();
    const old = { ...chat(1), at: Date.now() - 5 * 60_000 };
    const fresh = { ...chat(2), at: Date.now() };
    expect((await postChats(id, [old, fresh])).body).toMatchObject({ accepted: 2 });
    const board = await liveBoard(id);
    expect(board.chats().map((c) => c.commentNo)).toEqual([1, 2]);
    expect(board.messages.find((m) => m.type === "stats")).toMatchObject({ late: 1 });
  });

  it("acknowledges only after the batch is in the hub's log", async () => {
    const { id } = await createBroadcast();
    const { body } = await postChats(id, [chat(7), chat(8)]);
    expect(body).toMatchObject({ seq: 2 });
    const rows = await runInDurableObject(env.BROADCAST_HUB.getByName(id), (_hub, state) =>
      state.storage.sql.exec<{ comment_no: number }>("SELECT comment_no FROM chats ORDER BY seq").toArray(),
    );
    expect(rows.map((r) => r.comment_no)).toEqual([7, 8]);
  });

  it("lets an ingest token feed only its own broadcast", async () => {
    const a = await createBroadcast();
    const b = await createBroadcast();
    expect((await postChats(a.id, [chat(1)], a.ingestToken)).status).toBe(200);
    expect((await postChats(b.id, [chat(1)], a.ingestToken)).status).toBe(401);
  });

  it("answers a bad batch envelope with an error and keeps serving", async () => {
    const { id } = await createBroadcast();
    const res = await api(`/api/broadcasts/${id}/chats`, { method: "POST", body: JSON.stringify({ type: "nope" }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "invalid_batch" } });
    const notJson = await api(`/api/broadcasts/${id}/chats`, { method: "POST", body: "{oops" });
    expect(notJson.status).toBe(400);
    expect((await postChats(id, [chat(1)])).status).toBe(200);
  });
});

describe("BroadcastHub sockets", () => {
  it("takes batches over the ingest socket and streams them to live boards", async () => {
    const { id, ingestToken } = await createBroadcast();
    const board = await liveBoard(id);
    const ingest = await openSocket(`/api/broadcasts/${id}/ingest`, ingestToken);
    ingest.send({ type: "chats", source: "agent", batchId: "b1", chats: [chat(10), chat(11)] });
    ingest.send({ type: "chats", source: "agent", batchId: "b2", chats: [chat(12)] });
    const acks = await ingest.until((m) => m.length === 2);
    expect(acks).toMatchObject([
      { type: "ack", batchId: "b1", upTo: 11, seq: 2 },
      { type: "ack", batchId: "b2", upTo: 12, seq: 3 },
    ]);
    await board.until(() => board.chats().length === 3);
    expect(board.chats().map((c) => c.commentNo)).toEqual([10, 11, 12]);
    for (const m of board.messages) expect(BoardServerMessage.safeParse(m).success, JSON.stringify(m)).toBe(true);
  });

  it("refuses sockets without the right token", async () => {
    const { id, ingestToken } = await createBroadcast();
    await expect(openSocket(`/api/broadcasts/${id}/board`, null)).rejects.toThrow(/401/);
    await expect(openSocket(`/api/broadcasts/${id}/board`, ingestToken)).rejects.toThrow(/401/);
    await expect(openSocket(`/api/broadcasts/${id}/ingest`, "nope")).rejects.toThrow(/401/);
    await expect(openSocket(`/api/broadcasts/b-missing0/board`)).rejects.toThrow(/404/);
  });

  it("replays only the chats after lastSeq when a board reconnects", async () => {
    const { id } = await createBroadcast();
    await postChats(
      id,
      range(1, 5).map((n) => chat(n)),
    );
    const first = await liveBoard(id);
    const lastSeq = Math.max(...first.chats().map((c) => c.seq));
    first.close();
    await postChats(
      id,
      range(6, 9).map((n) => chat(n)),
    );
    const second = await liveBoard(id, lastSeq);
    expect(second.chats().map((c) => c.commentNo)).toEqual([6, 7, 8, 9]);
  });

  it("pages a backlog larger than one replay and the board ends with every chat once", async () => {
    const { id } = await createBroadcast();
    for (let start = 1; start <= 12_000; start += 1000)
      await postChats(
        id,
        range(start, start + 999).map((n) => chat(n)),
      );
    const board = await openSocket(`/api/broadcasts/${id}/board`);
    board.send({ type: "hello", lastSeq: 0 });
    let resyncs = 0;
    await board.until((messages) => {
      const last = messages.at(-1);
      if (last?.type === "resync" && messages.filter((m) => m.type === "resync").length > resyncs) {
        resyncs++;
        board.send({ type: "hello", lastSeq: (last.fromSeq as number) - 1 });
      }
      return last?.type === "stats";
    }, 10_000);
    expect(resyncs).toBe(2);
    const seqs = board.chats().map((c) => c.seq);
    expect(seqs).toEqual(range(1, 12_000));
  });

  it("answers invalid board messages with an error frame and stays up", async () => {
    const { id } = await createBroadcast();
    const board = await liveBoard(id);
    board.send("not json");
    board.send({ type: "hello", lastSeq: -4 });
    board.send({ type: "launch-missiles" });
    await board.until((m) => m.filter((x) => x.type === "error").length === 3);
    board.send({ type: "ping" });
    await board.until((m) => m.some((x) => x.type === "pong"));
  });

  it("keeps hibernated boards live across eviction, missing and repeating nothing", async () => {
    const { id } = await createBroadcast();
    await postChats(
      id,
      range(1, 50).map((n) => chat(n)),
    );
    const board = await liveBoard(id);
    await evictDurableObject(env.BROADCAST_HUB.getByName(id), { webSockets: "hibernate" });
    await postChats(
      id,
      range(51, 80).map((n) => chat(n)),
    );
    await board.until(() => board.chats().length >= 80);
    expect(board.chats().map((c) => c.commentNo)).toEqual(range(1, 80));
  });

  it("lets boards whose sockets were closed by eviction resume from lastSeq", async () => {
    const { id } = await createBroadcast();
    await postChats(
      id,
      range(1, 50).map((n) => chat(n)),
    );
    const board = await liveBoard(id);
    await evictDurableObject(env.BROADCAST_HUB.getByName(id), { webSockets: "close" });
    await postChats(
      id,
      range(51, 80).map((n) => chat(n)),
    );
    const lastSeq = Math.max(...board.chats().map((c) => c.seq));
    const again = await liveBoard(id, lastSeq);
    const seen = [...board.chats(), ...again.chats()].map((c) => c.commentNo);
    expect(seen).toEqual(range(1, 80));
  });
});

describe("BroadcastHub alarm", () => {
  it("mirrors the chat count and live status to D1, idempotently", async () => {
    const { id } = await createBroadcast();
    await postChats(
      id,
      range(1, 25).map((n) => chat(n)),
    );
    const stub = env.BROADCAST_HUB.getByName(id);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const after = (await (await api(`/api/broadcasts/${id}`)).json()) as { chatCount: number; status: string };
    expect(after).toMatchObject({ chatCount: 25, status: "live" });
    // Running it again changes nothing.
    await runInDurableObject(stub, (hub) => hub.alarm());
    expect(await (await api(`/api/broadcasts/${id}`)).json()).toMatchObject({ chatCount: 25 });
  });
});

describe("chat log export", () => {
  it("streams every chat as CSV and JSON lines, in seq order", async () => {
    const { id } = await createBroadcast();
    for (let start = 1; start <= 4500; start += 900)
      await postChats(
        id,
        range(start, start + 899).map((n) => chat(n)),
      );
    await postChats(id, [chat(5000, '=cmd|"/c calc"!A1, 진짜요?')]);

    const csv = await api(`/api/broadcasts/${id}/chats.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trimEnd().split("\n");
    expect(lines[0]).toBe("seq,commentNo,at,nickname,message,intent,confidence");
    expect(lines).toHaveLength(4502);
    expect(lines[4501]).toContain(`"'=cmd|""/c calc""!A1, 진짜요?"`);

    const jsonl = await (await api(`/api/broadcasts/${id}/chats.jsonl`)).text();
    const rows = jsonl
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { seq: number; commentNo: number });
    expect(rows.map((r) => r.seq)).toEqual(range(1, 4501));
    expect(rows.at(-1)?.commentNo).toBe(5000);
  });

  it("needs the admin token", async () => {
    const { id, ingestToken } = await createBroadcast();
    expect((await api(`/api/broadcasts/${id}/chats.csv`, { token: ingestToken })).status).toBe(401);
  });
});

describe("capture status", () => {
  it("relays the capture's state to live boards and to boards that join later", async () => {
    const { id } = await createBroadcast();
    const board = await liveBoard(id);
    const hub = env.BROADCAST_HUB.getByName(id);
    const status = {
      state: "capturing",
      chats: 12,
      lastChatAt: 1_760_000_000_000,
      runner: "local-agent",
      at: Date.now(),
    };
    expect(await hub.reportCapture(id, status)).toBe(true);
    await board.until((m) => m.some((x) => x.type === "capture"));
    expect(board.messages.find((m) => m.type === "capture")).toEqual({ type: "capture", status });
    expect(await hub.reportCapture(id, { state: "on fire" })).toBe(false);
    const later = await liveBoard(id);
    await later.until((m) => m.some((x) => x.type === "capture"));
  });
});
