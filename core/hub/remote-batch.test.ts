import { describe, expect, it } from "vitest";
import { RemoteBatcher } from "./remote-batch.ts";

const seqs = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe("RemoteBatcher", () => {
  it("holds ingest batches for one window and sends them as one call, oldest first", () => {
    const q = new RemoteBatcher<number>({ windowMs: 500, maxBatch: 100, maxQueued: 400 });
    expect(q.dueAt()).toBeNull();
    for (let i = 0; i < 5; i++) q.add(seqs(1 + i * 3, 3), 1000 + i * 100);
    expect(q.dueAt()).toBe(1500);
    expect(q.take(1499)).toEqual([]);
    expect(q.take(1500)).toEqual(seqs(1, 15));
    expect(q.size).toBe(0);
    expect(q.dueAt()).toBeNull();
  });

  it("sends a full batch at once and the rest a window later", () => {
    const q = new RemoteBatcher<number>({ windowMs: 500, maxBatch: 10, maxQueued: 100 });
    q.add(seqs(1, 25), 1000);
    expect(q.dueAt()).toBe(1000);
    expect(q.take(1000)).toEqual(seqs(1, 10));
    expect(q.take(1000)).toEqual(seqs(11, 10));
    expect(q.dueAt()).toBe(1500);
    expect(q.take(1200)).toEqual([]);
    expect(q.take(1500)).toEqual(seqs(21, 5));
  });

  it("never holds more than maxQueued, however many chats arrive, and says which it refused", () => {
    const q = new RemoteBatcher<number>({ windowMs: 500, maxBatch: 50, maxQueued: 200 });
    let refused = 0;
    for (let i = 0; i < 1000; i++) {
      expect(q.hasRoom(7)).toBe(q.size + 7 <= 200);
      refused += q.add(seqs(i * 7, 7), 1000 + i).length;
      expect(q.size).toBeLessThanOrEqual(200);
    }
    expect(q.size).toBe(200);
    expect(refused).toBe(7000 - 200);
    // Draining takes full batches at once and leaves nothing behind.
    let taken = 0;
    for (let batch = q.take(2000); batch.length; batch = q.take(2000)) {
      expect(batch.length).toBeLessThanOrEqual(50);
      taken += batch.length;
    }
    expect(taken).toBe(200);
    expect(q.size).toBe(0);
  });

  it("clear drops what is queued", () => {
    const q = new RemoteBatcher<number>({ windowMs: 500, maxBatch: 50, maxQueued: 200 });
    q.add(seqs(1, 30), 1000);
    q.clear();
    expect(q.size).toBe(0);
    expect(q.dueAt()).toBeNull();
    expect(q.take(10_000)).toEqual([]);
  });
});
