import { describe, expect, it } from "vitest";
import { RevealedChat } from "../../core/protocol/index.ts";
import { addMember } from "./auth-helpers.ts";
import { api, chat, createBroadcast, openSocket, type TestSocket } from "./helpers.ts";

type Held = { seq: number; message: string; category: string; reasons: string[]; state: string; nickname: string };
type Chat = { seq: number; message: string };

async function post(id: string, messages: string[], first: number, nickname?: (i: number) => string) {
  const chats = messages.map((m, i) => ({ ...chat(first + i, m), ...(nickname ? { nickname: nickname(i) } : {}) }));
  const res = await api(`/api/broadcasts/${id}/chats`, {
    method: "POST",
    body: JSON.stringify({ type: "chats", chats }),
  });
  expect(res.status).toBe(200);
}

async function liveBoard(id: string, token?: string): Promise<TestSocket> {
  const board = await openSocket(`/api/broadcasts/${id}/board`, token);
  board.send({ type: "hello", lastSeq: 0 });
  await board.until((m) => m.some((x) => x.type === "moderation-settings"));
  return board;
}

const heldOf = (board: TestSocket): Held[] =>
  board.messages.filter((m) => m.type === "held").flatMap((m) => m.items as Held[]);
const chatsOf = (board: TestSocket): Chat[] =>
  board.messages.filter((m) => m.type === "chats").flatMap((m) => m.items as Chat[]);

const PII = "제 번호 010-1234-5678 이에요 당첨되면 연락주세요";
const SPAM = "하루 30분 부업 bit.ly/3xYz9 수익 보장";
const QUESTION = "블랙 사이즈 몇까지 나와요?";

describe("moderation in the hub", () => {
  it("holds abuse, spam and personal information out of the columns and clusters, masked, with reasons", async () => {
    const { id } = await createBroadcast();
    const board = await liveBoard(id);
    await post(id, [QUESTION, PII, SPAM, "와 미쳤다 이 가격 실화냐"], 1);
    await board.until(() => heldOf(board).length === 2 && chatsOf(board).length === 2);
    const held = heldOf(board);
    expect(held.map((h) => [h.category, h.reasons[0], h.state])).toEqual([
      ["personal_info", "rule:phone", "held"],
      ["spam", "rule:link", "held"],
    ]);
    expect(held[0]!.message).not.toContain("1234");
    expect(held[0]!.message).toContain("제 번호");
    expect(chatsOf(board).map((c) => c.message)).toEqual([QUESTION, "와 미쳤다 이 가격 실화냐"]);
    await board.until((m) =>
      m.some((x) => x.type === "clusters" && (x.items as { latest: string }[]).some((c) => c.latest === QUESTION)),
    );
    const clusterTexts = board.messages
      .filter((m) => m.type === "clusters")
      .flatMap((m) => (m.items as { latest: string }[]).map((c) => c.latest));
    expect(clusterTexts).not.toContain(PII);

    // A board that joins later gets the waiting queue, and the replay leaves held chats out.
    const late = await liveBoard(id);
    expect(heldOf(late).map((h) => h.category)).toEqual(["personal_info", "spam"]);
    expect(chatsOf(late).map((c) => c.message)).toEqual([QUESTION, "와 미쳤다 이 가격 실화냐"]);
    board.close();
    late.close();
  });

  it("lets members with moderation.act allow or deny, live to every board; others are refused", async () => {
    const { id } = await createBroadcast();
    const moderator = await addMember("moderator", { name: "모더 민지" });
    const analyst = await addMember("analyst");
    const mod = await liveBoard(id, moderator.token);
    const watcher = await liveBoard(id, analyst.token);
    await post(id, [PII, SPAM], 1);
    await watcher.until(() => heldOf(watcher).length === 2);
    const [pii, spam] = heldOf(watcher);

    watcher.send({ type: "moderate", seq: spam!.seq, decision: "allow" });
    await watcher.until((m) => m.some((x) => x.type === "error" && x.code === "forbidden"));

    mod.send({ type: "moderate", seq: pii!.seq, decision: "allow" });
    mod.send({ type: "moderate", seq: spam!.seq, decision: "deny" });
    await watcher.until((m) => m.filter((x) => x.type === "moderation-decision").length === 2);
    const decisions = watcher.messages.filter((m) => m.type === "moderation-decision");
    expect(decisions.map((d) => [d.seq, d.decision, d.by])).toEqual([
      [pii!.seq, "allow", "모더 민지"],
      [spam!.seq, "deny", "모더 민지"],
    ]);
    // The allowed chat joins its column, still masked; the denied one never shows.
    await watcher.until(() => chatsOf(watcher).some((c) => c.seq === pii!.seq));
    expect(chatsOf(watcher).find((c) => c.seq === pii!.seq)!.message).not.toContain("5678");
    expect(chatsOf(watcher).some((c) => c.seq === spam!.seq)).toBe(false);

    mod.send({ type: "moderate", seq: spam!.seq, decision: "allow" });
    await mod.until((m) => m.some((x) => x.type === "error" && x.code === "not_held"));

    // Export: the denied chat is left out, the allowed one is masked.
    const csv = await (await api(`/api/broadcasts/${id}/chats.csv`)).text();
    expect(csv).not.toContain("bit.ly");
    expect(csv).not.toContain("1234-5678");
    expect(csv).toContain("제 번호");

    const report = (await (await api(`/api/broadcasts/${id}/report`)).json()) as {
      totals: { held: number };
      moderation: Record<string, number>;
    };
    expect(report.totals.held).toBe(2);
    expect(report.moderation).toEqual({ abuse: 0, spam: 1, personal_info: 1 });
    mod.close();
    watcher.close();
  });

  it("reveals masked text only to members with moderation.act, and records it in the audit log", async () => {
    const { id } = await createBroadcast();
    const board = await liveBoard(id);
    await post(id, [PII], 1);
    await board.until(() => heldOf(board).length === 1);
    const seq = heldOf(board)[0]!.seq;
    const analyst = await addMember("analyst");
    expect(
      (await api(`/api/broadcasts/${id}/chats/${seq}/reveal`, { method: "POST", token: analyst.token })).status,
    ).toBe(403);
    const moderator = await addMember("moderator");
    const res = await api(`/api/broadcasts/${id}/chats/${seq}/reveal`, { method: "POST", token: moderator.token });
    expect(res.status).toBe(200);
    expect(RevealedChat.parse(await res.json()).message).toBe(PII);
    const audit = (await (await api(`/api/audit?broadcastId=${id}&limit=10`)).json()) as {
      items: { action: string; target: string }[];
    };
    expect(audit.items.some((i) => i.action === "moderation.reveal" && i.target === String(seq))).toBe(true);
    expect(
      (await api(`/api/broadcasts/${id}/chats/9999/reveal`, { method: "POST", token: moderator.token })).status,
    ).toBe(404);
    board.close();
  });

  it("applies rules a manager edits live, refuses them from a moderator, and answers nickname lookups", async () => {
    const { id } = await createBroadcast();
    const manager = await addMember("manager");
    const moderator = await addMember("moderator");
    const boardM = await liveBoard(id, manager.token);
    const boardMod = await liveBoard(id, moderator.token);
    boardMod.send({ type: "moderation-settings", settings: { blockedWords: ["경쟁사"] } });
    await boardMod.until((m) => m.some((x) => x.type === "error" && x.code === "forbidden"));
    boardM.send({ type: "moderation-settings", settings: { blockedWords: ["경쟁사"], sensitivity: 3 } });
    await boardMod.until((m) => m.filter((x) => x.type === "moderation-settings").length === 2);
    const settings = boardMod.messages.filter((m) => m.type === "moderation-settings").at(-1)!.settings as {
      blockedWords: string[];
      sensitivity: number;
    };
    expect(settings).toMatchObject({ blockedWords: ["경쟁사"], sensitivity: 3 });
    boardM.send({ type: "moderation-settings", settings: { sensitivity: 9 } });
    await boardM.until((m) => m.some((x) => x.type === "error" && x.code === "invalid_settings"));

    await post(id, ["경 쟁 사 몰이 더 싸요", "예뻐요", PII, SPAM], 1, () => "반복이");
    await boardM.until(() => heldOf(boardM).length === 3);
    expect(heldOf(boardM)[0]!.reasons).toEqual(["rule:blocked_word"]);
    boardM.send({ type: "nickname", nickname: "반복이" });
    await boardM.until((m) => m.some((x) => x.type === "nickname"));
    const info = boardM.messages.find((m) => m.type === "nickname")!;
    expect(info).toMatchObject({ nickname: "반복이", held: 3, repeatOffender: true });
    expect((info.chats as { message: string }[]).map((c) => c.message).join(" ")).not.toContain("1234-5678");
    boardM.close();
    boardMod.close();
  });
});
