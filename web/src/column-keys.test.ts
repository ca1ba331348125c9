import { describe, expect, it } from "vitest";
import { columnKeyAction } from "./column-keys.ts";

describe("keyboard navigation in a column", () => {
  it("moves within the column and stops at its ends", () => {
    expect(columnKeyAction("ArrowDown", 0, 5, 3)).toEqual({ kind: "move", index: 1 });
    expect(columnKeyAction("ArrowDown", 4, 5, 3)).toEqual({ kind: "move", index: 4 });
    expect(columnKeyAction("ArrowUp", 0, 5, 3)).toEqual({ kind: "move", index: 0 });
    expect(columnKeyAction("PageDown", 1, 5, 3)).toEqual({ kind: "move", index: 4 });
    expect(columnKeyAction("End", 1, 5, 3)).toEqual({ kind: "move", index: 4 });
    expect(columnKeyAction("Home", 3, 5, 3)).toEqual({ kind: "move", index: 0 });
  });

  it("switches columns with left and right, answers with Enter, ignores other keys", () => {
    expect(columnKeyAction("ArrowRight", 0, 5, 3)).toEqual({ kind: "column", direction: 1 });
    expect(columnKeyAction("ArrowLeft", 0, 5, 3)).toEqual({ kind: "column", direction: -1 });
    expect(columnKeyAction("Enter", 0, 5, 3)).toEqual({ kind: "activate" });
    expect(columnKeyAction("x", 0, 5, 3)).toEqual({ kind: "none" });
  });
});
