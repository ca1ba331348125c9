import { describe, expect, it } from "vitest";
import { columnOfIntent, intentsOf, nextBefore, olderSpan, SCAN_SPAN, wantsWindow } from "./window.ts";

describe("late boards and scrolling back", () => {
  it("gives a window only to a board that asks for it and is further behind than one replay", () => {
    expect(wantsWindow(true, 0, 100_000, 5000)).toBe(true);
    expect(wantsWindow(true, 96_000, 100_000, 5000)).toBe(false);
    expect(wantsWindow(false, 0, 100_000, 5000)).toBe(false);
    expect(wantsWindow(true, 0, 5000, 5000)).toBe(false);
  });

  it("maps pending chats to the general column both ways", () => {
    expect(intentsOf("general")).toEqual(["general", "pending"]);
    expect(intentsOf("question")).toEqual(["question"]);
    expect(columnOfIntent("pending")).toBe("general");
    expect(columnOfIntent("request")).toBe("request");
  });

  it("reads a bounded span below beforeSeq, never below the log's first seq", () => {
    expect(olderSpan(100_001, 1)).toEqual({ from: 100_001 - SCAN_SPAN, to: 100_000 });
    expect(olderSpan(500, 1)).toEqual({ from: 1, to: 499 });
    expect(olderSpan(500, 400)).toEqual({ from: 400, to: 499 });
    expect(olderSpan(400, 400)).toBeNull();
    expect(olderSpan(1, 1)).toBeNull();
  });

  it("continues below a full page's oldest chat, below a short page's span, or stops", () => {
    expect(nextBefore([{ seq: 90 }, { seq: 80 }], 2, 1, 1)).toBe(80);
    expect(nextBefore([{ seq: 90 }], 2, 50_000, 1)).toBe(50_000);
    expect(nextBefore([{ seq: 90 }], 2, 1, 1)).toBe(0);
    expect(nextBefore([], 2, 400, 400)).toBe(0);
  });
});
