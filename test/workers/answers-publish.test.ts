import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { PublishedAnswer, PublishedAnswerList, ViewerServerMessage } from "../../core/protocol/viewer.ts";
import { api, createBroadcast, openSocket } from "./helpers.ts";
import { clientOnShard, publish, TEST_SHARDS, viewer } from "./viewer-helpers.ts";

const QA = {
  question: "이 니트 사이즈 몇까지 나와요?",
  answer: "S부터 XL까지 네 가지 사이즈가 있어요.",
  sourceCommentNo: 41088326,
};

describe("publishing answers", () => {
  it("stores the pair in D1 as published knowledge and reaches a viewer on every shard", async () => {
    const { id } = await createBroadcast();
    const viewers = await Promise.all(
      Array.from({ length: TEST_SHARDS }, (_, shard) =>
        viewer(`/api/viewer/broadcasts/${id}`, { client: clientOnShard(shard) }),
      ),
    );

    const { status, body } = await publish(id, QA);
    expect(status).toBe(201);
    const answer = PublishedAnswer.parse(body.answer);
    expect(answer).toMatchObject({ broadcastId: id, ...QA, status: "published" });
    expect(body.relay).toEqual({ shards: TEST_SHARDS, failedShards: 0, viewers: TEST_SHARDS, retrying: false });

    const row = await env.DB.prepare(
      "SELECT question, answer, status, source_comment_no FROM published_answers WHERE id = ?",
    )
      .bind(answer.id)
      .first();
    expect(row).toEqual({
      question: QA.question,
      answer: QA.answer,
      status: "published",
      source_comment_no: QA.sourceCommentNo,
    });

    for (const v of viewers) {
      const messages = await v.until((m) => m.some((x) => x.type === "qa"));
      const qa = ViewerServerMessage.parse(messages.find((x) => x.type === "qa"));
      expect(qa).toEqual({ type: "qa", id: answer.id, question: QA.question, answer: QA.answer, at: answer.updatedAt });
    }
    for (let shard = 0; shard < TEST_SHARDS; shard++) {
      expect(await env.VIEWER_FANOUT.getByName(`${id}:${shard}`).stats()).toMatchObject({ pairs: 1 });
    }
  });

  it("re-sends an edit with the same id, and takes an unpublished answer down everywhere", async () => {
    const { id } = await createBroadcast();
    const v = await viewer(`/api/viewer/broadcasts/${id}`);
    const { body } = await publish(id, QA);
    const answerId = body.answer.id as string;

    const edited = await api(`/api/broadcasts/${id}/answers/${answerId}`, {
      method: "PATCH",
      body: JSON.stringify({ answer: "S, M, L, XL 네 가지예요." }),
    });
    expect(edited.status).toBe(200);
    const editedAnswer = PublishedAnswer.parse(((await edited.json()) as { answer: unknown }).answer);
    expect(editedAnswer).toMatchObject({ id: answerId, question: QA.question, answer: "S, M, L, XL 네 가지예요." });
    await v.until((m) => m.filter((x) => x.type === "qa").length === 2);
    const last = v.messages.filter((x) => x.type === "qa").at(-1);
    expect(last).toMatchObject({ id: answerId, answer: "S, M, L, XL 네 가지예요.", at: editedAnswer.updatedAt });

    const removed = await api(`/api/broadcasts/${id}/answers/${answerId}`, { method: "DELETE" });
    expect(removed.status).toBe(200);
    await v.until((m) => m.some((x) => x.type === "unpublish" && x.id === answerId));
    for (let shard = 0; shard < TEST_SHARDS; shard++) {
      expect(await env.VIEWER_FANOUT.getByName(`${id}:${shard}`).stats()).toMatchObject({ pairs: 0 });
    }
    const row = await env.DB.prepare("SELECT status FROM published_answers WHERE id = ?").bind(answerId).first();
    expect(row).toEqual({ status: "unpublished" });

    const again = await api(`/api/broadcasts/${id}/answers/${answerId}`, {
      method: "PATCH",
      body: JSON.stringify({ answer: "다시" }),
    });
    expect(again.status).toBe(409);
  });

  it("lists answers newest first, filtered by status", async () => {
    const { id } = await createBroadcast();
    const first = (await publish(id, { question: "배송 언제 와요?", answer: "오늘 주문하면 내일 출발해요." })).body
      .answer.id;
    const second = (
      await publish(id, { question: "쿠폰 어디서 받아요?", answer: "화면 아래 쿠폰 버튼에서 받을 수 있어요." })
    ).body.answer.id;
    await api(`/api/broadcasts/${id}/answers/${first}`, { method: "DELETE" });

    const all = PublishedAnswerList.parse(await (await api(`/api/broadcasts/${id}/answers`)).json());
    expect(all.answers.map((a) => a.id)).toEqual([first, second]);
    const published = PublishedAnswerList.parse(
      await (await api(`/api/broadcasts/${id}/answers?status=published`)).json(),
    );
    expect(published.answers.map((a) => a.id)).toEqual([second]);
  });

  it("tells every manager board about a publish and an unpublish", async () => {
    const { id } = await createBroadcast();
    const board = await openSocket(`/api/broadcasts/${id}/board`);
    await board.until((m) => m.some((x) => x.type === "welcome"));
    const answerId = (await publish(id, QA)).body.answer.id;
    await board.until((m) => m.some((x) => x.type === "answer-published"));
    expect(board.messages.find((x) => x.type === "answer-published")).toMatchObject({
      answer: { id: answerId, question: QA.question, answer: QA.answer },
    });
    await api(`/api/broadcasts/${id}/answers/${answerId}`, { method: "DELETE" });
    await board.until((m) => m.some((x) => x.type === "answer-unpublished" && x.id === answerId));
  });

  it("refuses anyone but managers, invalid bodies, unknown broadcasts and unknown answers", async () => {
    const { id, ingestToken } = await createBroadcast();
    const post = (body: unknown, token?: string | null) =>
      api(`/api/broadcasts/${id}/answers`, {
        method: "POST",
        body: JSON.stringify(body),
        ...(token !== undefined ? { token } : {}),
      });
    expect((await post(QA, null)).status).toBe(401);
    expect((await post(QA, ingestToken)).status).toBe(401);
    expect((await api(`/api/broadcasts/${id}/answers`, { token: null })).status).toBe(401);

    const empty = await post({ question: "  ", answer: "네" });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: "invalid_request" } });
    expect((await post({ question: "질문", answer: "x".repeat(1001) })).status).toBe(400);
    expect((await post({ question: "질문" })).status).toBe(400);

    const nowhere = await api(`/api/broadcasts/no-such-broadcast/answers`, {
      method: "POST",
      body: JSON.stringify(QA),
    });
    expect(nowhere.status).toBe(404);
    expect((await api(`/api/broadcasts/${id}/answers/a-missing`, { method: "DELETE" })).status).toBe(404);
    expect((await api(`/api/broadcasts/${id}/answers/a-missing`, { method: "PATCH", body: "{}" })).status).toBe(400);
  });
});
