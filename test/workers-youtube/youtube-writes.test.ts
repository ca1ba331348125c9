import { afterEach, describe, expect, it } from "vitest";
import { addMember } from "../workers/auth-helpers.ts";
import { expectAnswer } from "../workers/api-shapes.ts";
import { api } from "../workers/helpers.ts";
import {
  addFaults,
  addMessages,
  capturedBroadcast,
  chatLog,
  liveVideo,
  oauthState,
  visibleChats,
  waitFor,
  WAIT_MS,
} from "./youtube-helpers.ts";

async function publish(id: string, answer: string, token?: string): Promise<string> {
  const res = await api(`/api/broadcasts/${id}/answers`, {
    method: "POST",
    body: JSON.stringify({ question: "배송 언제 와요?", answer }),
    ...(token ? { token } : {}),
  });
  if (res.status !== 201) throw new Error(`publish: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { answer: { id: string } }).answer.id;
}

function postToYouTube(id: string, answerId: string, token?: string) {
  return api(`/api/broadcasts/${id}/answers/${answerId}/youtube`, { method: "POST", ...(token ? { token } : {}) });
}

async function auditActions(id: string): Promise<string[]> {
  const res = await api(`/api/audit?broadcastId=${id}&limit=50`);
  return ((await res.json()) as { items: { action: string }[] }).items.map((i) => i.action);
}

/** A captured YouTube broadcast with chats on the board. */
async function liveWithChats() {
  const { videoId, liveChatId } = await liveVideo({ pollingIntervalMillis: 100 });
  const messages = [
    { id: `${videoId}-c1`, text: "배송 언제 와요?", author: "민지", channelId: "UC-minji" },
    { id: `${videoId}-c2`, text: "광고 링크 클릭", author: "스팸", channelId: "UC-spam" },
  ];
  await addMessages(liveChatId, messages);
  const { id, board } = await capturedBroadcast(videoId);
  await board.until(() => board.chats().length >= messages.length, WAIT_MS);
  return { id, board, liveChatId, spamId: messages[1]!.id };
}

afterEach(async () => {
  await oauthState({ revoked: false, expiresIn: 3600 });
});

describe("answers into the YouTube chat", () => {
  it("posts a published answer, tells boards it was posted, audits it, and does not show it as a viewer chat", async () => {
    const { id, board, liveChatId } = await liveWithChats();
    const answerId = await publish(id, "오늘 주문하시면 내일 출발해요.");
    const res = await postToYouTube(id, answerId);
    expect(res.status).toBe(200);
    // Parsed with the schema the dashboard reads it with (test/workers/api-shapes.ts).
    expect(await expectAnswer("POST /api/broadcasts/:id/answers/:answerId/youtube", res)).toMatchObject({
      posted: true,
      text: "오늘 주문하시면 내일 출발해요.",
      cut: "",
    });
    expect((await chatLog(liveChatId)).inserted.map((i) => i.text)).toEqual(["오늘 주문하시면 내일 출발해요."]);
    await board.until((ms) => ms.some((m) => m.type === "answer-posted"));
    expect(board.messages.find((m) => m.type === "answer-posted")).toMatchObject({ id: answerId, posted: true });
    expect(await auditActions(id)).toContain("answer.youtube-post");
    // The capture reads its own post back from the chat and leaves it out.
    const calls = (await chatLog(liveChatId)).listCalls.length;
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 50 && (await chatLog(liveChatId)).listCalls.length < calls + 2; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(board.chats().map((c) => c.message)).toEqual(["배송 언제 와요?", "광고 링크 클릭"]);
    board.close();
  });

  it("cuts an answer to 200 characters and answers what was cut", async () => {
    const { id, board, liveChatId } = await liveWithChats();
    const long = `${"가나다라마바사아자차".repeat(20)}카타파하`;
    const answerId = await publish(id, long);
    const body = (await (await postToYouTube(id, answerId)).json()) as { text: string; cut: string };
    expect(Array.from(body.text)).toHaveLength(200);
    expect(body.text.endsWith("…")).toBe(true);
    expect(body.text.slice(0, -1) + body.cut).toBe(long);
    expect((await chatLog(liveChatId)).inserted.at(-1)!.text).toBe(body.text);
    board.close();
  });

  it("refreshes the access token before it expires and reuses it while it is fresh", async () => {
    const { id, board } = await liveWithChats();
    const answerId = await publish(id, "네 가능합니다.");
    const start = (await oauthState()).tokenRequests;
    expect((await postToYouTube(id, answerId)).status).toBe(200);
    expect((await postToYouTube(id, answerId)).status).toBe(200);
    // One exchange for two posts: the stored token is fresh for an hour.
    expect((await oauthState()).tokenRequests - start).toBe(1);
    board.close();
  });

  it("renews a token once less than 5 minutes of it remain, before YouTube would refuse it", async () => {
    await oauthState({ expiresIn: 301 });
    const { id, board } = await liveWithChats();
    const answerId = await publish(id, "네 가능합니다.");
    const start = await oauthState();
    expect((await postToYouTube(id, answerId)).status).toBe(200);
    expect((await postToYouTube(id, answerId)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1200));
    expect((await postToYouTube(id, answerId)).status).toBe(200);
    const after = await oauthState();
    // The first token was fresh for 1 s (301 s minus the 5-minute margin): reused once, then renewed.
    expect(after.tokenRequests - start.tokenRequests).toBe(2);
    expect(after.expiredRefusals).toBe(start.expiredRefusals);
    board.close();
  });

  it("replaces an access token YouTube refuses before its time, once, and posts", async () => {
    const { id, board, liveChatId } = await liveWithChats();
    const answerId = await publish(id, "네, 있어요.");
    expect((await postToYouTube(id, answerId)).status).toBe(200);
    const before = (await oauthState({ dropAccessTokens: true })).tokenRequests;
    expect((await postToYouTube(id, answerId)).status).toBe(200);
    expect((await oauthState()).tokenRequests - before).toBe(1);
    expect((await chatLog(liveChatId)).inserted).toHaveLength(2);
    board.close();
  });

  it("says the refresh token is expired or revoked, and boards see the answer was not posted", async () => {
    const { id, board, liveChatId } = await liveWithChats();
    const answerId = await publish(id, "네.");
    // This broadcast's capture holds no access token yet: the exchange is needed, and refused.
    await oauthState({ revoked: true });
    const res = await postToYouTube(id, answerId);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "oauth_refresh_failed",
    });
    await board.until((ms) => ms.some((m) => m.type === "answer-posted" && m.posted === false));
    expect((await chatLog(liveChatId)).inserted).toEqual([]);
    board.close();
  });

  it("reports YouTube's refusal of a post (the chat ended)", async () => {
    const { id, board, liveChatId } = await liveWithChats();
    const answerId = await publish(id, "네.");
    await addFaults([{ op: "insert", status: 403, reason: "liveChatEnded", target: liveChatId }]);
    const res = await postToYouTube(id, answerId);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("youtube_ended");
    board.close();
  });
});

describe("moderation on YouTube", () => {
  it("deletes a chat in YouTube, hides it on boards and audits it", async () => {
    const { id, board, liveChatId, spamId } = await liveWithChats();
    const moderator = await addMember("moderator");
    const spam = board.chats().find((c) => c.message === "광고 링크 클릭")!;
    const res = await api(`/api/broadcasts/${id}/youtube/chats/${spam.commentNo}/delete`, {
      method: "POST",
      token: moderator.token,
    });
    expect(await expectAnswer("POST /api/broadcasts/:id/youtube/chats/:commentNo/delete", res)).toEqual({
      deleted: true,
      commentNo: spam.commentNo,
    });
    expect((await chatLog(liveChatId)).deleted).toEqual([spamId]);
    await board.until((ms) => ms.some((m) => m.type === "chats-hidden"));
    expect(visibleChats(board).map((c) => c.message)).toEqual(["배송 언제 와요?"]);
    expect(await auditActions(id)).toContain("moderation.youtube-delete");
    board.close();
  });

  it("deletes a held chat in YouTube when a moderator denies it on the board, and audits it", async () => {
    const { videoId, liveChatId } = await liveVideo({ pollingIntervalMillis: 100 });
    const phoneId = `${videoId}-pii`;
    await addMessages(liveChatId, [
      { id: `${videoId}-ok`, text: "사이즈 몇까지 나와요?", author: "민지", channelId: "UC-minji" },
      { id: phoneId, text: "이벤트 당첨되면 010-1234-5678 로 연락주세요", author: "지훈", channelId: "UC-jihoon" },
    ]);
    const { id, board } = await capturedBroadcast(videoId);
    type Held = { type: "held"; items: { seq: number; message: string }[] };
    const heldItems = () =>
      board.messages.filter((m) => m.type === "held").flatMap((m) => (m as unknown as Held).items);
    await board.until(() => heldItems().length > 0, WAIT_MS);
    const held = heldItems()[0]!;
    expect(held.message).not.toContain("1234-5678");
    board.send({ type: "moderate", seq: held.seq, decision: "deny" });
    await board.until((ms) => ms.some((m) => m.type === "moderation-decision"));
    await waitFor(async () => (await chatLog(liveChatId)).deleted.includes(phoneId));
    expect((await chatLog(liveChatId)).deleted).toEqual([phoneId]);
    await waitFor(async () => (await auditActions(id)).includes("moderation.youtube-delete"));
    board.close();
  });

  it("times out a chat's author temporarily and audits it", async () => {
    const { id, board, liveChatId } = await liveWithChats();
    const moderator = await addMember("moderator");
    const spam = board.chats().find((c) => c.message === "광고 링크 클릭")!;
    const res = await api(`/api/broadcasts/${id}/youtube/chats/${spam.commentNo}/timeout`, {
      method: "POST",
      token: moderator.token,
      body: JSON.stringify({ seconds: 600 }),
    });
    expect(await expectAnswer("POST /api/broadcasts/:id/youtube/chats/:commentNo/timeout", res)).toEqual({
      timedOut: true,
      commentNo: spam.commentNo,
      seconds: 600,
    });
    expect((await chatLog(liveChatId)).bans).toEqual([
      { channelId: "UC-spam", type: "temporary", banDurationSeconds: 600 },
    ]);
    expect(await auditActions(id)).toContain("moderation.youtube-timeout");
    expect(
      (
        await api(`/api/broadcasts/${id}/youtube/chats/${spam.commentNo}/timeout`, {
          method: "POST",
          body: JSON.stringify({ seconds: 999_999 }),
        })
      ).status,
    ).toBe(400);
    expect(
      (await api(`/api/broadcasts/${id}/youtube/chats/999999/timeout`, { method: "POST", body: JSON.stringify({}) }))
        .status,
    ).toBe(404);
    board.close();
  });

  it("lets only the right roles post, moderate and run the capture", async () => {
    const { id, board, liveChatId } = await liveWithChats();
    const [manager, moderator, analyst] = [
      await addMember("manager"),
      await addMember("moderator"),
      await addMember("analyst"),
    ];
    const chat = board.chats()[0]!;
    const answerId = await publish(id, "네.");
    expect((await postToYouTube(id, answerId, analyst.token)).status).toBe(403);
    expect((await postToYouTube(id, answerId, moderator.token)).status).toBe(403);
    expect((await postToYouTube(id, answerId, manager.token)).status).toBe(200);
    // Moderation is for moderators, managers and the owner (core/auth/roles.ts); an analyst only reads.
    for (const token of [analyst.token]) {
      expect(
        (await api(`/api/broadcasts/${id}/youtube/chats/${chat.commentNo}/delete`, { method: "POST", token })).status,
      ).toBe(403);
      expect(
        (
          await api(`/api/broadcasts/${id}/youtube/chats/${chat.commentNo}/timeout`, {
            method: "POST",
            token,
            body: "{}",
          })
        ).status,
      ).toBe(403);
    }
    for (const token of [moderator.token, analyst.token]) {
      expect(
        (
          await api(`/api/broadcasts/${id}/capture`, {
            method: "POST",
            token,
            body: JSON.stringify({ kind: "youtube" }),
          })
        ).status,
      ).toBe(403);
      expect((await api(`/api/broadcasts/${id}/capture`, { method: "DELETE", token })).status).toBe(403);
    }
    expect((await api(`/api/broadcasts/${id}/capture`, { method: "DELETE", token: manager.token })).status).toBe(200);
    expect((await chatLog(liveChatId)).deleted).toEqual([]);
    board.close();
  });

  it("refuses YouTube writes on a broadcast whose capture never found a chat", async () => {
    const { id } = (await (
      await api("/api/broadcasts", {
        method: "POST",
        body: JSON.stringify({ title: "t", source: "youtube", youtubeVideoId: "https://youtu.be/abcdefghijk" }),
      })
    ).json()) as { id: string };
    const answerId = await publish(id, "네.");
    const res = await postToYouTube(id, answerId);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("youtube_not_live");
    const bad = await api("/api/broadcasts", {
      method: "POST",
      body: JSON.stringify({
        title: "t",
        source: "youtube",
        youtubeVideoId: "https://evil.example/watch?v=abcdefghijk",
      }),
    });
    expect(bad.status).toBe(400);
    expect(
      (await api("/api/broadcasts", { method: "POST", body: JSON.stringify({ title: "t", source: "youtube" }) }))
        .status,
    ).toBe(400);
  });
});
