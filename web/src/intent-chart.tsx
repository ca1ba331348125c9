import type { MinuteCounts } from "../../core/protocol/index.ts";
import { formatTime, t } from "./i18n.ts";
import { chartBars } from "./intent-chart-geometry.ts";

const WIDTH = 240;
const HEIGHT = 44;

/**
 * Per-minute intents of the last 30 minutes as stacked bars (questions at the bottom),
 * drawn as plain SVG: no charting library for thirty small rectangles.
 */
export function IntentChart({ minutes }: { minutes: readonly MinuteCounts[] }) {
  const last = minutes.length >= 2 ? minutes[minutes.length - 2] : minutes[0];
  const summary = last ? t("chart.summary", { q: last.question, r: last.request, g: last.general }) : t("chart.empty");
  const { bars } = chartBars(minutes, WIDTH, HEIGHT);
  return (
    <figure class="intent-chart" data-testid="intent-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={`${t("chart.title")}. ${summary}`}
      >
        <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} class="chart-axis" />
        {bars.map((b) => (
          <rect
            key={`${b.minute}-${b.intent}`}
            class={`bar bar-${b.intent}`}
            x={b.x}
            y={b.y}
            width={b.width}
            height={b.height}
          >
            <title>{`${formatTime(b.minute * 60_000)} · ${t(`board.${b.intent}`)} ${b.value}`}</title>
          </rect>
        ))}
      </svg>
      <figcaption class="muted small">{summary}</figcaption>
    </figure>
  );
}
