import type { BoardChat, Intent } from "../../core/protocol/index.ts";
import { ChatRow, type ChatRowLabels } from "./chat-row.tsx";
import { formatNumber, t } from "./i18n.ts";

interface Props {
  intent: Intent;
  chats: readonly BoardChat[];
  count: number;
  labels: ChatRowLabels;
}

/** One intent's column: a header with the live count, then its chats newest first. */
export function BoardColumn({ intent, chats, count, labels }: Props) {
  const headingId = `column-${intent}-title`;
  return (
    <section class={`column column-${intent}`} data-testid={`column-${intent}`} aria-labelledby={headingId}>
      <header class="column-head">
        <h2 id={headingId}>{t(`board.${intent}`)}</h2>
        <span class="column-count" data-testid={`count-${intent}`} aria-live="off">
          {formatNumber(count)}
        </span>
      </header>
      {chats.length === 0 ? (
        <p class="column-empty muted">{t("board.empty")}</p>
      ) : (
        <ol class="chat-list" aria-label={t(`board.${intent}`)}>
          {chats.map((chat) => (
            <ChatRow key={chat.seq} chat={chat} labels={labels} />
          ))}
        </ol>
      )}
    </section>
  );
}
