import { describe, expect, it } from "vitest";
import { HUB_ALARM_MS, nextAlarmAt, PENDING_RETRY_MS } from "./alarm-plan.ts";

const NOW = 1_000_000;

describe("the hub's alarm plan", () => {
  it("sleeps when no work remains", () => {
    expect(nextAlarmAt({ pendingChats: 0, outboxDueAt: null, activityDirty: false }, NOW)).toBeNull();
  });

  it("comes back while chats are pending or activity is unmirrored", () => {
    expect(nextAlarmAt({ pendingChats: 3, outboxDueAt: null, activityDirty: false }, NOW)).toBe(NOW + PENDING_RETRY_MS);
    expect(nextAlarmAt({ pendingChats: 0, outboxDueAt: null, activityDirty: true }, NOW)).toBe(NOW + HUB_ALARM_MS);
  });

  it("comes back soon while a retention purge has chunks left", () => {
    expect(nextAlarmAt({ pendingChats: 0, outboxDueAt: null, activityDirty: false, purging: true }, NOW)).toBe(
      NOW + PENDING_RETRY_MS,
    );
    expect(nextAlarmAt({ pendingChats: 0, outboxDueAt: null, activityDirty: false, purging: false }, NOW)).toBeNull();
  });

  it("wakes for the earliest outbox retry, never in the past", () => {
    expect(nextAlarmAt({ pendingChats: 0, outboxDueAt: NOW + 700, activityDirty: false }, NOW)).toBe(NOW + 700);
    expect(nextAlarmAt({ pendingChats: 0, outboxDueAt: NOW - 50, activityDirty: false }, NOW)).toBe(NOW);
    expect(nextAlarmAt({ pendingChats: 2, outboxDueAt: NOW + 60_000, activityDirty: true }, NOW)).toBe(
      NOW + PENDING_RETRY_MS,
    );
    expect(nextAlarmAt({ pendingChats: 0, outboxDueAt: NOW + 60_000, activityDirty: true }, NOW)).toBe(
      NOW + HUB_ALARM_MS,
    );
  });
});
