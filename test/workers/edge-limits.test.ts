import { runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BODY_LIMITS } from "../../workers/body-limits.ts";
import { ViewerLookupCache } from "../../workers/viewer-lookup.ts";
import { ADMIN, api, chat, createBroadcast } from "./helpers.ts";
import { clientOnShard, connectViewer, viewer } from "./viewer-helpers.ts";

const json = (n: number) => JSON.stringify({ pad: "x".repeat(n) });

describe("body limits", () => {
  it("answer 413 with the error shape on every route a body can reach, before authentication or parsing", async () => {
    const { id } = await createBroadcast();
    const cases: [string, string, number][] = [
      ["POST", "/api/broadcasts", BODY_LIMITS.default],
      ["POST", `/api/broadcasts/${id}/chats`, BODY_LIMITS.chats],
      ["PATCH", `/api/broadcasts/${id}/knowledge`, BODY_LIMITS.knowledge],
      ["PUT", `/api/broadcasts/${id}/products/p1/details`, BODY_LIMITS.knowledge],
      ["POST", `/api/broadcasts/${id}/qna`, BODY_LIMITS.knowledge],
      ["POST", `/api/broadcasts/${id}/answers`, BODY_LIMITS.default],
      ["POST", `/api/broadcasts/${id}/answers/draft`, BODY_LIMITS.default],
      ["POST", `/api/broadcasts/${id}/capture`, BODY_LIMITS.default],
      ["POST", `/api/broadcasts/${id}/setup`, BODY_LIMITS.default],
      ["POST", "/api/nope", BODY_LIMITS.default],
    ];
    for (const [method, path, limit] of cases) {
      for (const token of [ADMIN, null]) {
        const res = await api(path, { method, body: json(limit), token });
        expect(res.status, `${method} ${path}`).toBe(413);
        expect(await res.json()).toMatchObject({ error: { code: "payload_too_large" } });
      }
    }
  });

  it("count a streamed body without Content-Length as it arrives", async () => {
    const { id } = await createBroadcast();
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await exports.default.fetch(
      new Request(`http://liveq.test/api/broadcasts/${id}/chats`, {
        method: "POST",
        body,
        headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      }),
    );
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(40);
  });

  it("let bodies under the limit through", async () => {
    const { id } = await createBroadcast();
    const chats = Array.from({ length: 300 }, (_, i) => chat(i + 1, "가".repeat(900)));
    const body = JSON.stringify({ type: "chats", chats });
    expect(body.length).toBeGreaterThan(BODY_LIMITS.default);
    const res = await api(`/api/broadcasts/${id}/chats`, { method: "POST", body });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: 300 });
  });
});

describe("chat times", () => {
  it("count a chat with `at` out of range as malformed and skip it; the export keeps working (regression: at 9e15 made chats.csv 500)", async () => {
    const { id } = await createBroadcast();
    const chats = [
      chat(1),
      { ...chat(2), at: 9e15 },
      { ...chat(3), at: Date.UTC(2019, 11, 31) },
      { ...chat(4), at: Date.now() + 2 * 86_400_000 },
      { ...chat(5), at: Date.now() + 3_600_000 },
    ];
    const res = await api(`/api/broadcasts/${id}/chats`, {
      method: "POST",
      body: JSON.stringify({ type: "chats", chats }),
    });
    expect(await res.json()).toMatchObject({ accepted: 2, malformed: 3 });
    const csv = await api(`/api/broadcasts/${id}/chats.csv`);
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split("\n")).toHaveLength(3);
  });

  it("export a log written before the bound, holding an impossible time, without failing", async () => {
    const { id } = await createBroadcast();
    await api(`/api/broadcasts/${id}/chats`, {
      method: "POST",
      body: JSON.stringify({ type: "chats", chats: [chat(1)] }),
    });
    await runInDurableObject(env.BROADCAST_HUB.getByName(id), (_hub, state) => {
      state.storage.sql.exec("UPDATE chats SET at = ?", 9e15);
    });
    const csv = await api(`/api/broadcasts/${id}/chats.csv`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("\n1,1,9000000000000000,");
    expect((await api(`/api/broadcasts/${id}/chats.jsonl`)).status).toBe(200);
  });
});

describe("viewer limits per address", () => {
  it("count every IPv6 address of one /64 as one address for sockets", async () => {
    const { id } = await createBroadcast();
    const client = clientOnShard(2, "v6");
    // [env.test] allows 4 sockets per address on a shard.
    for (let i = 1; i <= 4; i++) await viewer(`/api/viewer/broadcasts/${id}`, { client, ip: `2001:db8:aa:1::${i}` });
    const refused = await connectViewer(`/api/viewer/broadcasts/${id}`, {
      client,
      ip: "2001:db8:aa:1:ffff:ffff:ffff:ffff",
    });
    expect((refused as Response).status).toBe(429);
    await viewer(`/api/viewer/broadcasts/${id}`, { client, ip: "2001:db8:aa:2::1" });
    await viewer(`/api/viewer/broadcasts/${id}`, { client, ip: "203.0.113.99" });
    expect(await env.VIEWER_FANOUT.getByName(`${id}:2`).stats()).toMatchObject({ sockets: 6, rejectedConnections: 1 });
  });

  it("count messages from one /64 together", async () => {
    const { id } = await createBroadcast();
    const client = clientOnShard(0, "v6m");
    const a = await viewer(`/api/viewer/broadcasts/${id}`, { client, ip: "2001:db8:bb:1::a" });
    const b = await viewer(`/api/viewer/broadcasts/${id}`, { client, ip: "2001:db8:bb:1::b" });
    const closed = new Promise<number>((resolve) => b.ws.addEventListener("close", (e) => resolve(e.code)));
    // [env.test] allows 5 messages a minute per address: 3 + 3 from one /64 is one too many.
    for (let i = 0; i < 3; i++) a.send({ type: "hello" });
    await a.until((m) => m.filter((x) => x.type === "error").length === 3);
    for (let i = 0; i < 3; i++) b.send({ type: "hello" });
    expect(await closed).toBe(1008);
  });
});

describe("unknown viewer ids", () => {
  it("are answered from memory for a while, and a broadcast created for the id is found at once", async () => {
    const naverId = String(7_000_000 + Math.floor(Math.random() * 1_000_000));
    expect(((await connectViewer(`/api/viewer/naver/${naverId}`)) as Response).status).toBe(404);
    // A row written behind the Worker's back is not seen: the miss is cached, D1 is not asked.
    await env.DB.prepare(
      "INSERT INTO broadcasts (id, title, source, naver_id, created_at, updated_at) VALUES (?, 'x', 'naver', ?, 1, 1)",
    )
      .bind(`raw-${naverId}`, naverId)
      .run();
    expect(((await connectViewer(`/api/viewer/naver/${naverId}`)) as Response).status).toBe(404);
    const { id } = await createBroadcast({
      source: "naver",
      naverUrl: `https://view.shoppinglive.naver.com/lives/${naverId}`,
    });
    const v = await viewer(`/api/viewer/naver/${naverId}`);
    expect(v.messages[0]).toMatchObject({ type: "recent", broadcastId: id });
  });

  it("share one lookup among concurrent connects, and a flood of bad ids neither evicts found ones nor repeats lookups", async () => {
    const cache = new ViewerLookupCache({ maxUnknown: 100 });
    let lookups = 0;
    const miss = async () => (lookups++, null);
    await Promise.all(Array.from({ length: 100 }, () => cache.resolve("naver:1", miss, 0)));
    expect(lookups).toBe(1);
    await cache.resolve("id:good", async () => (lookups++, "good"), 0);
    for (let i = 0; i < 1000; i++) await cache.resolve(`naver:${i + 10}`, miss, 0);
    expect(cache.size).toEqual({ found: 1, unknown: 100 });
    const before = lookups;
    for (let i = 900; i < 1000; i++) await cache.resolve(`naver:${i + 10}`, miss, 1000);
    expect(lookups).toBe(before);
    expect(await cache.resolve("id:good", async () => "changed", 1000)).toBe("good");
    // A broadcast created while a miss was being read: the stale miss is not remembered.
    let release!: () => void;
    const slow = cache.resolve("naver:new", () => new Promise<null>((r) => (release = () => r(null))), 1000);
    cache.forget("naver:new");
    release();
    await slow;
    expect(await cache.resolve("naver:new", async () => "b-new", 1000)).toBe("b-new");
    // After the time-to-live, D1 is asked again.
    await cache.resolve("naver:1009", miss, 120_000);
    expect(lookups).toBe(before + 1);
  });
});
