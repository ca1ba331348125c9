import type { IntentCounts, MinuteCounts } from "../protocol/board.ts";
import type { BoardIntent } from "../protocol/intent.ts";

/** Epoch minute of an epoch-millisecond time. */
export function minuteOf(at: number): number {
  return Math.floor(at / 60_000);
}

export function emptyCounts(): IntentCounts {
  return { general: 0, request: 0, question: 0 };
}

/**
 * Adds classified chats to per-minute buckets, returning only the minutes touched so the
 * caller can persist one row per minute per batch (not one per chat).
 */
export function bucketByMinute(chats: readonly { at: number; intent: BoardIntent }[]): Map<number, IntentCounts> {
  const touched = new Map<number, IntentCounts>();
  for (const chat of chats) {
    if (chat.intent === "pending") continue;
    const minute = minuteOf(chat.at);
    let counts = touched.get(minute);
    if (!counts) touched.set(minute, (counts = emptyCounts()));
    counts[chat.intent]++;
  }
  return touched;
}

/** The last `n` minutes ending at `nowMinute`, oldest first, zero-filled. */
export function recentMinutes(rows: readonly MinuteCounts[], nowMinute: number, n: number): MinuteCounts[] {
  const byMinute = new Map(rows.map((r) => [r.minute, r]));
  const out: MinuteCounts[] = [];
  for (let m = nowMinute - n + 1; m <= nowMinute; m++) {
    out.push(byMinute.get(m) ?? { minute: m, ...emptyCounts() });
  }
  return out;
}
