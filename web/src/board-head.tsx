import { COLUMN_LIMIT, lastMinuteRate } from "./board-state.ts";
import type { BoardStore } from "./board-store.ts";
import { CaptureBadge } from "./capture-badge.tsx";
import { ConnectionBadge } from "./connection-badge.tsx";
import { t } from "./i18n.ts";
import { BackLink } from "./back-link.tsx";
import { navigate } from "./route.ts";

/** Back link, title, links to the setup page and the report, and the capture and connection states. */
export function BoardHead({
  broadcastId,
  title,
  store,
}: {
  broadcastId: string;
  title: string | null;
  store: BoardStore;
}) {
  return (
    <div class="board-head">
      <BackLink />
      <h1 class="board-title">
        {title ?? broadcastId}
        <span class="muted small mono"> {broadcastId}</span>
      </h1>
      <a
        class="button ghost small"
        href={`#/setup/${encodeURIComponent(broadcastId)}`}
        onClick={(e) => {
          e.preventDefault();
          navigate({ page: "setup", id: broadcastId });
        }}
      >
        {t("nav.setup")}
      </a>
      <a
        class="button ghost small"
        data-testid="board-report"
        href={`#/report/${encodeURIComponent(broadcastId)}`}
        onClick={(e) => {
          e.preventDefault();
          navigate({ page: "report", id: broadcastId });
        }}
      >
        {t("nav.report")}
      </a>
      <CaptureBadge status={store.capture.value} />
      <ConnectionBadge state={store.connection.value} />
    </div>
  );
}

/** Totals, rate and what the board ignored or skipped. */
export function BoardFigures({ store, total, matches }: { store: BoardStore; total: number; matches: number | null }) {
  const state = store.state.value;
  const rate = lastMinuteRate(state.perMinute);
  const ignored = store.invalid.value;
  return (
    <p class="board-figures muted">
      <span>{t("board.total", { n: total })}</span>
      {rate !== null && <span>{t("board.rate", { n: rate })}</span>}
      <span>{t("board.shown", { n: COLUMN_LIMIT })}</span>
      {matches !== null && <span data-testid="filter-matches">{t("board.filtered", { n: matches })}</span>}
      {ignored > 0 && <span>{t("board.invalid", { n: ignored })}</span>}
      {state.serverLate > 0 && <span>{t("board.late", { n: state.serverLate })}</span>}
      {state.skipped > 0 && <span>{t("board.skipped", { n: state.skipped })}</span>}
    </p>
  );
}

/** The board cannot work (no such broadcast) or the hub reported an error. */
export function BoardNotices({ store }: { store: BoardStore }) {
  if (store.notFound.value) {
    return (
      <p class="notice error" role="alert">
        {t("board.notFound")}
      </p>
    );
  }
  const error = store.serverError.value;
  return error ? (
    <p class="notice warn" role="status">
      {t("board.serverError", { message: error })}
    </p>
  ) : null;
}
