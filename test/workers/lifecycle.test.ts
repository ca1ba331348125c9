import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BroadcastList, BroadcastSummary } from "../../core/protocol/api.ts";
import { purgeExpiredChats } from "../../workers/lifecycle.ts";
import worker from "../../workers/index.ts";
import { api, chat, createBroadcast, openSocket } from "./helpers.ts";
import { clientOnShard, publish, viewer, TEST_SHARDS } from "./viewer-helpers.ts";

async function postChats(id: string, chats: unknown[], token?: string) {
  const res = await api(`/api/broadcasts/${id}/chats`, {
    method: "POST",
    body: JSON.stringify({ type: "chats", source: "test", chats }),
    ...(token ? { token } : {}),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

async function summary(id: string) {
  return BroadcastSummary.parse(await (await api(`/api/broadcasts/${id}`)).json());
}

/** What an object holds in storage: its SQLite tables with rows, and its KV keys. */
async function storedIn(stub: DurableObjectStub): Promise<{ rows: number; kv: number; alarm: number | null }> {
  return runInDurableObject(stub, async (_obj, state) => {
    const tables = state.storage.sql
      .exec<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
      )
      .toArray();
    let rows = 0;
    for (const { name } of tables) {
      // Schema versions (the log's, the report's, the sources') and the chatter set's catch-up mark at 0
      // (a hub that has read no chats) are how an empty object is set up, not data.
      if (name === "meta")
        rows += state.storage.sql
          .exec<{ n: number }>(
            `SELECT count(*) AS n FROM meta WHERE key NOT LIKE '%schema_version' AND key <> 'schema'
             AND NOT (key = 'chatters_seq' AND value = '0')`,
          )
          .one().n;
      else rows += state.storage.sql.exec<{ n: number }>(`SELECT count(*) AS n FROM "${name}"`).one().n;
    }
    return { rows, kv: [...state.storage.kv.list()].length, alarm: await state.storage.getAlarm() };
  });
}

const D1_TABLES = [
  "broadcasts",
  "tokens",
  "published_answers",
  "knowledge_chunks",
  "products",
  "product_qna",
  "broadcast_benefits",
  "setup_crawls",
];

async function d1RowsFor(id: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of D1_TABLES) {
    const column = table === "broadcasts" ? "id" : "broadcast_id";
    counts[table] = (await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`)
      .bind(id)
      .first<{ n: number }>())!.n;
  }
  return counts;
}

describe("DELETE /api/broadcasts/:id", () => {
  it("removes the D1 rows, the hub's log and clusters, viewer shards and capture state; a new broadcast of the id starts empty", async () => {
    const id = `del-${crypto.randomUUID().slice(0, 8)}`;
    const { ingestToken } = await createBroadcast({ id });
    await api(`/api/broadcasts/${id}/qna`, {
      method: "POST",
      body: JSON.stringify({ question: "배송 얼마나 걸려요?", answer: "이틀이요." }),
    });
    await api(`/api/broadcasts/${id}/knowledge`, { method: "PATCH", body: JSON.stringify({ notes: ["무료 배송"] }) });
    await postChats(id, [chat(1, "사이즈 몇이에요?"), chat(2, "사이즈 몇이에요?"), chat(3, "와 예쁘다")]);
    await publish(id, { question: "정품인가요?", answer: "네." });
    await api(`/api/broadcasts/${id}/capture`, {
      method: "POST",
      body: JSON.stringify({ kind: "replay", ratePerMin: 60 }),
    });
    const board = await openSocket(`/api/broadcasts/${id}/board`);
    board.send({ type: "hello", lastSeq: 0 });
    await board.until((m) => m.some((x) => x.type === "stats"));
    const v = await viewer(`/api/viewer/broadcasts/${id}`, { client: clientOnShard(1) });
    const boardClosed = new Promise<number>((resolve) => board.ws.addEventListener("close", (e) => resolve(e.code)));
    const viewerClosed = new Promise<number>((resolve) => v.ws.addEventListener("close", (e) => resolve(e.code)));
    expect(Object.values(await d1RowsFor(id)).reduce((a, b) => a + b, 0)).toBeGreaterThan(3);

    const res = await api(`/api/broadcasts/${id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await boardClosed).toBe(4404);
    expect(await viewerClosed).toBe(4404);

    expect(await d1RowsFor(id)).toEqual(Object.fromEntries(D1_TABLES.map((t) => [t, 0])));
    expect(await storedIn(env.BROADCAST_HUB.getByName(id))).toEqual({ rows: 0, kv: 0, alarm: null });
    expect(await storedIn(env.CHAT_CAPTURE.getByName(id))).toEqual({ rows: 0, kv: 0, alarm: null });
    for (let shard = 0; shard < TEST_SHARDS; shard++) {
      expect(await storedIn(env.VIEWER_FANOUT.getByName(`${id}:${shard}`))).toEqual({ rows: 0, kv: 0, alarm: null });
    }

    expect((await api(`/api/broadcasts/${id}`)).status).toBe(404);
    expect((await api(`/api/broadcasts/${id}`, { method: "DELETE" })).status).toBe(404);
    expect((await postChats(id, [chat(4)])).status).toBe(404);
    expect((await postChats(id, [chat(4)], ingestToken)).status).toBe(401);
    expect((await api(`/api/broadcasts/${id}/chats.csv`)).status).toBe(404);
    expect(
      ((await api(`/api/viewer/broadcasts/${id}`, { token: null, headers: { upgrade: "websocket" } })) as Response)
        .status,
    ).toBe(404);
    const list = BroadcastList.parse(await (await api("/api/broadcasts?limit=200")).json());
    expect(list.broadcasts.map((b) => b.id)).not.toContain(id);

    await createBroadcast({ id });
    expect(await summary(id)).toMatchObject({ chatCount: 0, status: "ready", endedAt: null });
    const fresh = await openSocket(`/api/broadcasts/${id}/board`);
    fresh.send({ type: "hello", lastSeq: 0 });
    const messages = await fresh.until((m) => m.some((x) => x.type === "clusters"));
    expect(messages[0]).toMatchObject({ type: "welcome", lastSeq: 0 });
    expect(fresh.chats()).toEqual([]);
    expect(messages.find((m) => m.type === "clusters")).toMatchObject({ items: [] });
    expect(messages.find((m) => m.type === "stats")).toMatchObject({
      totals: { general: 0, request: 0, question: 0 },
      malformed: 0,
    });
    expect((await (await api(`/api/broadcasts/${id}/capture`)).json()) as object).toMatchObject({
      status: { state: "idle", chats: 0 },
    });
    const again = await viewer(`/api/viewer/broadcasts/${id}`, { client: clientOnShard(1) });
    expect(again.messages[0]).toMatchObject({ type: "recent", items: [] });
    expect((await postChats(id, [chat(1, "새 방송 첫 채팅")])).body).toMatchObject({ accepted: 1, seq: 1 });
  });

  it("refuses without a manager's token", async () => {
    const { id, ingestToken } = await createBroadcast();
    expect((await api(`/api/broadcasts/${id}`, { method: "DELETE", token: null })).status).toBe(401);
    expect((await api(`/api/broadcasts/${id}`, { method: "DELETE", token: ingestToken })).status).toBe(401);
    expect((await api(`/api/broadcasts/${id}`)).status).toBe(200);
  });
});

describe("ended broadcasts", () => {
  it("are marked ended by a manager, stay ended when the hub's alarm writes counts, and open again when a capture starts", async () => {
    const { id } = await createBroadcast();
    await postChats(id, [chat(1)]);
    const before = Date.now();
    const ended = await api(`/api/broadcasts/${id}/end`, { method: "POST" });
    expect(ended.status).toBe(200);
    const body = BroadcastSummary.parse(await ended.json());
    expect(body.status).toBe("ended");
    expect(body.endedAt).toBeGreaterThanOrEqual(before);
    await runDurableObjectAlarm(env.BROADCAST_HUB.getByName(id));
    expect(await summary(id)).toMatchObject({ status: "ended", endedAt: body.endedAt, chatCount: 1 });
    // Ending twice keeps the first end time.
    await api(`/api/broadcasts/${id}/end`, { method: "POST" });
    expect((await summary(id)).endedAt).toBe(body.endedAt);

    expect(
      (
        await api(`/api/broadcasts/${id}/capture`, {
          method: "POST",
          body: JSON.stringify({ kind: "replay", ratePerMin: 60 }),
        })
      ).status,
    ).toBe(202);
    expect(await summary(id)).toMatchObject({ status: "live", endedAt: null });
    expect((await api(`/api/broadcasts/${id}/capture`, { method: "DELETE" })).status).toBe(200);
    expect(await summary(id)).toMatchObject({ status: "ended" });
    expect((await api("/api/broadcasts/nope-nope/end", { method: "POST" })).status).toBe(404);
  });
});

describe("retention", () => {
  it("purges the chat log of broadcasts ended longer ago than RETENTION_DAYS, keeps the rest, and numbering continues", async () => {
    const old = await createBroadcast();
    const recent = await createBroadcast();
    for (const { id } of [old, recent]) {
      await postChats(id, [chat(1, "사이즈 몇이에요?"), chat(2, "사이즈 몇이에요?"), chat(3, "사이즈 몇이에요?")]);
      await api(`/api/broadcasts/${id}/end`, { method: "POST" });
    }
    const now = Date.now();
    await env.DB.prepare("UPDATE broadcasts SET ended_at = ? WHERE id = ?")
      .bind(now - 91 * 86_400_000, old.id)
      .run();
    await env.DB.prepare("UPDATE broadcasts SET ended_at = ? WHERE id = ?")
      .bind(now - 89 * 86_400_000, recent.id)
      .run();

    const purged = await purgeExpiredChats(env, now);
    expect(purged).toContain(old.id);
    expect(purged).not.toContain(recent.id);
    expect(await purgeExpiredChats(env, now)).not.toContain(old.id);

    const count = (id: string) =>
      runInDurableObject(
        env.BROADCAST_HUB.getByName(id),
        (_o, s) =>
          s.storage.sql
            .exec<{ n: number }>("SELECT (SELECT count(*) FROM chats) + (SELECT count(*) FROM clusters) AS n")
            .one().n,
      );
    expect(await count(old.id)).toBe(0);
    expect(await count(recent.id)).toBeGreaterThan(0);
    expect(await (await api(`/api/broadcasts/${old.id}/chats.csv`)).text()).toBe(
      "seq,commentNo,at,nickname,message,intent,confidence\n",
    );
    expect(await summary(old.id)).toMatchObject({ status: "ended" });
    expect((await postChats(old.id, [chat(9)])).body).toMatchObject({ accepted: 1, seq: 4 });
  });

  it("runs from the scheduled handler with a configurable number of days", async () => {
    const { id } = await createBroadcast();
    await postChats(id, [chat(1)]);
    await api(`/api/broadcasts/${id}/end`, { method: "POST" });
    await env.DB.prepare("UPDATE broadcasts SET ended_at = ? WHERE id = ?")
      .bind(Date.now() - 2 * 86_400_000, id)
      .run();
    const waits: Promise<unknown>[] = [];
    const ctx = {
      waitUntil: (p: Promise<unknown>) => void waits.push(p),
      passThroughOnException: () => {},
      props: {},
    } as unknown as ExecutionContext;
    await worker.scheduled!(
      { scheduledTime: Date.now(), cron: "17 3 * * *", noRetry: () => {} },
      { ...env, RETENTION_DAYS: "1" } as Env,
      ctx,
    );
    await Promise.all(waits);
    const row = await env.DB.prepare("SELECT chats_purged_at AS p FROM broadcasts WHERE id = ?")
      .bind(id)
      .first<{ p: number | null }>();
    expect(row?.p).not.toBeNull();
  });
});

describe("GET /api/broadcasts pages", () => {
  it("walks every broadcast once, newest first, with limit and cursor", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await createBroadcast({ title: `page ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : "?limit=2";
      const page = BroadcastList.parse(await (await api(`/api/broadcasts${query}`)).json());
      expect(page.broadcasts.length).toBeLessThanOrEqual(2);
      seen.push(...page.broadcasts.map((b) => b.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 500);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);
    const created = await Promise.all(seen.slice(0, 3).map(summary));
    expect(created.map((b) => b.createdAt)).toEqual([...created.map((b) => b.createdAt)].sort((a, b) => b - a));
    for (const bad of ["?limit=0", "?limit=201", "?limit=x", "?cursor=nope", "?cursor=1.BAD"]) {
      expect((await api(`/api/broadcasts${bad}`)).status, bad).toBe(400);
    }
  });
});
