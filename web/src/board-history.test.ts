import { describe, expect, it } from "vitest";
import type { BoardChat, BoardIntent } from "../../core/protocol/index.ts";
import {
  applyChats,
  applyFrames,
  applyIntents,
  applyOlder,
  applyWindow,
  dropOlder,
  emptyBoard,
  MAX_OLDER,
  olderCursor,
} from "./board-state.ts";

function chat(seq: number, intent: BoardIntent = "general"): BoardChat {
  return {
    seq,
    commentNo: 1000 + seq,
    nickname: `n${seq}`,
    message: `m${seq}`,
    intent,
    confidence: 0.9,
    at: 1_700_000_000_000 + seq,
  };
}
const seqs = (items: readonly BoardChat[]) => items.map((c) => c.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("a late board's window and scrolling back", () => {
  it("replaces the columns with the window and resumes after its lastSeq", () => {
    const before = applyChats(emptyBoard(), [chat(1), chat(2, "question")]);
    const s = applyWindow(before, [chat(9000, "question"), chat(9001), chat(9002, "request")], 9010);
    expect(seqs(s.columns.question)).toEqual([9000]);
    expect(seqs(s.columns.general)).toEqual([9001]);
    expect(s.lastSeq).toBe(9010);
    expect(applyChats(s, [chat(9005), chat(9011)]).columns.general.map((c) => c.seq)).toEqual([9011, 9001]);
    expect(s.skipped).toBe(0);
  });

  it("pages a column back below its oldest chat, each chat once, and knows when nothing is left", () => {
    const s = applyFrames(
      emptyBoard(),
      [{ type: "window", items: [chat(50, "question"), chat(60, "question")], lastSeq: 60 }],
      2,
    );
    expect(olderCursor(s, "question")).toBe(50);
    const paged = applyOlder(s, "question", [chat(60, "question"), chat(40, "question"), chat(30, "question")], 30, 2);
    expect(seqs(paged.columns.question)).toEqual([60, 50, 40, 30]);
    expect(paged.extra.question).toBe(2);
    expect(olderCursor(paged, "question")).toBe(30);
    const done = applyOlder(paged, "question", [chat(10, "question")], 0, 2);
    expect(seqs(done.columns.question)).toEqual([60, 50, 40, 30, 10]);
    expect(olderCursor(done, "question")).toBeNull();
  });

  it("keeps what the manager scrolled back to while live chats arrive, then lets it go at the top", () => {
    let s = applyChats(emptyBoard(), [chat(10), chat(11)], 2);
    s = applyOlder(s, "general", [chat(5), chat(4)], 3, 2);
    s = applyChats(s, [chat(12), chat(13)], 2);
    expect(seqs(s.columns.general)).toEqual([13, 12, 11, 10, 5, 4]);
    s = applyIntents(s, [{ seq: 12, intent: "general", confidence: 0.5 }], 2);
    expect(seqs(s.columns.general)).toEqual([13, 12, 11, 10, 5, 4]);
    const top = dropOlder(s, undefined, 2);
    expect(seqs(top.columns.general)).toEqual([13, 12]);
    expect(top.extra.general).toBe(0);
    expect(olderCursor(top, "general")).toBe(12);
    expect(dropOlder(top, undefined, 2)).toBe(top);
    expect(dropOlder(s, "question", 2).columns.general).toBe(s.columns.general);
  });

  it("bounds a column's older chats at MAX_OLDER and stops asking for more", () => {
    let s = applyChats(emptyBoard(), [chat(100_000)], 1);
    s = applyOlder(
      s,
      "general",
      range(1, MAX_OLDER + 500)
        .reverse()
        .map((n) => chat(n)),
      0,
      1,
    );
    expect(s.columns.general).toHaveLength(1 + MAX_OLDER);
    expect(s.extra.general).toBe(MAX_OLDER);
    expect(olderCursor(s, "general")).toBeNull();
  });

  it("pages from below what is shown again once live chats pushed older ones out", () => {
    let s = applyChats(emptyBoard(), [chat(10)], 2);
    s = applyOlder(s, "general", [], 0, 2);
    expect(olderCursor(s, "general")).toBeNull();
    s = applyChats(s, [chat(11), chat(12)], 2);
    expect(seqs(s.columns.general)).toEqual([12, 11]);
    expect(olderCursor(s, "general")).toBe(11);
  });

  it("ignores an older page's chats of another column or not older than what is shown", () => {
    const s = applyChats(emptyBoard(), [chat(10, "request")]);
    const paged = applyOlder(s, "request", [chat(11, "request"), chat(9, "question"), chat(8, "request")], 0);
    expect(seqs(paged.columns.request)).toEqual([10, 8]);
    expect(seqs(paged.columns.question)).toEqual([]);
  });

  it("asks below lastSeq for an empty column, and nothing below seq 1", () => {
    const s = applyChats(emptyBoard(), [chat(1), chat(2)]);
    expect(olderCursor(s, "question")).toBe(3);
    expect(olderCursor(s, "general")).toBeNull();
  });
});
