import { Component } from "preact";
import type { BoardChat } from "../../core/protocol/index.ts";
import { isUncertain } from "./board-state.ts";

export interface ChatRowLabels {
  pending: string;
  uncertain: string;
  time: (at: number) => string;
}

/** Every row has this height (CSS `.chat` matches it): the virtual list computes offsets from it. */
export const ROW_HEIGHT = 72;

interface Props {
  chat: BoardChat;
  index: number;
  labels: ChatRowLabels;
  /** The row keyboard focus lands on in its column (roving tabindex). */
  current: boolean;
  selected: boolean;
}

/**
 * One chat. Chats are immutable, so a row re-renders only when its chat, position, labels
 * (language) or focus/selection change: at thousands of chats a minute most rows are untouched.
 * Nickname and message are JSX text nodes only: chat text is data, never HTML.
 */
export class ChatRow extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const p = this.props;
    return (
      next.chat !== p.chat ||
      next.index !== p.index ||
      next.labels !== p.labels ||
      next.current !== p.current ||
      next.selected !== p.selected
    );
  }

  override render({ chat, index, labels, current, selected }: Props) {
    const pending = chat.intent === "pending";
    const uncertain = isUncertain(chat);
    const classes = [
      "chat",
      pending ? "is-pending" : "",
      uncertain ? "is-uncertain" : "",
      selected ? "is-selected" : "",
    ]
      .filter(Boolean)
      .join(" ");
    return (
      <li
        class={classes}
        data-testid="chat-item"
        data-seq={chat.seq}
        data-intent={chat.intent}
        data-index={index}
        tabIndex={current ? 0 : -1}
        aria-current={selected ? "true" : undefined}
      >
        <div class="chat-meta">
          <span class="chat-nick">{chat.nickname}</span>
          <time class="chat-time" dateTime={new Date(chat.at).toISOString()}>
            {labels.time(chat.at)}
          </time>
          {chat.badge && (
            <span class="tag tag-superchat" data-testid="chat-badge">
              {chat.badge}
            </span>
          )}
          {pending && <span class="tag tag-pending">{labels.pending}</span>}
          {uncertain && (
            <span class="tag tag-uncertain" title={`${Math.round(chat.confidence * 100)}%`}>
              {labels.uncertain} {Math.round(chat.confidence * 100)}%
            </span>
          )}
        </div>
        <p class="chat-text" title={chat.message}>
          {chat.message}
        </p>
      </li>
    );
  }
}
