import { describe, expect, it } from "vitest";
import { allShards, remainingShards, retryDelay, RETRY_BASE_MS, RETRY_MAX_MS } from "./outbox.ts";

describe("viewer outbox rules", () => {
  it("backs off exponentially from the base delay and caps it", () => {
    expect(retryDelay(1)).toBe(RETRY_BASE_MS);
    expect(retryDelay(2)).toBe(2 * RETRY_BASE_MS);
    expect(retryDelay(4)).toBe(8 * RETRY_BASE_MS);
    expect(retryDelay(50)).toBe(RETRY_MAX_MS);
    expect(retryDelay(0)).toBe(RETRY_BASE_MS);
    for (let a = 1; a < 40; a++) expect(retryDelay(a + 1)).toBeGreaterThanOrEqual(retryDelay(a));
  });

  it("keeps pending exactly the shards that have not confirmed", () => {
    expect(remainingShards([0, 1, 2], { confirmed: [0, 2], failed: [1] })).toEqual([1]);
    expect(remainingShards([1], { confirmed: [1], failed: [] })).toEqual([]);
    // A confirmation from a shard that was not pending changes nothing.
    expect(remainingShards([2], { confirmed: [0], failed: [2] })).toEqual([2]);
  });

  it("starts a new intention pending on every shard", () => {
    expect(allShards(3)).toEqual([0, 1, 2]);
    expect(allShards(0)).toEqual([]);
  });
});
