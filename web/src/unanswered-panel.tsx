import type { BoardStore } from "./board-store.ts";
import { formatNumber, t } from "./i18n.ts";
import { formatDuration } from "./report-api.ts";
import { unansweredSummary } from "./unanswered-state.ts";

const TOP = 5;

/**
 * Live on the board: the open questions viewers ask most, and how long they have waited since
 * first asked (the clock is the board's render; the figures move with every clusters frame).
 */
export function UnansweredPanel({ store }: { store: BoardStore }) {
  const { items, clusters, questions } = unansweredSummary(store.clusters.value, TOP);
  const now = Date.now();
  return (
    <section class="panel unanswered-panel" aria-labelledby="unanswered-title" data-testid="unanswered-panel">
      <div class="panel-head">
        <h2 id="unanswered-title">{t("unanswered.title")}</h2>
        <span class="muted small">{t("unanswered.summary", { clusters, questions })}</span>
      </div>
      {items.length === 0 ? (
        <p class="muted small">{t("unanswered.empty")}</p>
      ) : (
        <ol class="unanswered-list">
          {items.map((c) => (
            <li key={c.id} data-testid="unanswered-top">
              <strong class="report-count">{t("report.asked", { n: formatNumber(c.count) })}</strong>
              <span class="report-question">{c.latest}</span>
              <span class="muted small">{t("unanswered.waiting", { duration: formatDuration(now - c.firstAt) })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
