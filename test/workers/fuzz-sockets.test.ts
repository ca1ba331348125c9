import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BoardClientMessage } from "../../core/protocol/board.ts";
import { LIMITS } from "../../core/protocol/limits.ts";
import { VIEWER_PING, ViewerClientMessage } from "../../core/protocol/viewer.ts";
import { bodyFor, RUNS } from "./fuzz-helpers.ts";
import { api, chat, createBroadcast, openSocket, type TestSocket } from "./helpers.ts";
import { clientOnShard, publish, viewer } from "./viewer-helpers.ts";

/** A socket frame: fuzzed JSON text (or not JSON), sometimes binary, rarely over the size limit. */
function frame(example: Record<string, unknown>): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    { weight: 12, arbitrary: bodyFor(example) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    {
      weight: 1,
      arbitrary: fc.constant(JSON.stringify({ ...example, pad: "x".repeat(LIMITS.maxSocketMessageBytes) })),
    },
  );
}

function sendFrame(socket: TestSocket, data: string | Uint8Array): void {
  socket.ws.send(data);
}

/** The JSON a frame decodes to, or undefined (binary, not JSON, too large): what the hub would see. */
function decoded(data: string | Uint8Array): unknown {
  if (typeof data !== "string" || data.length > LIMITS.maxSocketMessageBytes) return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

async function hubCounters(id: string): Promise<Record<string, number>> {
  return runInDurableObject(env.BROADCAST_HUB.getByName(id), (_hub, state) =>
    Object.fromEntries(
      state.storage.sql
        .exec<{ name: string; value: number }>("SELECT name, value FROM counters")
        .toArray()
        .map((r) => [r.name, r.value]),
    ),
  );
}

/** The broadcast still takes chats over a fresh ingest socket and a fresh board shows them. */
async function stillTakesChats(id: string, ingestToken: string): Promise<void> {
  const ingest = await openSocket(`/api/broadcasts/${id}/ingest`, ingestToken);
  ingest.send({ type: "chats", chats: [chat(2_000_000_001, "퍼징 후에도 되나요?")] });
  await ingest.until((m) => m.some((x) => x.type === "ack" && x.accepted === 1));
  const board = await openSocket(`/api/broadcasts/${id}/board`);
  board.send({ type: "hello", lastSeq: 0 });
  await board.until(() => board.chats().some((c) => c.commentNo === 2_000_000_001), 10_000);
}

describe("socket fuzzing", { timeout: 60_000 }, () => {
  it("ingest socket: one answer per frame, malformed and accepted counted exactly, the socket and the hub stay up", async () => {
    const { id, ingestToken } = await createBroadcast();
    const ingest = await openSocket(`/api/broadcasts/${id}/ingest`, ingestToken);
    const example = { type: "chats", source: "fuzz", batchId: 1, chats: [chat(1), chat(2), chat(3)] };
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(frame(example), async (data) => {
        sendFrame(ingest, data);
        sent++;
        await ingest.until((m) => m.length === sent);
        expect(["ack", "error"]).toContain(ingest.messages[sent - 1]!.type);
      }),
      { numRuns: RUNS * 4 },
    );
    const acks = ingest.messages.filter((m) => m.type === "ack") as unknown as {
      malformed: number;
      accepted: number;
      seq: number;
    }[];
    const errors = ingest.messages.filter((m) => m.type === "error").length;
    const counters = await hubCounters(id);
    expect(counters.malformed ?? 0).toBe(acks.reduce((n, a) => n + a.malformed, 0) + errors);
    const accepted = acks.reduce((n, a) => n + a.accepted, 0);
    expect((counters.general ?? 0) + (counters.request ?? 0) + (counters.question ?? 0)).toBe(accepted);
    expect(ingest.ws.readyState).toBe(WebSocket.OPEN);
    await stillTakesChats(id, ingestToken);
  });

  it("board socket: invalid frames get an error and are counted, valid ones act, the socket and the hub stay up", async () => {
    const { id, ingestToken } = await createBroadcast();
    await api(`/api/broadcasts/${id}/chats`, {
      method: "POST",
      body: JSON.stringify({ type: "chats", chats: [chat(1, "사이즈 몇이에요?"), chat(2, "사이즈 몇이에요?")] }),
    });
    const board = await openSocket(`/api/broadcasts/${id}/board`);
    const examples = [
      { type: "hello", lastSeq: 0 },
      { type: "ping" },
      { type: "cluster-status", id: "q-1", status: "answered" },
      { type: "claim", clusterId: "q-1", manager: "민지" },
    ];
    let pongs = 0;
    let invalid = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...examples).chain(frame), async (data) => {
        const parsed = BoardClientMessage.safeParse(decoded(data));
        if (!parsed.success) invalid++;
        if (parsed.success && parsed.data.type === "ping") pongs++;
        sendFrame(board, data);
        // A ping after each frame: its pong says the frame was handled (messages run in order).
        board.send({ type: "ping" });
        pongs++;
        await board.until((m) => m.filter((x) => x.type === "pong").length === pongs);
      }),
      { numRuns: RUNS * 4 },
    );
    const refusals = board.messages.filter(
      (m) => m.type === "error" && (m.code === "invalid_json" || m.code === "invalid_message"),
    ).length;
    expect(refusals).toBe(invalid);
    expect((await hubCounters(id)).malformed ?? 0).toBe(invalid);
    expect(board.ws.readyState).toBe(WebSocket.OPEN);
    await stillTakesChats(id, ingestToken);
  });

  it("viewer socket: only the keep-alive is answered, everything else is refused and counted, and publishing still reaches viewers", async () => {
    const { id } = await createBroadcast();
    const client = clientOnShard(0, "fuzz");
    let refused = 0;
    let address = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(frame({ type: "ping" }), fc.constant(VIEWER_PING)), async (data) => {
        // A fresh address per frame: [env.test] closes an address's socket after 5 messages a minute.
        address++;
        const v = await viewer(`/api/viewer/broadcasts/${id}`, { client, ip: `10.9.${address >> 8}.${address & 255}` });
        const isPing =
          typeof data === "string" && data.length <= 256 && ViewerClientMessage.safeParse(decoded(data)).success;
        if (!isPing) refused++;
        sendFrame(v, data);
        await v.until((m) => m.some((x) => x.type === (isPing ? "pong" : "error")));
        v.close();
      }),
      { numRuns: RUNS * 2 },
    );
    const shard = env.VIEWER_FANOUT.getByName(`${id}:0`);
    expect(await shard.stats()).toMatchObject({ refused, rateLimited: 0 });
    const fresh = await viewer(`/api/viewer/broadcasts/${id}`, { client, ip: "10.99.0.1" });
    await publish(id, { question: "퍼징 후에도 보이나요?", answer: "네, 보여요." });
    await fresh.until((m) => m.some((x) => x.type === "qa" && x.answer === "네, 보여요."));
  });
});
