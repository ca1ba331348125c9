import { describe, expect, it } from "vitest";
import type { BoardChat } from "../../core/protocol/index.ts";
import { applyFrames, emptyBoard } from "./board-state.ts";

const chat = (seq: number, commentNo: number, intent: BoardChat["intent"] = "question"): BoardChat => ({
  seq,
  commentNo,
  nickname: "a",
  message: `m${seq}`,
  intent,
  confidence: 0.9,
  at: 1,
});

describe("chats-hidden frames", () => {
  it("take the named chats off every column and keep the rest and the resume point", () => {
    const state = applyFrames(emptyBoard(), [
      { type: "chats", items: [chat(1, 10), chat(2, 11, "general"), chat(3, 12)] },
    ]);
    const next = applyFrames(state, [{ type: "chats-hidden", commentNos: [10, 11] }]);
    expect(next.columns.question.map((c) => c.commentNo)).toEqual([12]);
    expect(next.columns.general).toEqual([]);
    expect(next.lastSeq).toBe(3);
  });

  it("leave the state untouched when none of the chats is shown", () => {
    const state = applyFrames(emptyBoard(), [{ type: "chats", items: [chat(1, 10)] }]);
    expect(applyFrames(state, [{ type: "chats-hidden", commentNos: [99] }])).toBe(state);
  });
});
