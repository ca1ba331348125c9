import { percentile } from "../percentile.ts";

/** One reading of workerd's resident memory during the soak. */
export interface MemorySample {
  /** ms since the soak began. */
  t: number;
  /** Server life (1 = first start; a SIGKILL and restart begins the next). */
  life: number;
  rssKiB: number;
}

export interface LifeVerdict {
  life: number;
  /** Median RSS of the baseline minute that follows the warm-up, MiB. */
  baselineMiB: number;
  /** Samples judged (after the baseline minute). */
  judged: number;
  /** Lowest and highest judged sample against the baseline, %. */
  minPct: number;
  maxPct: number;
  /** Least-squares slope over the baseline minute and after, MiB a minute. */
  slopeMiBPerMin: number;
  flat: boolean;
}

export interface MemoryVerdict {
  warmupMs: number;
  baselineMs: number;
  tolerancePct: number;
  lives: LifeVerdict[];
  /** Lives too short to judge (ended before their baseline minute did). */
  unjudged: number[];
  /** Each life's baseline against the first judged life's, % (state on disk grows between lives). */
  baselineDriftPct: number[];
  flat: boolean;
}

/**
 * The soak's memory verdict. Warm-up: the first `warmupMs` of every server life (a restarted
 * workerd starts small, then loads the models and fills its caches and V8's heap). Baseline: the
 * median of the next `baselineMs`. Every later sample of that life must stay within
 * ±`tolerancePct` of its baseline, and so must each life's baseline against the first one.
 */
export function memoryVerdict(
  samples: readonly MemorySample[],
  lifeStarts: readonly number[],
  options: { warmupMs?: number; baselineMs?: number; tolerancePct?: number } = {},
): MemoryVerdict {
  const warmupMs = options.warmupMs ?? 120_000;
  const baselineMs = options.baselineMs ?? 60_000;
  const tolerancePct = options.tolerancePct ?? 15;
  const lives: LifeVerdict[] = [];
  const unjudged: number[] = [];
  lifeStarts.forEach((start, i) => {
    const life = i + 1;
    const since = (s: MemorySample) => s.t - start;
    const own = samples.filter((s) => s.life === life && since(s) >= warmupMs);
    const base = own.filter((s) => since(s) < warmupMs + baselineMs);
    const later = own.filter((s) => since(s) >= warmupMs + baselineMs);
    if (base.length === 0 || later.length === 0) {
      unjudged.push(life);
      return;
    }
    const baseline = percentile(
      base.map((s) => s.rssKiB).sort((a, b) => a - b),
      0.5,
    );
    const pcts = later.map((s) => ((s.rssKiB - baseline) / baseline) * 100);
    const minPct = Math.min(...pcts);
    const maxPct = Math.max(...pcts);
    lives.push({
      life,
      baselineMiB: baseline / 1024,
      judged: later.length,
      minPct,
      maxPct,
      slopeMiBPerMin: slope(own.map((s) => [s.t / 60_000, s.rssKiB / 1024] as const)),
      flat: minPct >= -tolerancePct && maxPct <= tolerancePct,
    });
  });
  const first = lives[0]?.baselineMiB;
  const baselineDriftPct = first === undefined ? [] : lives.map((l) => ((l.baselineMiB - first) / first) * 100);
  return {
    warmupMs,
    baselineMs,
    tolerancePct,
    lives,
    unjudged,
    baselineDriftPct,
    flat: lives.length > 0 && lives.every((l) => l.flat) && baselineDriftPct.every((d) => Math.abs(d) <= tolerancePct),
  };
}

/** Least-squares slope of y over x; 0 with fewer than two points. */
function slope(points: readonly (readonly [number, number])[]): number {
  if (points.length < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/** The verdict as the soak prints it. */
export function describeVerdict(v: MemoryVerdict): string[] {
  const pct = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(0)} %`;
  const lines = [
    `workerd memory after warm-up (${v.warmupMs / 60_000} min of each life; baseline: median of the next ${v.baselineMs / 60_000} min; tolerance ±${v.tolerancePct} %):`,
    ...v.lives.map(
      (l) =>
        `  life ${l.life}: baseline ${l.baselineMiB.toFixed(0)} MiB, ${l.judged} later samples ${pct(l.minPct)}…${pct(l.maxPct)}, slope ${l.slopeMiBPerMin.toFixed(1)} MiB/min: ${l.flat ? "flat" : "NOT flat"}`,
    ),
  ];
  if (v.unjudged.length) lines.push(`  lives too short to judge: ${v.unjudged.join(", ")}`);
  if (v.lives.length > 1)
    lines.push(`  baselines against life ${v.lives[0]!.life}: ${v.baselineDriftPct.map(pct).join(", ")}`);
  lines.push(`  verdict: ${v.flat ? "FLAT within" : "NOT flat within"} ±${v.tolerancePct} % after warm-up`);
  return lines;
}
