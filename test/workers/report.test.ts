/**
 * The broadcast report inside workerd: a real hub fed through the chats route, real D1 rows
 * (broadcast, products, published answers), the report route, its CSVs and the hub's own
 * report tables across eviction and for a hub made before them.
 */
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it, vi } from "vitest";
import { BroadcastReport } from "../../core/report/types.ts";
import { products } from "../../server/db/schema.ts";
import { api, createBroadcast, openSocket, type TestSocket } from "./helpers.ts";

const MINUTE = 60_000;

async function post(id: string, chats: [number, string, string, number][]) {
  const res = await api(`/api/broadcasts/${id}/chats`, {
    method: "POST",
    body: JSON.stringify({
      type: "chats",
      chats: chats.map(([commentNo, nickname, message, at]) => ({ commentNo, nickname, message, at })),
    }),
  });
  expect(res.status).toBe(200);
}

async function report(id: string): Promise<BroadcastReport> {
  const res = await api(`/api/broadcasts/${id}/report`);
  expect(res.status).toBe(200);
  return BroadcastReport.parse(await res.json());
}

/** Clusters reach the hub's table on its next stats tick: wait for the report to show them. */
async function reportWithClusters(id: string, n: number): Promise<BroadcastReport> {
  return vi.waitFor(
    async () => {
      const r = await report(id);
      if (r.clusters.length < n) throw new Error(`clusters: ${r.clusters.length}`);
      return r;
    },
    { timeout: 8000, interval: 100 },
  );
}

async function liveBoard(id: string): Promise<TestSocket> {
  const board = await openSocket(`/api/broadcasts/${id}/board`);
  board.send({ type: "hello", lastSeq: 0 });
  await board.until((m) => m.some((x) => x.type === "claims"));
  return board;
}

async function seed(title: string) {
  const { id } = await createBroadcast({ title });
  const now = Date.now();
  await drizzle(env.DB)
    .insert(products)
    .values([
      { broadcastId: id, key: "p1", name: "라운드 울 니트", updatedAt: now },
      { broadcastId: id, key: "p2", name: "스텐 텀블러 500ml", updatedAt: now },
    ]);
  const base = Math.floor(now / MINUTE) * MINUTE - 5 * MINUTE;
  await post(id, [
    [1, "민지", "니트 사이즈 몇까지 나와요?", base + 1000],
    [2, "준호", "니트 사이즈 몇까지 나와요??", base + 2000],
    [3, "민지", "와 예쁘다 ㅋㅋ", base + MINUTE + 1000],
    [4, "서연", "텀블러 용량 얼마예요?", base + 3 * MINUTE],
    [5, "서연", "=배송 언제 와요?", base + 3 * MINUTE + 500],
  ]);
  return { id, base };
}

describe("GET /api/broadcasts/:id/report", () => {
  it("joins the hub's aggregates with the broadcast's products and answers", { timeout: 20_000 }, async () => {
    const { id, base } = await seed("겨울 니트 라이브");
    const board = await liveBoard(id);
    const before = await reportWithClusters(id, 3);
    const knit = before.clusters.find((c) => c.text.startsWith("니트 사이즈"))!;
    expect(knit.count).toBe(2);

    // The claim carries the signed-in member's name (the bootstrap owner here), not the one typed.
    board.send({ type: "claim", clusterId: knit.id, manager: "지수" });
    await board.until((m) => m.some((x) => x.type === "claims" && (x.items as unknown[]).length === 1));
    const published = await api(`/api/broadcasts/${id}/answers`, {
      method: "POST",
      body: JSON.stringify({ question: knit.text, answer: "S부터 XL까지 있어요", clusterId: knit.id }),
    });
    expect(published.status).toBe(201);
    const hub = env.BROADCAST_HUB.getByName(id);
    const status = (state: string, at: number, message?: string) => ({
      state,
      chats: 0,
      lastChatAt: null,
      runner: "local-agent",
      at,
      ...(message ? { message } : {}),
    });
    for (const s of [
      status("capturing", base),
      status("capturing", base + 10),
      status("reconnecting", base + MINUTE, "socket closed"),
      status("capturing", base + 2 * MINUTE),
    ]) {
      expect(await hub.reportCapture(id, s)).toBe(true);
    }

    const r = await reportWithClusters(id, 3);
    expect(r.broadcastId).toBe(id);
    expect(r.title).toBe("겨울 니트 라이브");
    expect(r.totals).toEqual({ chats: 5, general: 1, request: 0, question: 4, held: 0, uniqueChatters: 3 });
    expect(r.perMinute.map((m) => m.minute)).toEqual([base, base + MINUTE, base + 2 * MINUTE, base + 3 * MINUTE]);
    expect(r.perMinute.map((m) => m.general + m.request + m.question)).toEqual([2, 1, 0, 2]);
    expect(r.peakMinute).toEqual({ minute: base, chats: 2 });
    expect(r.clusters.map((c) => c.count)).toEqual([2, 1, 1]);

    const answered = r.clusters[0]!;
    expect(answered).toMatchObject({
      id: knit.id,
      answered: true,
      answer: "S부터 XL까지 있어요",
      by: "Owner",
      productKey: "p1",
      firstAskedAt: base + 1000,
    });
    expect(answered.timeToAnswerMs).toBe(answered.answeredAt! - (base + 1000));
    expect(
      r.clusters
        .filter((c) => !c.answered)
        .map((c) => c.text)
        .sort(),
    ).toEqual(["=배송 언제 와요?", "텀블러 용량 얼마예요?"]);
    expect(r.products).toEqual([
      { key: "p1", name: "라운드 울 니트", questions: 2 },
      { key: "p2", name: "스텐 텀블러 500ml", questions: 1 },
    ]);
    expect(r.unassignedQuestions).toBe(1);
    expect(r.answers).toHaveLength(1);
    expect(r.answers[0]).toMatchObject({
      question: knit.text,
      answer: "S부터 XL까지 있어요",
      by: "Owner",
      clusterId: knit.id,
      publishedAt: answered.answeredAt,
    });
    expect(r.answerMinutes).toEqual([Math.floor(answered.answeredAt! / MINUTE) * MINUTE]);
    expect(r.moderation).toEqual({ abuse: 0, spam: 0, personal_info: 0 });
    expect(r.captureOutages).toEqual([
      { from: base + MINUTE, to: base + 2 * MINUTE, state: "reconnecting", message: "socket closed" },
    ]);
    expect([r.firstChatAt, r.lastChatAt]).toEqual([base + 1000, base + 3 * MINUTE + 500]);
    board.close();
  });

  it("reads held and moderation counts from the hub counters moderation increments", async () => {
    const { id } = await createBroadcast();
    await post(id, [[1, "a", "안녕하세요", Date.now()]]);
    await runInDurableObject(env.BROADCAST_HUB.getByName(id), (_hub, state) => {
      for (const [name, value] of [
        ["held", 6],
        ["held_abuse", 1],
        ["held_spam", 3],
        ["held_personal_info", 2],
      ] as const) {
        state.storage.sql.exec("INSERT INTO counters (name, value) VALUES (?, ?)", name, value);
      }
    });
    const r = await report(id);
    expect(r.totals.held).toBe(6);
    expect(r.moderation).toEqual({ abuse: 1, spam: 3, personal_info: 2 });
  });

  it("counts chatters exactly across eviction, and fills the set for a hub made before it", async () => {
    const { id } = await createBroadcast();
    const now = Date.now();
    await post(id, [
      [1, "가", "하이", now],
      [2, "나", "하이", now],
      [3, "가", "또 왔어요", now],
      [4, "", "익명", now],
    ]);
    const hub = env.BROADCAST_HUB.getByName(id);
    await evictDurableObject(hub);
    await post(id, [
      [5, "다", "하이", now],
      [6, "나", "하이", now],
    ]);
    expect((await report(id)).totals.uniqueChatters).toBe(3);

    await runInDurableObject(hub, (_hub, state) => {
      for (const table of ["report_chatters", "report_answers", "report_status_marks", "report_capture"])
        state.storage.sql.exec(`DROP TABLE ${table}`);
      state.storage.sql.exec("DELETE FROM meta WHERE key = 'report_schema_version'");
    });
    await evictDurableObject(hub);
    expect((await report(id)).totals.uniqueChatters).toBe(3);
  });

  it("answers 404 for an unknown broadcast and 401 without the admin token", async () => {
    expect((await api("/api/broadcasts/nope-report/report")).status).toBe(404);
    const { id } = await createBroadcast();
    expect((await api(`/api/broadcasts/${id}/report`, { token: null })).status).toBe(401);
    expect((await api(`/api/broadcasts/${id}/report.csv`, { token: "wrong" })).status).toBe(401);
  });
});

describe("report CSVs", () => {
  it("exports clusters (open first) and answers with a BOM, formula-safe, beside the chat export", {
    timeout: 20_000,
  }, async () => {
    const { id } = await seed("CSV 방송");
    await liveBoard(id);
    const r = await reportWithClusters(id, 3);
    const knit = r.clusters.find((c) => c.text.startsWith("니트 사이즈"))!;
    const published = await api(`/api/broadcasts/${id}/answers`, {
      method: "POST",
      body: JSON.stringify({ question: knit.text, answer: "+전 사이즈 있어요", clusterId: knit.id }),
    });
    expect(published.status).toBe(201);

    const res = await api(`/api/broadcasts/${id}/report.csv`);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`${id}-report.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe("id,question,count,firstAskedAt,status,answeredAt,timeToAnswerSec,answer,by,product");
    expect(lines.slice(1).map((l) => l.split(",")[4])).toEqual(["open", "open", "answered"]);
    expect(lines.some((l) => l.includes(",'=배송 언제 와요?,1,"))).toBe(true);
    expect(lines[3]).toContain(",'+전 사이즈 있어요,,라운드 울 니트");

    // Response.text() would drop the BOM: decode keeping it.
    const answerBytes = await (await api(`/api/broadcasts/${id}/answers.csv`)).arrayBuffer();
    const answers = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(answerBytes);
    expect(answers.startsWith("\uFEFFid,question,answer,publishedAt,by,status,clusterId,timeToAnswerSec\n")).toBe(true);
    expect(answers).toContain(`'+전 사이즈 있어요`);
    expect(answers).toContain(`,published,${knit.id},`);

    const chatsCsv = await (await api(`/api/broadcasts/${id}/chats.csv`)).text();
    expect(chatsCsv.trim().split("\n")).toHaveLength(6);
  });
});
