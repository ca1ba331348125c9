import { describe, expect, it } from "vitest";
import { csvLine, jsonLine } from "./export.ts";

const base = { seq: 3, commentNo: 41088326, nickname: "xin", message: "사이즈 몇이에요?", intent: "question" as const, confidence: 0.98765, at: Date.UTC(2026, 10, 24, 12, 0, 0) };

describe("chat export", () => {
  it("writes plain CSV cells as they are", () => {
    expect(csvLine(base)).toBe("3,41088326,2026-11-24T12:00:00.000Z,xin,사이즈 몇이에요?,question,0.988\n");
  });

  it("quotes commas, quotes and newlines", () => {
    expect(csvLine({ ...base, message: 'a,"b"\nc' })).toContain(',"a,""b""\nc",');
  });

  it("defuses spreadsheet formulas in chat text", () => {
    expect(csvLine({ ...base, message: "=HYPERLINK(\"x\")" })).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(csvLine({ ...base, nickname: "@evil" })).toContain(",'@evil,");
  });

  it("writes one parseable JSON object per line", () => {
    expect(JSON.parse(jsonLine(base))).toEqual(base);
  });
});
