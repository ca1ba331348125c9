import type { CaptureStatus } from "../../core/protocol/index.ts";
import { t } from "./i18n.ts";

/** The capture's state as the hub last reported it (or "no capture"), with its chat count. */
export function CaptureBadge({ status }: { status: CaptureStatus | null }) {
  const state = status?.state ?? "none";
  const word = status ? t(`capture.${status.state}`) : t("capture.none");
  return (
    <span
      class={`capture capture-${state}`}
      data-testid="capture-state"
      data-state={state}
      role="status"
      title={status?.message ?? status?.runner ?? ""}
    >
      <span class="connection-dot" aria-hidden="true" />
      {t("capture.label", { state: word })}
      {status && status.chats > 0 && <span class="muted small"> · {t("capture.chats", { n: status.chats })}</span>}
      {status?.quota && (
        <span
          class={status.quota.warning ? "small quota-warn" : "muted small"}
          data-testid="capture-quota"
          title={status.quota.warning ? t("youtube.quotaWarn") : ""}
        >
          {" "}
          · {t("youtube.quota", { units: status.quota.units, limit: status.quota.limit })}
        </span>
      )}
    </span>
  );
}
