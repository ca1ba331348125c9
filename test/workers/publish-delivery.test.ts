import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { HubOutbox } from "../../durable-objects/hub-outbox.ts";
import { api, createBroadcast, openSocket } from "./helpers.ts";
import { clearShardFaults, injectShardFaults } from "./shard-faults.ts";
import { clientOnShard, publish, TEST_SHARDS, viewer } from "./viewer-helpers.ts";

const QA = { question: "배송 언제 와요?", answer: "오늘 주문하면 내일 출발해요." };

const shardName = (id: string, shard: number) => `${id}:${shard}`;
const pairsOn = async (id: string, shard: number) =>
  (await env.VIEWER_FANOUT.getByName(shardName(id, shard)).stats()).pairs;

/** Rows still in the hub's outbox (answers not yet confirmed by every shard). */
function outboxRows(id: string): Promise<number> {
  return runInDurableObject(
    env.BROADCAST_HUB.getByName(id),
    (_hub, state) => state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM viewer_outbox").one().n,
  );
}

/** Polls until `check` holds; the hub's own alarm does the retrying meanwhile. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function everyShardHas(id: string, pairs: number): Promise<boolean> {
  for (let shard = 0; shard < TEST_SHARDS; shard++) if ((await pairsOn(id, shard)) !== pairs) return false;
  return true;
}

describe("durable publishing", () => {
  afterEach(() => clearShardFaults());

  it("keeps retrying a shard that fails three times until it confirms, and tells boards", async () => {
    const { id } = await createBroadcast();
    const board = await openSocket(`/api/broadcasts/${id}/board`);
    board.send({ type: "hello", lastSeq: 0 });
    await board.until((m) => m.some((x) => x.type === "stats"));
    const watcher = await viewer(`/api/viewer/broadcasts/${id}`, { client: clientOnShard(1) });
    const plan = injectShardFaults(shardName(id, 1), [{ kind: "throw" }, { kind: "throw" }, { kind: "throw" }]);

    const { status, body } = await publish(id, QA);
    expect(status).toBe(201);
    expect(body.relay).toMatchObject({ shards: TEST_SHARDS - 1, failedShards: 1, retrying: true });
    expect(await pairsOn(id, 1)).toBe(0);

    await eventually(async () => (await outboxRows(id)) === 0);
    expect(plan.calls).toBe(4);
    expect(await everyShardHas(id, 1)).toBe(true);
    await watcher.until((m) => m.some((x) => x.type === "qa" && x.id === body.answer.id));
    const deliveries = board.messages
      .filter((m) => m.type === "answer-delivery")
      .flatMap((m) => m.items as { id: string; pending: number }[]);
    expect(deliveries[0]).toMatchObject({ id: body.answer.id, pending: 1, shards: TEST_SHARDS });
    expect(deliveries.at(-1)).toMatchObject({ id: body.answer.id, pending: 0 });
  });

  it("counts a shard that does not answer in time as failed, answers the manager, and delivers later", async () => {
    const { id } = await createBroadcast();
    injectShardFaults(shardName(id, 2), [{ kind: "hang", ms: 20_000 }]);
    const started = Date.now();
    const { body } = await publish(id, QA);
    // The relay's time box (VIEWER_DELIVER_TIMEOUT_MS, 1 s in tests) bounds the manager's wait.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(body.relay).toMatchObject({ failedShards: 1, retrying: true });
    await eventually(async () => (await outboxRows(id)) === 0);
    expect(await everyShardHas(id, 1)).toBe(true);
  });

  it("never lets a shard that missed an unpublish serve the retracted answer, and unpublish can be repeated", async () => {
    const { id } = await createBroadcast();
    const answerId = (await publish(id, QA)).body.answer.id as string;
    expect(await everyShardHas(id, 1)).toBe(true);
    injectShardFaults(shardName(id, 0), [{ kind: "throw" }, { kind: "throw" }]);

    const first = await api(`/api/broadcasts/${id}/answers/${answerId}`, { method: "DELETE" });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { relay: unknown }).relay).toMatchObject({ failedShards: 1, retrying: true });
    const again = await api(`/api/broadcasts/${id}/answers/${answerId}`, { method: "DELETE" });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { answer: { status: string } }).answer.status).toBe("unpublished");

    await eventually(async () => (await outboxRows(id)) === 0);
    expect(await everyShardHas(id, 0)).toBe(true);
    // A viewer who reconnects to that shard gets the current state: no retracted answer.
    const back = await viewer(`/api/viewer/broadcasts/${id}`, { client: clientOnShard(0, "back") });
    expect(back.messages.find((m) => m.type === "recent")).toMatchObject({ items: [] });
    const audits = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'answer.unpublish' AND target = ?",
    )
      .bind(answerId)
      .first<{ n: number }>();
    expect(audits?.n).toBe(1);
  });

  it("ignores a late publish of an answer the shard already retracted", async () => {
    const { id } = await createBroadcast();
    const answerId = (await publish(id, QA)).body.answer.id as string;
    await api(`/api/broadcasts/${id}/answers/${answerId}`, { method: "DELETE" });
    const stale = { type: "qa", id: answerId, question: QA.question, answer: QA.answer, at: Date.now() + 60_000 };
    expect(await env.VIEWER_FANOUT.getByName(shardName(id, 1)).deliver(stale)).toEqual({ viewers: 0 });
    expect(await pairsOn(id, 1)).toBe(0);
  });

  it("retries a shard evicted in the middle of a delivery", async () => {
    const { id } = await createBroadcast();
    const plan = injectShardFaults(shardName(id, 1), [{ kind: "hang", ms: 30_000 }]);
    const publishing = publish(id, QA);
    await eventually(async () => plan.calls > 0, 5000);
    await abortObject(env.VIEWER_FANOUT.getByName(shardName(id, 1)));
    const { status, body } = await publishing;
    expect(status).toBe(201);
    expect(body.relay).toMatchObject({ failedShards: 1, retrying: true });
    await eventually(async () => (await everyShardHas(id, 1)) && (await outboxRows(id)) === 0);
  });

  it("finishes the relay from the hub's alarm when the hub itself is reset mid-relay", async () => {
    const { id } = await createBroadcast();
    const plan = injectShardFaults(shardName(id, 1), [{ kind: "hang", ms: 30_000 }]);
    const publishing = publish(id, QA);
    await eventually(async () => plan.calls > 0, 5000);
    await abortObject(env.BROADCAST_HUB.getByName(id));
    const { status, body } = await publishing;
    // The answer is stored (D1 first) whatever the manager was told about the relay.
    expect(status).toBe(201);
    await eventually(async () => (await everyShardHas(id, 1)) && (await outboxRows(id)) === 0);
    const row = await env.DB.prepare("SELECT status FROM published_answers WHERE id = ?").bind(body.answer.id).first();
    expect(row).toEqual({ status: "published" });
  });
});

/**
 * Resets a running object as the runtime does when its machine goes away: in-memory state and
 * calls in flight are lost, storage stays. (evictDurableObject waits for calls in flight to drain.)
 */
async function abortObject(stub: DurableObjectStub): Promise<void> {
  await runInDurableObject(stub, (_instance, state) => state.abort("reset by the test")).catch(() => undefined);
}

describe("the hub's viewer outbox", () => {
  it("never reuses a version, so a late confirmation of a finished intention cannot clear a new one", async () => {
    const { id } = await createBroadcast();
    const versions = await runInDurableObject(env.BROADCAST_HUB.getByName(id), (_hub, state) => {
      const outbox = new HubOutbox(state.storage.sql);
      const qa = { type: "qa" as const, id: "a-1", question: "q", answer: "a", at: 1 };
      const first = outbox.enqueue(qa, 2, 0);
      outbox.record(first, { confirmed: [0, 1], failed: [] }, 0);
      const second = outbox.enqueue({ ...qa, at: 2 }, 2, 0);
      // A round of the first intention that was still running reports back late.
      const stale = outbox.record(first, { confirmed: [0, 1], failed: [] }, 0);
      return { first: first.version, second: second.version, stale, pending: outbox.statuses() };
    });
    expect(versions.second).toBeGreaterThan(versions.first);
    expect(versions.stale).toBeNull();
    expect(versions.pending).toEqual([{ id: "a-1", kind: "qa", shards: 2, pending: 2 }]);
  });
});
