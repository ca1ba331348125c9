import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_RENDERED_ROWS, nearEnd, newerThan, scrollToRow, visibleWindow, withOlder } from "./virtual-window.ts";

describe("virtual list window", () => {
  it("renders short columns whole", () => {
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 600, rowHeight: 60, count: 50 })).toEqual({
      start: 0,
      end: 50,
      padTop: 0,
      padBottom: 0,
    });
  });

  it("renders only around the viewport of a long column, with spacers for the rest", () => {
    const w = visibleWindow({ scrollTop: 6000, viewportHeight: 600, rowHeight: 60, count: 300, overscan: 40 });
    expect(w.start).toBe(60);
    expect(w.end).toBe(151);
    expect(w.padTop).toBe(3600);
    expect(w.padBottom).toBe((300 - 151) * 60);
  });

  it("always covers the viewport and never leaves the list, whatever the scroll", () => {
    fc.assert(
      fc.property(fc.nat(400), fc.nat(40_000), fc.integer({ min: 1, max: 2000 }), (count, scrollTop, viewport) => {
        const rowHeight = 64;
        const top = Math.min(scrollTop, Math.max(0, count * rowHeight - viewport));
        const w = visibleWindow({ scrollTop: top, viewportHeight: viewport, rowHeight, count });
        expect(w.start).toBeGreaterThanOrEqual(0);
        expect(w.end).toBeLessThanOrEqual(count);
        expect(w.end - w.start).toBeGreaterThanOrEqual(Math.min(count, MIN_RENDERED_ROWS));
        const firstVisible = Math.floor(top / rowHeight);
        const lastVisible = Math.min(count, Math.ceil((top + viewport) / rowHeight));
        expect(w.start).toBeLessThanOrEqual(firstVisible);
        expect(w.end).toBeGreaterThanOrEqual(lastVisible);
        expect(w.padTop + (w.end - w.start) * rowHeight + w.padBottom).toBe(count * rowHeight);
      }),
    );
  });

  it("scrolls a focused row into view only when it is outside", () => {
    expect(scrollToRow(0, 300, 600, 60)).toBe(0);
    expect(scrollToRow(20, 0, 600, 60)).toBe(660);
    expect(scrollToRow(5, 0, 600, 60)).toBe(0);
  });

  it("counts chats newer than a frozen view's top", () => {
    const live = [9, 8, 7, 5, 4].map((seq) => ({ seq }));
    expect(newerThan(live, 7)).toBe(2);
    expect(newerThan(live, 9)).toBe(0);
    expect(newerThan(live, 0)).toBe(5);
    expect(newerThan([], 3)).toBe(0);
  });
});

describe("scrolling back", () => {
  it("asks for older chats near the end of a column, or when it is too short to scroll", () => {
    expect(nearEnd(0, 600, 40, 300)).toBe(false);
    expect(nearEnd(300 * 40 - 600 - 10 * 40, 600, 40, 300)).toBe(true);
    expect(nearEnd(0, 600, 40, 5)).toBe(true);
  });

  it("shows the frozen rows, then older chats that arrived below them", () => {
    const frozen = [{ seq: 9 }, { seq: 7 }];
    const live = [{ seq: 12 }, { seq: 9 }, { seq: 7 }, { seq: 5 }, { seq: 3 }];
    expect(withOlder(frozen, live).map((c) => c.seq)).toEqual([9, 7, 5, 3]);
    expect(withOlder(frozen, [{ seq: 12 }, { seq: 9 }])).toBe(frozen);
    expect(withOlder([], live)).toBe(live);
  });
});
