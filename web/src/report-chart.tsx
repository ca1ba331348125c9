import type { BroadcastReport } from "../../core/report/types.ts";
import { chartBars } from "./intent-chart-geometry.ts";
import { formatNumber, formatTime, t } from "./i18n.ts";
import { answerMarks, chartMinutes } from "./report-geometry.ts";

const WIDTH = 720;
const HEIGHT = 180;
const MARK = 10;
/** Bars at most: a long broadcast's minutes are summed so each bar stays visible, on screen and on A4. */
const MAX_BARS = 180;
/** Widest bar: a short broadcast's few minutes stay bars, not blocks. */
const MAX_BAR_WIDTH = 24;

/**
 * The whole broadcast's chats per minute, stacked by intent (questions at the bottom), with a
 * marker above each bar in which answers were published. Plain SVG scaled to its box.
 */
export function ReportChart({ report }: { report: BroadcastReport }) {
  const { bars: minutes, stepMs } = chartMinutes(report.perMinute, MAX_BARS);
  const plotWidth = Math.min(WIDTH, minutes.length * MAX_BAR_WIDTH);
  const { bars } = chartBars(minutes, plotWidth, HEIGHT - MARK - 4);
  const marks = answerMarks(minutes, stepMs, report.answerMinutes, plotWidth);
  const published = report.answers.filter((a) => a.status === "published").length;
  const summary = report.peakMinute
    ? t("report.chart.summary", {
        minutes: report.perMinute.length,
        chats: report.totals.chats,
        peak: report.peakMinute.chats,
        answers: published,
      })
    : t("report.chart.empty");
  const first = minutes[0];
  const last = minutes.at(-1);
  return (
    <figure class="report-chart" data-testid="report-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${t("report.chart.title")}. ${summary}`}
      >
        <g transform={`translate(0 ${MARK + 4})`}>
          {bars.map((b) => (
            <rect
              key={`${b.minute}-${b.intent}`}
              class={`bar bar-${b.intent}`}
              x={b.x}
              y={b.y}
              width={b.width}
              height={b.height}
            >
              <title>{`${formatTime(b.minute)} · ${t(`board.${b.intent}`)} ${formatNumber(b.value)}`}</title>
            </rect>
          ))}
        </g>
        {marks.map((m) => (
          <g key={m.x} class="answer-mark" data-testid="answer-mark">
            <line x1={m.x} x2={m.x} y1={MARK} y2={HEIGHT} />
            <path d={`M ${m.x - 5} 0 L ${m.x + 5} 0 L ${m.x} ${MARK} Z`}>
              <title>{t("report.chart.marker", { time: formatTime(m.at), n: m.answers })}</title>
            </path>
          </g>
        ))}
        <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} class="chart-axis" />
      </svg>
      <div class="report-chart-axis muted small" style={{ width: `${(plotWidth / WIDTH) * 100}%` }}>
        <span>{first ? formatTime(first.minute) : ""}</span>
        <span>{last ? formatTime(last.minute + stepMs) : ""}</span>
      </div>
      <figcaption class="small">
        {summary}
        <span class="muted">
          {" "}
          ({t("report.chart.legend")}
          {stepMs > 60_000 ? ` · ${t("report.chart.step", { n: stepMs / 60_000 })}` : ""})
        </span>
      </figcaption>
    </figure>
  );
}
