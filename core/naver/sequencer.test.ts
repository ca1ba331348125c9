import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IngestChat } from "../protocol/ingest.ts";
import { ChatSequencer } from "./sequencer.ts";

const chat = (n: number): IngestChat => ({ commentNo: n, nickname: "", message: `m${n}`, commentType: "CHATTING" });
const nos = (batches: IngestChat[][]) => batches.flat().map((c) => c.commentNo);

describe("ChatSequencer", () => {
  it("forwards live chats at once, sorted and without repeats", () => {
    const out: IngestChat[][] = [];
    const seq = new ChatSequencer((c) => out.push(c));
    seq.accept([chat(2), chat(1)]);
    seq.accept([chat(2), chat(3)]);
    expect(out.map((b) => b.map((c) => c.commentNo))).toEqual([[1, 2], [3]]);
    expect(seq.lastSeen).toBe(3);
  });

  it("holds live chats during a repair and sends the backlog first", () => {
    const out: IngestChat[][] = [];
    const seq = new ChatSequencer((c) => out.push(c), 10);
    seq.hold();
    seq.accept([chat(15), chat(16)]);
    expect(out).toEqual([]);
    seq.release([chat(9), chat(10), chat(11), chat(12), chat(13), chat(14), chat(15)]);
    expect(nos(out)).toEqual([11, 12, 13, 14, 15, 16]);
  });

  it("delivers every chat once, in order, however frames and repairs interleave", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.nat(20)), { minLength: 1, maxLength: 30 }), (cuts) => {
        // A stream 1..N split into live frames, some lost; each loss is repaired from a backlog.
        const out: IngestChat[][] = [];
        const seq = new ChatSequencer((c) => out.push(c));
        let next = 1;
        for (const [live, lost] of cuts) {
          const from = next;
          next += lost;
          seq.hold();
          seq.accept(Array.from({ length: live }, (_, i) => chat(next + i)));
          seq.release(Array.from({ length: next - from + live }, (_, i) => chat(from + i)));
          next += live;
        }
        expect(nos(out)).toEqual(Array.from({ length: next - 1 }, (_, i) => i + 1));
      }),
    );
  });
  it("tells the lowest commentNo it holds, so a repair knows where live chats begin", () => {
    const seq = new ChatSequencer(() => {}, 10);
    expect(seq.oldestHeld).toBeNull();
    seq.hold();
    seq.accept([chat(17), chat(15), chat(16)]);
    expect(seq.oldestHeld).toBe(15);
    seq.release([]);
    expect(seq.oldestHeld).toBeNull();
  });
});
