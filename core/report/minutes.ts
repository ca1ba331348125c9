import type { MinuteCounts } from "../protocol/board.ts";
import type { ReportMinute } from "./types.ts";

const MINUTE_MS = 60_000;
/** Zero-filled up to a week of minutes; a longer span (stray clocks) stays sparse. */
export const MAX_FILLED_MINUTES = 7 * 24 * 60;

/**
 * The hub's per-minute rows (epoch minutes) as the report gives them: ordered, each minute's
 * start in epoch milliseconds, and the gaps between the first and the last filled with zeros
 * so a chart reads them as quiet minutes.
 */
export function reportMinutes(rows: readonly MinuteCounts[]): ReportMinute[] {
  const sorted = [...rows].sort((a, b) => a.minute - b.minute);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const toMs = (r: MinuteCounts): ReportMinute => ({
    minute: r.minute * MINUTE_MS,
    general: r.general,
    request: r.request,
    question: r.question,
  });
  if (last.minute - first.minute + 1 > MAX_FILLED_MINUTES) return sorted.map(toMs);
  const out: ReportMinute[] = [];
  let i = 0;
  for (let m = first.minute; m <= last.minute; m++) {
    const row = sorted[i]?.minute === m ? sorted[i++]! : { minute: m, general: 0, request: 0, question: 0 };
    out.push(toMs(row));
  }
  return out;
}

/** The busiest minute by all intents (the earliest on a tie), null without chats. */
export function peakMinute(minutes: readonly ReportMinute[]): { minute: number; chats: number } | null {
  let best: { minute: number; chats: number } | null = null;
  for (const m of minutes) {
    const chats = m.general + m.request + m.question;
    if (chats > 0 && (!best || chats > best.chats)) best = { minute: m.minute, chats };
  }
  return best;
}

/** The start of the minute an instant falls in. */
export function minuteStart(at: number): number {
  return Math.floor(at / MINUTE_MS) * MINUTE_MS;
}
