import { describe, expect, it } from "vitest";
import type { BoardChat, BoardIntent } from "../../core/protocol/index.ts";
import {
  applyChats,
  applyFrames,
  applyIntents,
  applyResync,
  applyStats,
  displayCounts,
  emptyBoard,
  isUncertain,
  lastMinuteRate,
} from "./board-state.ts";

function chat(seq: number, intent: BoardIntent = "general", confidence = 0.9): BoardChat {
  return {
    seq,
    commentNo: 1000 + seq,
    nickname: `n${seq}`,
    message: `m${seq}`,
    intent,
    confidence,
    at: 1_700_000_000_000 + seq,
  };
}

const seqs = (items: readonly BoardChat[]) => items.map((c) => c.seq);

describe("board state", () => {
  it("puts chats in their intent's column, newest first", () => {
    const s = applyChats(emptyBoard(), [chat(1, "question"), chat(2, "request"), chat(3, "question"), chat(4)]);
    expect(seqs(s.columns.question)).toEqual([3, 1]);
    expect(seqs(s.columns.request)).toEqual([2]);
    expect(seqs(s.columns.general)).toEqual([4]);
    expect(s.lastSeq).toBe(4);
  });

  it("ignores chats at or below lastSeq, so a replay after reconnect adds nothing twice", () => {
    const first = applyChats(emptyBoard(), [chat(1), chat(2), chat(3)]);
    const replayed = applyChats(first, [chat(2), chat(3), chat(4)]);
    expect(seqs(replayed.columns.general)).toEqual([4, 3, 2, 1]);
    expect(replayed.local.general).toBe(4);
  });

  it("returns the same object when a frame holds only duplicates", () => {
    const s = applyChats(emptyBoard(), [chat(1), chat(2)]);
    expect(applyChats(s, [chat(1), chat(2)])).toBe(s);
    expect(applyFrames(s, [])).toBe(s);
  });

  it("leaves untouched columns as the same arrays so their rows need no re-render", () => {
    const s = applyChats(emptyBoard(), [chat(1, "question"), chat(2, "request")]);
    const next = applyChats(s, [chat(3, "question")]);
    expect(next.columns.request).toBe(s.columns.request);
    expect(next.columns.question).not.toBe(s.columns.question);
  });

  it("keeps at most `limit` items per column but counts every chat", () => {
    let s = emptyBoard();
    for (let seq = 1; seq <= 25; seq += 5) {
      s = applyChats(
        s,
        [1, 2, 3, 4, 5].map((i) => chat(seq + i - 1, "question")),
        7,
      );
    }
    expect(seqs(s.columns.question)).toEqual([25, 24, 23, 22, 21, 20, 19]);
    expect(s.local.question).toBe(25);
  });

  it("bounds a single frame larger than the limit", () => {
    const items = Array.from({ length: 20 }, (_, i) => chat(i + 1, "request"));
    const s = applyChats(emptyBoard(), items, 5);
    expect(seqs(s.columns.request)).toEqual([20, 19, 18, 17, 16]);
  });

  it("moves a pending chat to its column when its intent arrives, in seq order", () => {
    let s = applyChats(emptyBoard(), [chat(1, "question"), chat(2, "pending", 0), chat(3, "question")]);
    expect(seqs(s.columns.general)).toEqual([2]);
    expect(s.local.pending).toBe(1);
    s = applyIntents(s, [{ seq: 2, intent: "question", confidence: 0.8 }]);
    expect(seqs(s.columns.question)).toEqual([3, 2, 1]);
    expect(s.columns.general).toEqual([]);
    expect(s.columns.question[1]).toMatchObject({ seq: 2, intent: "question", confidence: 0.8, message: "m2" });
    expect(s.local).toEqual({ question: 3, request: 0, general: 0, pending: 0 });
  });

  it("counts an update for a chat that already left the view", () => {
    let s = applyChats(emptyBoard(), [chat(1, "pending", 0), chat(2), chat(3)], 2);
    s = applyIntents(s, [{ seq: 1, intent: "request", confidence: 0.7 }], 2);
    expect(s.local).toMatchObject({ request: 1, pending: 0, general: 2 });
    expect(seqs(s.columns.general)).toEqual([3, 2]);
  });

  it("ignores intent updates for chats it has not received", () => {
    const s = applyChats(emptyBoard(), [chat(1, "pending", 0)]);
    expect(applyIntents(s, [{ seq: 9, intent: "question", confidence: 1 }])).toBe(s);
  });

  it("shows the hub's totals once stats arrive, local counts before", () => {
    let s = applyChats(emptyBoard(), [chat(1, "question"), chat(2, "request")]);
    expect(displayCounts(s)).toEqual({ question: 1, request: 1, general: 0 });
    s = applyStats(s, {
      type: "stats",
      totals: { question: 40, request: 12, general: 300 },
      perMinute: [{ minute: 1, question: 4, request: 1, general: 30 }],
      malformed: 2,
      duplicates: 5,
      late: 3,
    });
    expect(displayCounts(s)).toEqual({ question: 40, request: 12, general: 300 });
    expect(s.serverDuplicates).toBe(5);
    expect(s.serverLate).toBe(3);
  });

  it("moves the resume point on resync and counts the skipped chats", () => {
    let s = applyChats(emptyBoard(), [chat(1), chat(2)]);
    s = applyResync(s, 10);
    expect(s.lastSeq).toBe(9);
    expect(s.skipped).toBe(7);
    expect(seqs(s.columns.general)).toEqual([2, 1]);
    expect(applyResync(s, 5)).toBe(s);
    s = applyChats(s, [chat(9), chat(10)]);
    expect(seqs(s.columns.general)).toEqual([10, 2, 1]);
  });

  it("applies a coalesced run of frames in order", () => {
    const s = applyFrames(emptyBoard(), [
      { type: "chats", items: [chat(1, "pending", 0), chat(2, "request")] },
      { type: "intents", updates: [{ seq: 1, intent: "question", confidence: 0.5 }] },
      { type: "chats", items: [chat(2, "request"), chat(3, "general")] },
    ]);
    expect(seqs(s.columns.question)).toEqual([1]);
    expect(seqs(s.columns.request)).toEqual([2]);
    expect(seqs(s.columns.general)).toEqual([3]);
    expect(s.lastSeq).toBe(3);
  });

  it("marks low-confidence chats as uncertain, but not pending ones", () => {
    expect(isUncertain(chat(1, "question", 0.59))).toBe(true);
    expect(isUncertain(chat(1, "question", 0.6))).toBe(false);
    expect(isUncertain(chat(1, "pending", 0))).toBe(false);
  });

  it("reports the last complete minute's chat rate", () => {
    const m = (minute: number, n: number) => ({ minute, question: n, request: n, general: n });
    expect(lastMinuteRate([])).toBeNull();
    expect(lastMinuteRate([m(5, 1)])).toBe(3);
    expect(lastMinuteRate([m(5, 1), m(6, 100), m(7, 2)])).toBe(300);
  });
});
