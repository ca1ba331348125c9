import { describe, expect, it } from "vitest";
import { api, chat, createBroadcast, openSocket, type TestSocket } from "./helpers.ts";

type Draft = {
  answer: string;
  abstained: boolean;
  sources: { id: string; kind: string }[];
  suggestions: { id: string; text: string }[];
};
type Cluster = { id: string; count: number; latest: string; status: string; draft: Draft | null };

async function post(id: string, messages: string[], first: number) {
  const res = await api(`/api/broadcasts/${id}/chats`, {
    method: "POST",
    body: JSON.stringify({ type: "chats", chats: messages.map((m, i) => chat(first + i, m)) }),
  });
  expect(res.status).toBe(200);
}

async function publish(id: string, question: string, answer: string, clusterId?: string) {
  const res = await api(`/api/broadcasts/${id}/answers`, {
    method: "POST",
    body: JSON.stringify({ question, answer, ...(clusterId ? { clusterId } : {}) }),
  });
  expect(res.status).toBe(201);
}

async function liveBoard(id: string): Promise<TestSocket> {
  const board = await openSocket(`/api/broadcasts/${id}/board`);
  board.send({ type: "hello", lastSeq: 0 });
  await board.until((m) => m.some((x) => x.type === "claims"));
  return board;
}

function clusterOf(board: TestSocket, latest: string): Cluster | undefined {
  let found: Cluster | undefined;
  for (const m of board.messages)
    if (m.type === "clusters")
      for (const c of m.items as Cluster[]) if (c.latest === latest || c.id === found?.id) found = c;
  return found;
}

const ANSWER = "오늘 주문하시면 내일 출발해요.";

describe("answer once, reuse for every repeat", () => {
  it("drafts a reworded repeat from the published answer and suggests it first", async () => {
    const { id } = await createBroadcast();
    await publish(id, "배송 언제 와요?", ANSWER);
    const res = await api(`/api/broadcasts/${id}/answers/draft`, {
      method: "POST",
      body: JSON.stringify({ question: "택배 언제 오나요??" }),
    });
    expect(res.status).toBe(200);
    const draft = (await res.json()) as Draft;
    expect(draft).toMatchObject({ answer: ANSWER, abstained: false, sources: [{ kind: "answer" }] });
    expect(draft.suggestions[0]?.text).toBe(ANSWER);

    const other = (await (
      await api(`/api/broadcasts/${id}/answers/draft`, {
        method: "POST",
        body: JSON.stringify({ question: "색상 뭐 있어요?" }),
      })
    ).json()) as Draft;
    expect(other.answer).not.toBe(ANSWER);
  });

  it("shows a published answer on an open cluster asking the same, and pre-drafts later repeats from it", {
    timeout: 20_000,
  }, async () => {
    const { id } = await createBroadcast();
    const board = await liveBoard(id);
    await post(id, ["배송 언제 와요?", "반품 되나요?"], 1);
    await board.until(
      () => clusterOf(board, "배송 언제 와요?") !== undefined && clusterOf(board, "반품 되나요?") !== undefined,
      4000,
    );
    await publish(id, "택배 언제 와요", ANSWER);
    await board.until(() => clusterOf(board, "배송 언제 와요?")?.draft?.answer === ANSWER, 4000);
    expect(clusterOf(board, "반품 되나요?")?.draft).toBeNull();

    // A new wording of an answered question, asked often enough to be pre-drafted by the ClusterDrafter.
    await publish(id, "배송비 얼마예요?", "3만원 이상 무료배송이에요.");
    await post(id, ["택배비 얼마에요", "배송비 얼마인가요", "배송료 얼마나 해요"], 10);
    await board.until(
      () => clusterOf(board, "배송료 얼마나 해요")?.draft?.answer === "3만원 이상 무료배송이에요.",
      10_000,
    );
  });
});
