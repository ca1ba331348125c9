import type { BoardStore } from "./board-store.ts";
import { formatNumber, formatTime, t, type MessageKey } from "./i18n.ts";
import { ModerationRules } from "./moderation-rules.tsx";

/**
 * 보류: chats moderation held, with category and reason, and allow/deny for members who may
 * moderate (the hub checks the role too). Clicking a nickname opens its recent chats and
 * held count; repeat offenders are marked so a manager can block them in the seller tool.
 */
export function HeldPanel({ store }: { store: BoardStore }) {
  const queue = store.held.value;
  const info = store.nickname.value;
  return (
    <section class="panel held-panel" aria-labelledby="held-title" data-testid="held-panel">
      <div class="panel-head">
        <h2 id="held-title">{t("held.title")}</h2>
        <span class="muted small">{t("held.count", { n: formatNumber(queue.length) })}</span>
      </div>
      <ModerationRules store={store} />
      {queue.length === 0 ? (
        <p class="muted small">{t("held.empty")}</p>
      ) : (
        <ol class="held-list">
          {queue.map((h) => (
            <li key={h.seq} data-testid="held-chat" data-category={h.category}>
              <span class={`held-category held-${h.category}`}>
                {t(`report.moderation.${h.category}` as MessageKey)}
              </span>
              <button type="button" class="link nickname" onClick={() => store.lookupNickname(h.nickname)}>
                {h.nickname || "?"}
              </button>
              <span class="held-message">{h.message}</span>
              <span class="muted small" title={h.reasons.join(", ")}>
                {reasonLabel(h.reasons)} · {formatTime(h.at)}
              </span>
              <span class="held-actions">
                <button type="button" data-testid="held-allow" onClick={() => store.moderate(h.seq, "allow")}>
                  {t("held.allow")}
                </button>
                <button type="button" data-testid="held-deny" onClick={() => store.moderate(h.seq, "deny")}>
                  {t("held.deny")}
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {info && (
        <div class="nickname-panel" data-testid="nickname-panel">
          <h3>
            {info.nickname} <span class="muted small">{t("held.nicknameHeld", { n: formatNumber(info.held) })}</span>
            {info.repeatOffender && (
              <span class="held-offender" data-testid="repeat-offender">
                {t("held.repeatOffender")}
              </span>
            )}
          </h3>
          <ol class="nickname-chats">
            {info.chats.map((c) => (
              <li key={c.seq} class={c.state ? `nickname-${c.state}` : undefined}>
                <span class="muted small">{formatTime(c.at)}</span> {c.message}
              </li>
            ))}
          </ol>
          <button type="button" class="link" onClick={() => (store.nickname.value = null)}>
            {t("held.close")}
          </button>
        </div>
      )}
    </section>
  );
}

function reasonLabel(reasons: readonly string[]): string {
  return reasons.map((r) => (r === "model" ? t("held.reasonModel") : r.replace(/^rule:/, ""))).join(", ");
}
