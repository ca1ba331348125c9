import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { VIEWER_PING, ViewerServerMessage } from "../../core/protocol/viewer.ts";
import { api, createBroadcast } from "./helpers.ts";
import { clientOnShard, connectViewer, publish, viewer } from "./viewer-helpers.ts";

const recentOf = (messages: { type: string }[]) => {
  const recent = ViewerServerMessage.parse(messages.find((m) => m.type === "recent"));
  return recent.type === "recent" ? recent.items : [];
};

describe("viewer sockets", () => {
  it("route a Naver page's id to its broadcast and send the recent pairs on connect", async () => {
    const naverId = String(1_500_000 + Math.floor(Math.random() * 1_000_000));
    const { id } = await createBroadcast({
      source: "naver",
      naverUrl: `https://view.shoppinglive.naver.com/lives/${naverId}?tr=lim`,
    });
    const first = (await publish(id, { question: "배송 언제 와요?", answer: "내일 출발해요." })).body.answer;
    const second = (await publish(id, { question: "색상 뭐 있어요?", answer: "블랙, 아이보리 두 가지예요." })).body
      .answer;

    const v = await viewer(`/api/viewer/naver/${naverId}`);
    const recent = ViewerServerMessage.parse(v.messages[0]);
    expect(recent).toMatchObject({ type: "recent", broadcastId: id });
    expect(recentOf(v.messages).map((p) => p.id)).toEqual([second.id, first.id]);
    expect(recentOf(v.messages)[0]).toEqual({
      id: second.id,
      question: "색상 뭐 있어요?",
      answer: "블랙, 아이보리 두 가지예요.",
      at: second.updatedAt,
    });
  });

  it("leave out unpublished pairs from what a reconnecting viewer gets", async () => {
    const { id } = await createBroadcast();
    const client = clientOnShard(1);
    const kept = (await publish(id, { question: "A?", answer: "a" })).body.answer.id;
    const removed = (await publish(id, { question: "B?", answer: "b" })).body.answer.id;
    await api(`/api/broadcasts/${id}/answers/${removed}`, { method: "DELETE" });
    const v = await viewer(`/api/viewer/broadcasts/${id}`, { client });
    expect(recentOf(v.messages).map((p) => p.id)).toEqual([kept]);
  });

  it("answer unknown pages with 404, bad ids with 400 and plain requests with 426", async () => {
    const unknown = await connectViewer("/api/viewer/naver/99999999999");
    expect(unknown).toBeInstanceOf(Response);
    expect((unknown as Response).status).toBe(404);
    expect(await (unknown as Response).json()).toMatchObject({ error: { code: "not_found" } });
    expect(((await connectViewer("/api/viewer/naver/abc")) as Response).status).toBe(400);
    const { id } = await createBroadcast();
    expect((await api(`/api/viewer/broadcasts/${id}`, { token: null })).status).toBe(426);
  });

  it("reload the published pairs from D1 when a shard has lost its storage", async () => {
    const { id } = await createBroadcast();
    const answerId = (await publish(id, { question: "환불 되나요?", answer: "7일 안에 가능해요." })).body.answer.id;
    await runInDurableObject(env.VIEWER_FANOUT.getByName(`${id}:0`), (_obj, state) => {
      state.storage.sql.exec("DELETE FROM pairs");
      state.storage.sql.exec("DELETE FROM meta WHERE key = 'seeded'");
    });
    const v = await viewer(`/api/viewer/broadcasts/${id}`, { client: clientOnShard(0) });
    expect(recentOf(v.messages).map((p) => p.id)).toEqual([answerId]);
  });
});

describe("viewer limits", () => {
  it("answer the keep-alive and refuse and count every other message, without breaking the shard", async () => {
    const { id } = await createBroadcast();
    const client = clientOnShard(2);
    const v = await viewer(`/api/viewer/broadcasts/${id}`, { client, ip: "198.51.100.20" });
    v.send(VIEWER_PING);
    await v.until((m) => m.some((x) => x.type === "pong"));
    v.send({ type: "qa", id: "a-fake", question: "?", answer: "hacked", at: 1 });
    v.send("not json {");
    v.ws.send(new Uint8Array([1, 2, 3]));
    await v.until((m) => m.filter((x) => x.type === "error").length === 3);
    for (const e of v.messages.filter((x) => x.type === "error")) expect(e).toMatchObject({ code: "read_only" });

    await publish(id, { question: "정품인가요?", answer: "네, 공식 수입 정품이에요." });
    await v.until((m) => m.some((x) => x.type === "qa" && x.answer === "네, 공식 수입 정품이에요."));
    expect(v.messages.some((x) => x.type === "qa" && x.answer === "hacked")).toBe(false);
    expect(await env.VIEWER_FANOUT.getByName(`${id}:2`).stats()).toMatchObject({ refused: 3, pairs: 1, sockets: 1 });
  });

  it("close a socket whose address sends more than its messages per minute", async () => {
    const { id } = await createBroadcast();
    const client = clientOnShard(0);
    const v = await viewer(`/api/viewer/broadcasts/${id}`, { client, ip: "198.51.100.30" });
    const closed = new Promise<number>((resolve) => v.ws.addEventListener("close", (e) => resolve(e.code)));
    // [env.test] allows 5 messages a minute per address on a shard.
    for (let i = 0; i < 6; i++) v.send({ type: "hello" });
    expect(await closed).toBe(1008);
    expect(await env.VIEWER_FANOUT.getByName(`${id}:0`).stats()).toMatchObject({ refused: 5, rateLimited: 1 });
  });

  it("refuse connections past the per-address limit of a shard, and only for that address", async () => {
    const { id } = await createBroadcast();
    const client = clientOnShard(1);
    // [env.test] allows 4 sockets per address on a shard.
    for (let i = 0; i < 4; i++) await viewer(`/api/viewer/broadcasts/${id}`, { client, ip: "198.51.100.40" });
    const refused = await connectViewer(`/api/viewer/broadcasts/${id}`, { client, ip: "198.51.100.40" });
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(429);
    expect(await (refused as Response).json()).toMatchObject({ error: { code: "too_many_connections" } });
    await viewer(`/api/viewer/broadcasts/${id}`, { client, ip: "198.51.100.41" });
    expect(await env.VIEWER_FANOUT.getByName(`${id}:1`).stats()).toMatchObject({ sockets: 5, rejectedConnections: 1 });
  });

  it("refuse a malformed relay without storing or sending anything", async () => {
    const { id } = await createBroadcast();
    const v = await viewer(`/api/viewer/broadcasts/${id}`, { client: clientOnShard(0) });
    const shard = env.VIEWER_FANOUT.getByName(`${id}:0`);
    expect(await shard.deliver({ type: "qa", id: "a-1", question: "", answer: "x", at: 1 })).toHaveProperty("error");
    expect(await shard.deliver({ type: "script", id: "a-1" })).toHaveProperty("error");
    expect(await shard.stats()).toMatchObject({ pairs: 0, sockets: 1 });
    expect(v.messages.map((m) => m.type)).toEqual(["recent"]);
  });
});
