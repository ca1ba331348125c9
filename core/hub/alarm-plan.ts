/**
 * When the hub's one alarm should fire next, from the work that remains. The alarm never
 * gives up while anything is left: chats still pending classification, viewer deliveries
 * not yet confirmed, activity not yet mirrored to D1.
 */
export interface HubWork {
  /** Chats logged as `pending` (a remote classification was lost or is still running). */
  pendingChats: number;
  /** The earliest retry due in the viewer outbox, or null when it is empty. */
  outboxDueAt: number | null;
  /** Chats or activity changed since the last D1 mirror. */
  activityDirty: boolean;
  /** A retention purge still has chunks of the log to drop. */
  purging?: boolean;
}

/** Activity is mirrored to D1 this long after chats arrive. */
export const HUB_ALARM_MS = 5000;
/** Chats still pending, and a purge's next chunk, are picked up again this soon (one page per run). */
export const PENDING_RETRY_MS = 1000;

/** The time the alarm should be set to, or null when there is nothing left to do. */
export function nextAlarmAt(work: HubWork, now: number): number | null {
  const candidates: number[] = [];
  if (work.pendingChats > 0 || work.purging) candidates.push(now + PENDING_RETRY_MS);
  if (work.activityDirty) candidates.push(now + HUB_ALARM_MS);
  if (work.outboxDueAt !== null) candidates.push(Math.max(work.outboxDueAt, now));
  return candidates.length ? Math.min(...candidates) : null;
}
