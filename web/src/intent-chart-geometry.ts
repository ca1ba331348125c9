import type { Intent, MinuteCounts } from "../../core/protocol/index.ts";

/** One stacked segment of a minute's bar. */
export interface ChartBar {
  minute: number;
  intent: Intent;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

/** Bottom to top: questions sit on the baseline where the eye lands first. */
const STACK: readonly Intent[] = ["question", "request", "general"];

/**
 * Stacked bars for the per-minute counts (oldest left), scaled to the busiest minute so a
 * quiet broadcast and a 20,000/min one both fill the chart. Pure geometry: the component draws it.
 */
export function chartBars(
  minutes: readonly MinuteCounts[],
  width: number,
  height: number,
  gap = 1,
): { bars: ChartBar[]; max: number } {
  const max = Math.max(1, ...minutes.map((m) => m.question + m.request + m.general));
  if (minutes.length === 0) return { bars: [], max: 0 };
  const slot = width / minutes.length;
  const barWidth = Math.max(1, slot - gap);
  const bars: ChartBar[] = [];
  minutes.forEach((m, i) => {
    let base = height;
    for (const intent of STACK) {
      const value = m[intent];
      if (value <= 0) continue;
      const h = (value / max) * height;
      base -= h;
      bars.push({ minute: m.minute, intent, x: i * slot, y: base, width: barWidth, height: h, value });
    }
  });
  return { bars, max };
}
