import { describe, expect, it } from "vitest";
import { MAX_DELAY_MS, reconnectDelay } from "./backoff.ts";

describe("reconnect backoff", () => {
  it("starts near half a second and doubles", () => {
    expect(reconnectDelay(0, () => 1)).toBe(500);
    expect(reconnectDelay(1, () => 1)).toBe(1000);
    expect(reconnectDelay(2, () => 1)).toBe(2000);
  });

  it("never exceeds ten seconds however many attempts failed", () => {
    expect(reconnectDelay(5, () => 1)).toBe(MAX_DELAY_MS);
    expect(reconnectDelay(500, () => 1)).toBe(MAX_DELAY_MS);
  });

  it("jitters within the upper half of the window", () => {
    expect(reconnectDelay(3, () => 0)).toBe(2000);
    expect(reconnectDelay(3, () => 0.5)).toBe(3000);
  });
});
