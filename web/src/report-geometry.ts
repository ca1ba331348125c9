import type { ReportMinute } from "../../core/report/types.ts";

const MINUTE_MS = 60_000;

/** The chart's bars: at most `maxBars`, consecutive minutes summed when the broadcast is longer. */
export function chartMinutes(
  perMinute: readonly ReportMinute[],
  maxBars: number,
): { bars: ReportMinute[]; stepMs: number } {
  if (perMinute.length <= maxBars) return { bars: [...perMinute], stepMs: MINUTE_MS };
  const group = Math.ceil(perMinute.length / maxBars);
  const bars: ReportMinute[] = [];
  for (let i = 0; i < perMinute.length; i += group) {
    const slice = perMinute.slice(i, i + group);
    bars.push({
      minute: slice[0]!.minute,
      general: slice.reduce((n, m) => n + m.general, 0),
      request: slice.reduce((n, m) => n + m.request, 0),
      question: slice.reduce((n, m) => n + m.question, 0),
    });
  }
  return { bars, stepMs: group * MINUTE_MS };
}

/** One answer marker: the bar it sits on (centre x) and how many answers went out there. */
export interface AnswerMark {
  x: number;
  at: number;
  answers: number;
}

/**
 * Markers for the minutes answers were published, over the bars they fall in (a minute
 * outside the chatted span is left out); several in one bar make one marker with a count.
 */
export function answerMarks(
  bars: readonly ReportMinute[],
  stepMs: number,
  answerMinutes: readonly number[],
  width: number,
): AnswerMark[] {
  const first = bars[0];
  if (!first) return [];
  const slot = width / bars.length;
  const byBar = new Map<number, AnswerMark>();
  for (const at of answerMinutes) {
    const i = Math.floor((at - first.minute) / stepMs);
    if (i < 0 || i >= bars.length) continue;
    const mark = byBar.get(i);
    if (mark) mark.answers++;
    else byBar.set(i, { x: (i + 0.5) * slot, at: bars[i]!.minute, answers: 1 });
  }
  return [...byBar.values()].sort((a, b) => a.x - b.x);
}

/** Hours, minutes and seconds of a duration, for "2분 30초" / "2m 30s". */
export function durationParts(ms: number): { h: number; m: number; s: number } {
  const total = Math.max(0, Math.round(ms / 1000));
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}
