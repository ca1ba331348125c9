import type { ConnectionState } from "./board-socket.ts";
import { t } from "./i18n.ts";

/** 연결됨 / 재연결 중 / 끊김 as a coloured dot and a word, announced politely on change. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const label = t(`conn.${state}`);
  return (
    <span
      class={`connection connection-${state}`}
      data-testid="connection-state"
      data-state={state}
      role="status"
      aria-label={t("conn.label", { state: label })}
    >
      <span class="connection-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
