import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { intentsOf, SCAN_SPAN, WINDOW_PER_COLUMN } from "../../core/hub/window.ts";
import type { Intent } from "../../core/protocol/intent.ts";
import { api, chat, createBroadcast, openSocket, type TestSocket } from "./helpers.ts";

const TEXTS = ["사이즈 몇이에요?", "뒷모습 보여주세요", "와 예쁘다", "배송 언제 와요?", "링크 주세요", "대박"];
const TOTAL = 12_000;

type Chat = { seq: number; commentNo: number; intent: string };

async function fill(id: string, from: number, to: number): Promise<void> {
  for (let start = from; start <= to; start += 1000) {
    const chats = Array.from({ length: Math.min(1000, to - start + 1) }, (_, i) =>
      chat(start + i, TEXTS[(start + i) % TEXTS.length]),
    );
    const res = await api(`/api/broadcasts/${id}/chats`, {
      method: "POST",
      body: JSON.stringify({ type: "chats", chats }),
    });
    expect(res.status).toBe(200);
  }
}

/** A column's chats as the hub logged them, newest first: what the board must be able to reach. */
function columnInLog(id: string, column: Intent): Promise<number[]> {
  const intents = intentsOf(column);
  return runInDurableObject(env.BROADCAST_HUB.getByName(id), (_hub, state) =>
    state.storage.sql
      .exec<{ seq: number }>(
        `SELECT seq FROM chats WHERE intent IN (${intents.map(() => "?").join(",")}) ORDER BY seq DESC`,
        ...intents,
      )
      .toArray()
      .map((r) => r.seq),
  );
}

async function older(board: TestSocket, column: Intent, beforeSeq: number, limit: number) {
  const before = board.messages.length;
  board.send({ type: "older", column, beforeSeq, limit });
  await board.until((m) => m.slice(before).some((x) => x.type === "older-chats"));
  return board.messages.slice(before).find((x) => x.type === "older-chats") as unknown as {
    column: Intent;
    items: Chat[];
    next: number;
  };
}

const seqsOf = (items: Chat[], column: Intent) =>
  items.filter((c) => intentsOf(column).includes(c.intent as never)).map((c) => c.seq);

describe("a board that joins late", () => {
  it("starts from the newest chats of each column, with stats and clusters, not a replay of the log", async () => {
    const { id } = await createBroadcast();
    await fill(id, 1, TOTAL);
    const board = await openSocket(`/api/broadcasts/${id}/board`);
    board.send({ type: "hello", lastSeq: 0, recent: true });
    await board.until((m) => m.some((x) => x.type === "stats"));

    expect(board.chats()).toEqual([]);
    const windows = board.messages.filter((m) => m.type === "window");
    expect(windows).toHaveLength(1);
    const window = windows[0] as unknown as { items: Chat[]; lastSeq: number };
    expect(window.lastSeq).toBe(TOTAL);
    const seqs = window.items.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    for (const column of ["question", "request", "general"] as const) {
      const logged = await columnInLog(id, column);
      expect(seqsOf(window.items, column)).toEqual(logged.slice(0, WINDOW_PER_COLUMN).reverse());
    }
    expect(board.messages.some((m) => m.type === "clusters")).toBe(true);
    const stats = board.messages.find((m) => m.type === "stats") as unknown as {
      totals: { general: number; request: number; question: number };
    };
    expect(stats.totals.general + stats.totals.request + stats.totals.question).toBe(TOTAL);

    // Live from there: new chats arrive as usual, right after the window.
    await fill(id, TOTAL + 1, TOTAL + 10);
    await board.until(() => board.chats().length === 10);
    expect(board.chats().map((c) => c.seq)).toEqual(Array.from({ length: 10 }, (_, i) => TOTAL + 1 + i));
  });

  it("pages one column back to its first chat, each chat once, when the manager scrolls", async () => {
    const { id } = await createBroadcast();
    await fill(id, 1, TOTAL);
    const board = await openSocket(`/api/broadcasts/${id}/board`);
    board.send({ type: "hello", lastSeq: 0, recent: true });
    await board.until((m) => m.some((x) => x.type === "stats"));
    const window = board.messages.find((m) => m.type === "window") as unknown as { items: Chat[] };
    const shown = seqsOf(window.items, "request").reverse();

    let before = shown.at(-1)!;
    const paged: number[] = [];
    for (let pages = 0; before !== 0; pages++) {
      expect(pages).toBeLessThan(50);
      const page = await older(board, "request", before, 500);
      expect(page.column).toBe("request");
      expect(page.items.every((c) => c.seq < before && intentsOf("request").includes(c.intent as never))).toBe(true);
      paged.push(...page.items.map((c) => c.seq));
      before = page.next;
    }
    expect([...shown, ...paged]).toEqual(await columnInLog(id, "request"));
  });

  it("reads a bounded span per page, so a rare column costs pages, not a scan of the log", async () => {
    const { id } = await createBroadcast();
    await fill(id, 1, SCAN_SPAN + 5000);
    const board = await openSocket(`/api/broadcasts/${id}/board`);
    board.send({ type: "hello", lastSeq: 0, recent: true });
    await board.until((m) => m.some((x) => x.type === "stats"));
    const page = await older(board, "question", SCAN_SPAN + 5001, 500);
    // A full page stops at its 500th chat; the next starts below it.
    expect(page.items).toHaveLength(500);
    expect(page.next).toBe(page.items.at(-1)!.seq);
    const sparse = await older(board, "question", 3, 500);
    expect(sparse.next).toBe(0);
  });

  it("still replays exactly what was missed after a short disconnect", async () => {
    const { id } = await createBroadcast();
    await fill(id, 1, TOTAL);
    const first = await openSocket(`/api/broadcasts/${id}/board`);
    first.send({ type: "hello", lastSeq: 0, recent: true });
    await first.until((m) => m.some((x) => x.type === "stats"));
    first.close();
    await fill(id, TOTAL + 1, TOTAL + 700);
    const again = await openSocket(`/api/broadcasts/${id}/board`);
    again.send({ type: "hello", lastSeq: TOTAL, recent: true });
    await again.until((m) => m.some((x) => x.type === "stats"));
    expect(again.messages.some((m) => m.type === "window")).toBe(false);
    expect(again.chats().map((c) => c.seq)).toEqual(Array.from({ length: 700 }, (_, i) => TOTAL + 1 + i));
  });

  it("leaves chats moderation holds out of the window and the pages, as the live board does", async () => {
    const { id } = await createBroadcast();
    await fill(id, 1, TOTAL);
    const phone = "제 번호 010-1234-5678 이에요 연락주세요?";
    const res = await api(`/api/broadcasts/${id}/chats`, {
      method: "POST",
      body: JSON.stringify({ type: "chats", chats: [chat(TOTAL + 1, phone), chat(TOTAL + 2, "배송 언제 와요?")] }),
    });
    expect(res.status).toBe(200);
    const board = await openSocket(`/api/broadcasts/${id}/board`);
    board.send({ type: "hello", lastSeq: 0, recent: true });
    await board.until((m) => m.some((x) => x.type === "window"));
    const window = board.messages.find((m) => m.type === "window") as unknown as {
      items: (Chat & { message: string })[];
    };
    expect(window.items.at(-1)?.seq).toBe(TOTAL + 2);
    expect(window.items.map((c) => c.message)).not.toContain(phone);
    expect(window.items.map((c) => c.seq)).not.toContain(TOTAL + 1);
    for (const column of ["question", "request", "general"] as const) {
      const page = await older(board, column, TOTAL + 3, 50);
      expect(page.items.map((c) => c.seq)).not.toContain(TOTAL + 1);
    }
    board.close();
  });

  it("refuses a malformed older request with an error frame", async () => {
    const { id } = await createBroadcast();
    const board = await openSocket(`/api/broadcasts/${id}/board`);
    board.send({ type: "older", column: "spam", beforeSeq: 5 });
    board.send({ type: "older", column: "question", beforeSeq: 0 });
    await board.until((m) => m.filter((x) => x.type === "error").length === 2);
    const empty = await older(board, "question", 5, 10);
    expect(empty).toMatchObject({ items: [], next: 0 });
  });
});
