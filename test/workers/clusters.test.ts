import { evictDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, chat, createBroadcast, openSocket, type TestSocket } from "./helpers.ts";

type Cluster = {
  id: string;
  count: number;
  latest: string;
  status: string;
  draft: { answer: string; abstained: boolean } | null;
};

async function post(id: string, messages: string[], first: number) {
  const res = await api(`/api/broadcasts/${id}/chats`, {
    method: "POST",
    body: JSON.stringify({ type: "chats", chats: messages.map((m, i) => chat(first + i, m)) }),
  });
  expect(res.status).toBe(200);
}

async function liveBoard(id: string): Promise<TestSocket> {
  const board = await openSocket(`/api/broadcasts/${id}/board`);
  board.send({ type: "hello", lastSeq: 0 });
  await board.until((m) => m.some((x) => x.type === "claims"));
  return board;
}

/** The latest view of every cluster the board was told about. */
function clusters(board: TestSocket): Map<string, Cluster> {
  const byId = new Map<string, Cluster>();
  for (const m of board.messages) if (m.type === "clusters") for (const c of m.items as Cluster[]) byId.set(c.id, c);
  return byId;
}

function clusterOf(board: TestSocket, latest: string): Cluster | undefined {
  return [...clusters(board).values()].find((c) => c.latest === latest);
}

describe("question clusters", () => {
  it("groups reworded questions live and keeps other intents out", async () => {
    const { id } = await createBroadcast();
    const board = await liveBoard(id);
    await post(
      id,
      ["사이즈 몇이에요?", "배송 언제 와요?", "사이즈 몇 나와요?", "와 예쁘다 ㅋㅋ", "사이즈 몇까지 나와요??"],
      1,
    );
    await board.until(() => clusterOf(board, "사이즈 몇까지 나와요??")?.count === 3, 4000);
    const all = [...clusters(board).values()];
    expect(all.map((c) => c.count).sort()).toEqual([1, 3]);
    expect(all.find((c) => c.count === 1)?.latest).toBe("배송 언제 와요?");
  });

  it("drafts an answer for a busy cluster before anyone asks for one", { timeout: 15_000 }, async () => {
    const { id } = await createBroadcast();
    const patched = await api(`/api/broadcasts/${id}/knowledge`, {
      method: "PATCH",
      body: JSON.stringify({ notes: ["배송은 주문 후 이틀 안에 출발해요", "무료 배송입니다"] }),
    });
    expect(patched.status).toBe(200);
    const board = await liveBoard(id);
    await post(id, ["배송 언제 와요?", "배송 언제 와요", "배송은 언제 와요??"], 1);
    await board.until(() => [...clusters(board).values()].some((c) => c.draft !== null), 8000);
    const drafted = [...clusters(board).values()].find((c) => c.draft);
    expect(drafted?.count).toBe(3);
    expect(drafted?.draft?.abstained).toBe(false);
    expect(drafted?.draft?.answer).toContain("이틀");
  });

  it("shares a manager's dismissal and claims with every board", async () => {
    const { id } = await createBroadcast();
    const a = await liveBoard(id);
    const b = await liveBoard(id);
    await post(id, ["쿠폰 어디서 받아요?"], 1);
    await b.until(() => clusterOf(b, "쿠폰 어디서 받아요?") !== undefined);
    const cluster = clusterOf(b, "쿠폰 어디서 받아요?")!;

    a.send({ type: "claim", clusterId: cluster.id, manager: "민지" });
    await b.until((m) => m.some((x) => x.type === "claims" && (x.items as unknown[]).length === 1));
    a.send({ type: "cluster-status", id: cluster.id, status: "dismissed" });
    await b.until(() => clusterOf(b, "쿠폰 어디서 받아요?")?.status === "dismissed");

    a.close();
    await b.until(
      (m) =>
        Array.isArray(m.filter((x) => x.type === "claims").at(-1)?.items) &&
        (m.filter((x) => x.type === "claims").at(-1)!.items as unknown[]).length === 0,
    );
    b.send({ type: "cluster-status", id: "c999", status: "answered" });
    await b.until((m) => m.some((x) => x.type === "error" && x.code === "unknown_cluster"));
  });

  it("marks a cluster answered for every board when its answer is published", async () => {
    const { id } = await createBroadcast();
    const board = await liveBoard(id);
    await post(id, ["환불 되나요?", "환불 돼요?"], 1);
    await board.until(() => clusterOf(board, "환불 돼요?")?.count === 2);
    const cluster = clusterOf(board, "환불 돼요?")!;
    expect(cluster.status).toBe("open");

    const res = await api(`/api/broadcasts/${id}/answers`, {
      method: "POST",
      body: JSON.stringify({ question: cluster.latest, answer: "수령 후 7일 안에 환불됩니다.", clusterId: cluster.id }),
    });
    expect(res.status).toBe(201);
    await board.until(() => clusterOf(board, "환불 돼요?")?.status === "answered");
    const unknown = await api(`/api/broadcasts/${id}/answers`, {
      method: "POST",
      body: JSON.stringify({ question: "다른 질문", answer: "답", clusterId: "c999" }),
    });
    expect(unknown.status).toBe(201);
  });

  it("keeps clusters across eviction", async () => {
    const { id } = await createBroadcast();
    await post(id, ["색상 뭐 있어요?", "색상 뭐 있나요"], 1);
    const first = await liveBoard(id);
    const before = clusterOf(first, "색상 뭐 있나요")!;
    expect(before.count).toBe(2);
    first.close();
    await evictDurableObject(env.BROADCAST_HUB.getByName(id));
    await post(id, ["색상 뭐 있어요??"], 3);
    const board = await liveBoard(id);
    expect(clusterOf(board, "색상 뭐 있어요??")).toMatchObject({ id: before.id, count: 3 });
  });
});
