import { Component } from "preact";
import type { BoardChat } from "../../core/protocol/index.ts";
import { isUncertain } from "./board-state.ts";

export interface ChatRowLabels {
  pending: string;
  uncertain: string;
  time: (at: number) => string;
}

interface Props {
  chat: BoardChat;
  labels: ChatRowLabels;
}

/**
 * One chat. Chats are immutable, so a row re-renders only when its chat object or the
 * labels (language) change: at thousands of chats a minute most rows are untouched.
 * Nickname and message are JSX text nodes only: chat text is data, never HTML.
 */
export class ChatRow extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    return next.chat !== this.props.chat || next.labels !== this.props.labels;
  }

  override render({ chat, labels }: Props) {
    const pending = chat.intent === "pending";
    const uncertain = isUncertain(chat);
    const classes = ["chat", pending ? "is-pending" : "", uncertain ? "is-uncertain" : ""].filter(Boolean).join(" ");
    return (
      <li class={classes} data-testid="chat-item" data-seq={chat.seq} data-intent={chat.intent}>
        <div class="chat-meta">
          <span class="chat-nick">{chat.nickname}</span>
          <time class="chat-time" dateTime={new Date(chat.at).toISOString()}>
            {labels.time(chat.at)}
          </time>
          {pending && <span class="tag tag-pending">{labels.pending}</span>}
          {uncertain && (
            <span class="tag tag-uncertain" title={`${Math.round(chat.confidence * 100)}%`}>
              {labels.uncertain}
            </span>
          )}
        </div>
        <p class="chat-text">{chat.message}</p>
      </li>
    );
  }
}
