import { describe, expect, it } from "vitest";
import type { HeldChat } from "../../core/protocol/index.ts";
import { applyDecision, applyHeld } from "./moderation-state.ts";

const held = (seq: number, state: HeldChat["state"] = "held"): HeldChat => ({
  seq,
  commentNo: seq,
  nickname: "n",
  message: `m${seq}`,
  intent: "general",
  confidence: 1,
  at: seq,
  category: "spam",
  score: 1,
  reasons: ["rule:link"],
  state,
});

describe("held queue", () => {
  it("merges frames by seq in order, skipping chats already decided", () => {
    const q = applyHeld(applyHeld([], [held(3), held(1)]), [held(2), held(3), held(4, "denied")]);
    expect(q.map((h) => h.seq)).toEqual([1, 2, 3]);
  });

  it("drops a chat once any board decides it, and ignores unknown seqs", () => {
    const q = applyHeld([], [held(1), held(2)]);
    expect(applyDecision(q, 1).map((h) => h.seq)).toEqual([2]);
    expect(applyDecision(q, 9)).toBe(q);
  });
});
