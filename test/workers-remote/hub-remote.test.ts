import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { embeddedClassifier } from "../../core/intent/embedded.ts";
import type { IntentResult } from "../../core/intent/types.ts";
import { api, chat, createBroadcast, openSocket } from "../workers/helpers.ts";

/** Scripts the local SageMaker endpoint the hub is configured with. */
async function script(body: unknown): Promise<void> {
  const res = await fetch(`${env.TEST_SAGEMAKER_URL}/__test/endpoints/hub-intent`, {
    method: "PUT",
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(204);
}

async function endpointCalls(): Promise<number> {
  return ((await (await fetch(`${env.TEST_SAGEMAKER_URL}/__test/endpoints/hub-intent`)).json()) as { calls: number })
    .calls;
}

const MESSAGES = ["이 가격 실화?", "링크 주세요", "와 예쁘다", "배송 언제 와요?"];

async function boardWithChats(id: string) {
  const board = await openSocket(`/api/broadcasts/${id}/board`);
  board.send({ type: "hello", lastSeq: 0 });
  await board.until((m) => m.some((x) => x.type === "stats"));
  const res = await api(`/api/broadcasts/${id}/chats`, {
    method: "POST",
    body: JSON.stringify({ type: "chats", chats: MESSAGES.map((m, i) => chat(i + 1, m)) }),
  });
  expect(await res.json()).toMatchObject({ accepted: 4, seq: 4 });
  return board;
}

function intentsReceived(board: { messages: { type: unknown; updates?: unknown }[] }) {
  return board.messages.flatMap((m) => (m.type === "intents" ? (m.updates as { seq: number; intent: string }[]) : []));
}

async function loggedIntents(id: string): Promise<string[]> {
  return runInDurableObject(env.BROADCAST_HUB.getByName(id), (_hub, state) =>
    state.storage.sql
      .exec<{ intent: string }>("SELECT intent FROM chats ORDER BY seq")
      .toArray()
      .map((r) => r.intent),
  );
}

describe("BroadcastHub with a remote (SageMaker) classifier", () => {
  beforeEach(() => script({}));

  it("delivers chats as pending at once, then the remote intents as an update", async () => {
    const { id } = await createBroadcast();
    const board = await boardWithChats(id);
    await board.until((m) => m.some((x) => x.type === "intents"));
    expect(board.chats().map((c) => c.intent)).toEqual(["pending", "pending", "pending", "pending"]);
    // The local endpoint's rule (ends with "?" → question; 주세요 → request) differs from the
    // embedded model on "이 가격 실화?", which proves the remote answer was used.
    expect(intentsReceived(board)).toEqual([
      { seq: 1, intent: "question", confidence: 0.9 },
      { seq: 2, intent: "request", confidence: 0.9 },
      { seq: 3, intent: "general", confidence: 0.9 },
      { seq: 4, intent: "question", confidence: 0.9 },
    ]);
    expect(await loggedIntents(id)).toEqual(["question", "request", "general", "question"]);
    expect(await endpointCalls()).toBe(1);
  });

  it("sends ingest batches that arrive within one window as one remote call, every chat classified by it", async () => {
    const { id } = await createBroadcast();
    const board = await openSocket(`/api/broadcasts/${id}/board`);
    board.send({ type: "hello", lastSeq: 0 });
    await board.until((m) => m.some((x) => x.type === "stats"));
    // Six sources' batches at once, as a feeder's 100 ms batches would come: one call per batch before.
    const acks = await Promise.all(
      Array.from({ length: 6 }, (_, b) =>
        api(`/api/broadcasts/${id}/chats`, {
          method: "POST",
          body: JSON.stringify({
            type: "chats",
            chats: MESSAGES.map((m, i) => chat(b * MESSAGES.length + i + 1, m)),
          }),
        }).then((res) => res.json() as Promise<{ accepted: number }>),
      ),
    );
    expect(acks.map((a) => a.accepted)).toEqual([4, 4, 4, 4, 4, 4]);
    await board.until((m) => intentsReceived({ messages: m }).length === 24, 5000);
    // The endpoint's rule, not the embedded model's: "이 가격 실화?" is a question only there.
    expect(await loggedIntents(id)).toEqual(Array(6).fill(["question", "request", "general", "question"]).flat());
    expect(await endpointCalls()).toBeLessThanOrEqual(2);
  });

  it("falls back to the embedded model when the endpoint is too slow, and leaves nothing pending", async () => {
    await script({ otherwise: { kind: "ok", delayMs: 3000 } });
    const { id } = await createBroadcast();
    const board = await boardWithChats(id);
    await board.until((m) => m.some((x) => x.type === "intents"), 2500);
    const embedded = (embeddedClassifier.classifyBatch(MESSAGES) as IntentResult[]).map((r) => r.intent);
    expect(intentsReceived(board).map((u) => u.intent)).toEqual(embedded);
    expect(await loggedIntents(id)).toEqual(embedded);
  });

  it("falls back when the endpoint fails, and counts the stats once classified", async () => {
    await script({ otherwise: { kind: "status", status: 500 } });
    const { id } = await createBroadcast();
    const board = await boardWithChats(id);
    await board.until((m) => m.some((x) => x.type === "intents"));
    await board.until((m) => {
      const stats = m.filter((x) => x.type === "stats").at(-1) as { totals?: Record<string, number> } | undefined;
      return Object.values(stats?.totals ?? {}).reduce((a, b) => a + b, 0) === 4;
    }, 3000);
    expect(await loggedIntents(id)).not.toContain("pending");
  });

  it("classifies every chat left pending when SageMaker was down, ingest stopped and the endpoint came back", async () => {
    // Down: every call outlives the time box, so each batch is in flight when the hub is reset.
    await script({ otherwise: { kind: "ok", delayMs: 5000 } });
    const { id } = await createBroadcast();
    for (let start = 1; start <= 2500; start += 500) {
      const chats = Array.from({ length: 500 }, (_, i) => chat(start + i, `질문 ${start + i} 언제 와요?`));
      await api(`/api/broadcasts/${id}/chats`, { method: "POST", body: JSON.stringify({ type: "chats", chats }) });
    }
    // The machine goes away with the calls in flight: their answers are lost, the chats stay pending.
    await runInDurableObject(env.BROADCAST_HUB.getByName(id), (_hub, state) => state.abort("reset by the test")).catch(
      () => undefined,
    );
    const pendingAfterReset = (await loggedIntents(id)).filter((i) => i === "pending").length;
    expect(pendingAfterReset).toBeGreaterThan(1000);
    await script({});

    // No more chats arrive: only the hub's alarm can finish the work, one page per run.
    const deadline = Date.now() + 25_000;
    while ((await loggedIntents(id)).includes("pending")) {
      if (Date.now() > deadline) throw new Error("chats stayed pending");
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await loggedIntents(id)).toHaveLength(2500);
    // With everything classified and delivered, the alarm stops re-arming itself.
    await new Promise((r) => setTimeout(r, 300));
    // (A fresh stub: the one that saw the reset stays broken.)
    const hub = env.BROADCAST_HUB.getByName(id);
    await runDurableObjectAlarm(hub);
    expect(await runInDurableObject(hub, (_hub, state) => state.storage.getAlarm())).toBeNull();
  }, 40_000);
});
