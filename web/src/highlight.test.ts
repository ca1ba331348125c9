import { describe, expect, it } from "vitest";
import { highlightParts } from "./highlight.ts";

describe("highlightParts", () => {
  it("marks every occurrence of the matched words and keeps the rest as plain text", () => {
    expect(highlightParts("소비전력 40W, 대기전력 0.5W", ["전력", "40w"])).toEqual([
      { text: "소비", matched: false },
      { text: "전력", matched: true },
      { text: " ", matched: false },
      { text: "40W", matched: true },
      { text: ", 대기", matched: false },
      { text: "전력", matched: true },
      { text: " 0.5W", matched: false },
    ]);
  });

  it("returns markup-looking text untouched as text parts", () => {
    const parts = highlightParts("<b>방수</b> IPX4", ["방수"]);
    expect(parts.map((p) => p.text).join("")).toBe("<b>방수</b> IPX4");
    expect(parts.filter((p) => p.matched).map((p) => p.text)).toEqual(["방수"]);
  });

  it("gives one plain part without matches, none for empty text", () => {
    expect(highlightParts("면 100%", [])).toEqual([{ text: "면 100%", matched: false }]);
    expect(highlightParts("", ["면"])).toEqual([]);
  });
});
