import { describe, expect, it } from "vitest";
import { bucketByMinute, minuteOf, recentMinutes } from "./stats.ts";

describe("bucketByMinute", () => {
  it("counts intents per minute and skips pending chats", () => {
    const t = 60_000 * 1000;
    const buckets = bucketByMinute([
      { at: t, intent: "question" },
      { at: t + 59_999, intent: "question" },
      { at: t + 60_000, intent: "general" },
      { at: t + 1, intent: "pending" },
      { at: t + 2, intent: "request" },
    ]);
    expect([...buckets.entries()]).toEqual([
      [1000, { general: 0, request: 1, question: 2 }],
      [1001, { general: 1, request: 0, question: 0 }],
    ]);
  });
});

describe("recentMinutes", () => {
  it("zero-fills missing minutes and keeps the window oldest first", () => {
    const rows = [{ minute: 9, general: 1, request: 2, question: 3 }];
    expect(recentMinutes(rows, 10, 3)).toEqual([
      { minute: 8, general: 0, request: 0, question: 0 },
      { minute: 9, general: 1, request: 2, question: 3 },
      { minute: 10, general: 0, request: 0, question: 0 },
    ]);
    expect(minuteOf(125_000)).toBe(2);
  });
});
