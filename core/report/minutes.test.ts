import { describe, expect, it } from "vitest";
import { MAX_FILLED_MINUTES, minuteStart, peakMinute, reportMinutes } from "./minutes.ts";
import { captureOutages } from "./outages.ts";

const row = (minute: number, general = 0, request = 0, question = 0) => ({ minute, general, request, question });

describe("reportMinutes", () => {
  it("orders rows, turns epoch minutes into ms and fills the gaps", () => {
    expect(reportMinutes([row(12, 1), row(10, 0, 2)])).toEqual([
      { minute: 600_000, general: 0, request: 2, question: 0 },
      { minute: 660_000, general: 0, request: 0, question: 0 },
      { minute: 720_000, general: 1, request: 0, question: 0 },
    ]);
  });

  it("leaves a span longer than a week sparse (a stray clock must not make millions of rows)", () => {
    const out = reportMinutes([row(0, 1), row(MAX_FILLED_MINUTES + 5, 1)]);
    expect(out.map((m) => m.minute)).toEqual([0, (MAX_FILLED_MINUTES + 5) * 60_000]);
  });

  it("is empty without rows", () => {
    expect(reportMinutes([])).toEqual([]);
  });
});

describe("peakMinute", () => {
  it("is the busiest minute, the earliest on a tie", () => {
    expect(
      peakMinute([row(1, 1, 1), row(2, 0, 0, 2), row(3, 0, 0, 1)].map((r) => ({ ...r, minute: r.minute * 60_000 }))),
    ).toEqual({ minute: 60_000, chats: 2 });
  });

  it("is null when nothing was said", () => {
    expect(peakMinute([row(1)])).toBeNull();
  });
});

describe("minuteStart", () => {
  it("rounds down to the minute", () => {
    expect(minuteStart(119_999)).toBe(60_000);
  });
});

describe("captureOutages", () => {
  const e = (at: number, state: string, message: string | null = null) => ({ at, state, message });

  it("spans from falling down to coming back, keeping an error's message", () => {
    expect(
      captureOutages([
        e(0, "capturing"),
        e(10, "reconnecting"),
        e(15, "error", "page gone"),
        e(30, "capturing"),
        e(40, "stopped"),
      ]),
    ).toEqual([{ from: 10, to: 30, state: "error", message: "page gone" }]);
  });

  it("leaves an outage open while it lasts and ends one at a deliberate stop", () => {
    expect(captureOutages([e(5, "error", "x"), e(8, "stopped"), e(20, "reconnecting")])).toEqual([
      { from: 5, to: 8, state: "error", message: "x" },
      { from: 20, to: null, state: "reconnecting", message: null },
    ]);
  });

  it("has none for a capture that never went down", () => {
    expect(captureOutages([e(0, "starting"), e(1, "capturing"), e(9, "stopped")])).toEqual([]);
  });
});
