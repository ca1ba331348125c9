import { useSignal } from "@preact/signals";
import { useEffect, useMemo } from "preact/hooks";
import { INTENTS } from "../../core/protocol/index.ts";
import { api } from "./api.ts";
import { BoardColumn } from "./board-column.tsx";
import { COLUMN_LIMIT, displayCounts, lastMinuteRate } from "./board-state.ts";
import { createBoardStore, type BoardStore } from "./board-store.ts";
import type { ChatRowLabels } from "./chat-row.tsx";
import { ConnectionBadge } from "./connection-badge.tsx";
import { formatTime, lang, t } from "./i18n.ts";
import { navigate } from "./route.ts";

/** Columns in reading order: what managers act on first comes first. */
const COLUMN_ORDER = ["question", "request", "general"] as const satisfies readonly (typeof INTENTS)[number][];

/** The live board of one broadcast: connection, counts and the three intent columns. */
export function BoardView({ broadcastId }: { broadcastId: string }) {
  const store = useMemo(() => createBoardStore(broadcastId), [broadcastId]);
  const title = useSignal<string | null>(null);

  useEffect(() => {
    store.start();
    api.getBroadcast(broadcastId).then((b) => (title.value = b.title), () => undefined);
    return () => store.stop();
  }, [store]);

  const language = lang.value;
  const labels = useMemo<ChatRowLabels>(
    () => ({ pending: t("board.pending"), uncertain: t("board.uncertain"), time: formatTime }),
    [language],
  );

  const state = store.state.value;
  const counts = displayCounts(state);
  return (
    <div class="board">
      <div class="board-head">
        <a
          class="back-link"
          href="#/"
          onClick={(e) => {
            e.preventDefault();
            navigate({ page: "list" });
          }}
        >
          {t("board.back")}
        </a>
        <h1 class="board-title">
          {title.value ?? broadcastId}
          <span class="muted small mono"> {broadcastId}</span>
        </h1>
        <ConnectionBadge state={store.connection.value} />
      </div>
      <BoardNotices store={store} />
      <BoardFigures store={store} total={counts.question + counts.request + counts.general} />
      <div class="columns">
        {COLUMN_ORDER.map((intent) => (
          <BoardColumn key={intent} intent={intent} chats={state.columns[intent]} count={counts[intent]} labels={labels} />
        ))}
      </div>
    </div>
  );
}

function BoardFigures({ store, total }: { store: BoardStore; total: number }) {
  const state = store.state.value;
  const rate = lastMinuteRate(state.perMinute);
  const ignored = store.invalid.value;
  return (
    <p class="board-figures muted">
      <span>{t("board.total", { n: total })}</span>
      {rate !== null && <span>{t("board.rate", { n: rate })}</span>}
      <span>{t("board.shown", { n: COLUMN_LIMIT })}</span>
      {ignored > 0 && <span>{t("board.invalid", { n: ignored })}</span>}
      {state.serverLate > 0 && <span>{t("board.late", { n: state.serverLate })}</span>}
      {state.skipped > 0 && <span>{t("board.skipped", { n: state.skipped })}</span>}
    </p>
  );
}

function BoardNotices({ store }: { store: BoardStore }) {
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
