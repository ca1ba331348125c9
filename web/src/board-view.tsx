import { useSignal } from "@preact/signals";
import { useEffect, useMemo } from "preact/hooks";
import type { BoardChat, Intent } from "../../core/protocol/index.ts";
import { api } from "./api.ts";
import { knowledgeApi } from "./api-board.ts";
import type { Product } from "../../core/protocol/index.ts";
import { AnswerPanel } from "./answer-panel.tsx";
import { createAnswerSession } from "./answer-session.ts";
import { BoardColumn } from "./board-column.tsx";
import { BoardHead, BoardFigures, BoardNotices } from "./board-head.tsx";
import { displayCounts } from "./board-state.ts";
import { createBoardStore } from "./board-store.ts";
import { BoardToolbar } from "./board-toolbar.tsx";
import { chatMatcher, filterColumn, isFiltering, productTerms, type ChatFilter } from "./chat-filter.ts";
import type { ChatRowLabels } from "./chat-row.tsx";
import { ClusterList } from "./cluster-list.tsx";
import { formatTime, lang, t } from "./i18n.ts";
import { HeldPanel } from "./held-panel.tsx";
import { IntentChart } from "./intent-chart.tsx";
import { PublishedList } from "./published-list.tsx";
import { UnansweredPanel } from "./unanswered-panel.tsx";

/** Columns in reading order: what managers act on first comes first. */
const COLUMN_ORDER: readonly Intent[] = ["question", "request", "general"];

/** Moves keyboard focus to the neighbouring column's current row. */
function focusColumn(from: Intent, direction: -1 | 1): void {
  const next = COLUMN_ORDER[COLUMN_ORDER.indexOf(from) + direction];
  if (!next) return;
  document.querySelector<HTMLElement>(`[data-testid=column-${next}] .chat-list [tabindex="0"]`)?.focus();
}

/** The live board of one broadcast: status, filters, the three intent columns, and answering. */
export function BoardView({ broadcastId }: { broadcastId: string }) {
  const store = useMemo(() => createBoardStore(broadcastId), [broadcastId]);
  const session = useMemo(() => createAnswerSession(broadcastId, store), [store]);
  const title = useSignal<string | null>(null);
  const products = useSignal<Product[]>([]);
  const query = useSignal("");
  const productKey = useSignal("");
  const paused = useSignal(false);

  useEffect(() => {
    store.start();
    api.getBroadcast(broadcastId).then(
      (b) => (title.value = b.title),
      () => undefined,
    );
    knowledgeApi.products(broadcastId).then(
      (p) => (products.value = p.products),
      () => undefined,
    );
    const slash = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLInputElement ||
        e.target instanceof HTMLTextAreaElement ||
        e.target instanceof HTMLSelectElement;
      if (e.key === "/" && !typing) {
        e.preventDefault();
        document.getElementById("board-search")?.focus();
      }
    };
    addEventListener("keydown", slash);
    return () => {
      removeEventListener("keydown", slash);
      session.close();
      store.stop();
    };
  }, [store]);

  const language = lang.value;
  const labels = useMemo<ChatRowLabels>(
    () => ({ pending: t("board.pending"), uncertain: t("board.uncertain"), time: formatTime }),
    [language],
  );
  const product = products.value.find((p) => p.key === productKey.value);
  const filter = useMemo<ChatFilter>(
    () => ({ query: query.value, productTerms: product ? productTerms(product.name) : [] }),
    [query.value, product],
  );

  const state = store.state.value;
  const counts = displayCounts(state);
  const filtering = isFiltering(filter);
  const target = session.target.value;
  const answerChat = (chat: BoardChat) =>
    session.open(
      { kind: "chat", seq: chat.seq, commentNo: chat.commentNo, question: chat.message },
      null,
      productKey.value || undefined,
    );

  return (
    <div class="board">
      <BoardHead broadcastId={broadcastId} title={title.value} store={store} />
      <BoardNotices store={store} />
      <div class="board-bar">
        <BoardToolbar
          query={query.value}
          onQuery={(q) => (query.value = q)}
          products={products.value}
          productKey={productKey.value}
          onProduct={(k) => (productKey.value = k)}
          paused={paused.value}
          onPause={(p) => (paused.value = p)}
        />
        <IntentChart minutes={state.perMinute} />
      </div>
      <BoardFigures
        store={store}
        total={counts.question + counts.request + counts.general}
        matches={filtering ? countMatches(state.columns, filter) : null}
      />
      <div class="board-body">
        <div class="columns">
          {COLUMN_ORDER.map((intent) => (
            <BoardColumn
              key={intent}
              intent={intent}
              chats={filterColumn(state.columns[intent], filter)}
              count={counts[intent]}
              labels={labels}
              paused={paused.value}
              filtering={filtering}
              selectedSeq={target?.kind === "chat" ? target.seq : null}
              {...(intent === "question" ? { onActivate: answerChat } : {})}
              onColumnKey={focusColumn}
              onResume={() => (paused.value = false)}
              onOlder={store.loadOlder}
              onLive={store.dropOlder}
            />
          ))}
        </div>
        <aside class="side" aria-label={t("answer.title")}>
          <HeldPanel store={store} />
          <AnswerPanel session={session} store={store} />
          <UnansweredPanel store={store} />
          <ClusterList store={store} session={session} productKey={productKey.value || undefined} />
          <PublishedList broadcastId={broadcastId} store={store} />
        </aside>
      </div>
      <p class="muted small keyboard-hint">{t("board.keyboardHint")}</p>
    </div>
  );
}

function countMatches(columns: Readonly<Record<Intent, readonly BoardChat[]>>, filter: ChatFilter): number {
  const match = chatMatcher(filter);
  return COLUMN_ORDER.reduce((n, intent) => n + columns[intent].filter(match).length, 0);
}
