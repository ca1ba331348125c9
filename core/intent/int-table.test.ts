import { describe, expect, it } from "vitest";
import { createIntTable } from "./int-table.ts";

describe("createIntTable", () => {
  it("finds every stored int32 key, including negative and colliding ones, and misses others", () => {
    // Keys equal in their low 16 bits after folding collide in a small table.
    const entries: [number, number][] = [
      [0, 3],
      [-1, 1],
      [0x7fffffff, 2],
      [-0x80000000, 0],
      [16, 5],
      [0x10010, 6],
    ];
    const table = createIntTable(entries);
    for (const [key, value] of entries) expect(table.get(key)).toBe(value);
    for (const miss of [1, 2, -2, 32, 0x20010]) expect(table.get(miss)).toBe(-1);
  });

  it("keeps the later value for a repeated key", () => {
    expect(
      createIntTable([
        [7, 1],
        [7, 4],
      ]).get(7),
    ).toBe(4);
  });

  it("refuses negative values, which would read as a miss", () => {
    expect(() => createIntTable([[1, -1]])).toThrow();
  });
});
