import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { BoardChat, Intent } from "../../core/protocol/index.ts";
import { ChatRow, ROW_HEIGHT, type ChatRowLabels } from "./chat-row.tsx";
import { columnKeyAction } from "./column-keys.ts";
import { formatNumber, t } from "./i18n.ts";
import { nearEnd, newerThan, scrollToRow, visibleWindow, withOlder } from "./virtual-window.ts";

interface Props {
  intent: Intent;
  /** The live column (already filtered), newest first. */
  chats: readonly BoardChat[];
  count: number;
  labels: ChatRowLabels;
  /** The manager paused auto-scroll for the whole board. */
  paused: boolean;
  filtering: boolean;
  selectedSeq: number | null;
  onActivate?: (chat: BoardChat) => void;
  onColumnKey: (intent: Intent, direction: -1 | 1) => void;
  onResume: () => void;
  /** The manager scrolled near the end of the column: load older chats (not while filtering). */
  onOlder?: (intent: Intent) => void;
  /** The column is back at its live top: older chats it loaded may go. */
  onLive?: (intent: Intent) => void;
}

/**
 * One intent's column: a header with the live count, then a virtual list of its chats,
 * newest first. While the manager reads (scrolled down, or paused) the list holds still and
 * a badge counts what arrived; clicking it jumps back to the live top.
 */
export function BoardColumn(props: Props) {
  const { intent, chats, count, labels, paused } = props;
  const listRef = useRef<HTMLOListElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [frozen, setFrozen] = useState<readonly BoardChat[] | null>(null);
  const [focusIndex, setFocusState] = useState(0);
  // Keys can arrive faster than renders: the handler reads the latest index from a ref.
  const focusRef = useRef(0);
  const setFocusIndex = (index: number) => {
    focusRef.current = index;
    setFocusState(index);
  };
  const wantFocus = useRef(false);

  const holding = paused || scrollTop > ROW_HEIGHT / 2;
  useLayoutEffect(() => {
    if (holding && frozen === null) setFrozen(chats);
    if (!holding && frozen !== null) {
      setFrozen(null);
      props.onLive?.(intent);
    }
  }, [holding, chats, frozen]);

  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const observer = new ResizeObserver(() => setViewport(list.clientHeight));
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  const shown = frozen ? withOlder(frozen, chats) : chats;

  // Scrolled near the end, or a column too short to scroll at all: ask for older chats.
  useEffect(() => {
    if (props.filtering || !props.onOlder) return;
    if (nearEnd(scrollTop, viewport, ROW_HEIGHT, shown.length)) props.onOlder(intent);
  }, [scrollTop, viewport, shown.length, props.filtering]);
  const waiting = frozen?.[0] ? newerThan(chats, frozen[0].seq) : frozen ? chats.length : 0;
  const current = Math.min(focusIndex, Math.max(0, shown.length - 1));
  const win = visibleWindow({
    scrollTop,
    viewportHeight: viewport,
    rowHeight: ROW_HEIGHT,
    count: shown.length,
    overscan: 12,
  });

  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    // The ref, not this render's index: effects can run after later key presses.
    listRef.current?.querySelector<HTMLElement>(`[data-index="${focusRef.current}"]`)?.focus({ preventScroll: true });
  });

  function moveTo(index: number): void {
    const list = listRef.current;
    if (list) list.scrollTop = scrollToRow(index, list.scrollTop, list.clientHeight, ROW_HEIGHT);
    setFocusIndex(index);
    wantFocus.current = true;
  }

  function onKeyDown(e: KeyboardEvent): void {
    const at = Math.min(focusRef.current, Math.max(0, shown.length - 1));
    const action = columnKeyAction(e.key, at, shown.length, Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1));
    if (action.kind === "none" || shown.length === 0) return;
    e.preventDefault();
    if (action.kind === "move") moveTo(action.index);
    else if (action.kind === "column") props.onColumnKey(intent, action.direction);
    else if (props.onActivate && shown[at]) props.onActivate(shown[at]);
  }

  function onClick(e: MouseEvent): void {
    const row = (e.target as HTMLElement).closest<HTMLElement>("[data-index]");
    if (!row) return;
    const index = Number(row.dataset.index);
    setFocusIndex(index);
    if (props.onActivate && shown[index]) props.onActivate(shown[index]);
  }

  function showNew(): void {
    if (listRef.current) listRef.current.scrollTop = 0;
    setScrollTop(0);
    setFocusIndex(0);
    props.onResume();
  }

  const headingId = `column-${intent}-title`;
  return (
    <section class={`column column-${intent}`} data-testid={`column-${intent}`} aria-labelledby={headingId}>
      <header class="column-head">
        <h2 id={headingId}>{t(`board.${intent}`)}</h2>
        <span class="column-count" data-testid={`count-${intent}`}>
          {formatNumber(count)}
        </span>
      </header>
      {waiting > 0 && (
        <button
          type="button"
          class="new-badge"
          data-testid={`new-${intent}`}
          onClick={showNew}
          aria-label={t("board.newItemsLabel", { n: waiting })}
        >
          ↑ {t("board.newItems", { n: waiting })}
        </button>
      )}
      {shown.length === 0 && (
        <p class="column-empty muted">{props.filtering ? t("board.noMatch") : t("board.empty")}</p>
      )}
      <ol
        ref={listRef}
        class={`chat-list${props.onActivate ? " is-actionable" : ""}`}
        aria-label={t(`board.${intent}`)}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onFocusIn={(e) => {
          const row = (e.target as HTMLElement).closest<HTMLElement>("[data-index]");
          if (row && Number(row.dataset.index) !== focusRef.current) setFocusIndex(Number(row.dataset.index));
        }}
        hidden={shown.length === 0}
      >
        {win.padTop > 0 && <li class="spacer" aria-hidden="true" style={{ height: `${win.padTop}px` }} />}
        {shown.slice(win.start, win.end).map((chat, i) => (
          <ChatRow
            key={chat.seq}
            chat={chat}
            index={win.start + i}
            labels={labels}
            current={win.start + i === current}
            selected={chat.seq === props.selectedSeq}
          />
        ))}
        {win.padBottom > 0 && <li class="spacer" aria-hidden="true" style={{ height: `${win.padBottom}px` }} />}
      </ol>
    </section>
  );
}
