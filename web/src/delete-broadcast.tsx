import { useSignal } from "@preact/signals";
import type { BroadcastSummary } from "../../core/protocol/index.ts";
import { lifecycleApi } from "./api-lifecycle.ts";
import { t } from "./i18n.ts";

/**
 * Deletes a broadcast after an explicit second click: the first shows what will go and asks;
 * only "delete" in that question deletes. Every chat, answer and setting of the broadcast goes.
 */
export function DeleteBroadcastButton({
  broadcast,
  onDeleted,
  onError,
}: {
  broadcast: BroadcastSummary;
  onDeleted: () => void;
  onError: (message: string) => void;
}) {
  const asking = useSignal(false);
  const busy = useSignal(false);

  async function confirm() {
    busy.value = true;
    try {
      await lifecycleApi.deleteBroadcast(broadcast.id);
      onDeleted();
    } catch (err) {
      onError(t("list.deleteFailed", { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      busy.value = false;
      asking.value = false;
    }
  }

  if (!asking.value) {
    return (
      <button
        type="button"
        class="button small ghost danger"
        data-testid="broadcast-delete"
        aria-label={t("list.deleteLabel", { title: broadcast.title })}
        onClick={() => (asking.value = true)}
      >
        {t("list.delete")}
      </button>
    );
  }
  return (
    <span class="confirm-delete" role="group" aria-label={t("list.deleteLabel", { title: broadcast.title })}>
      <span class="small">{t("list.deleteConfirm", { title: broadcast.title })}</span>
      <button
        type="button"
        class="button small danger-solid"
        data-testid="broadcast-delete-confirm"
        disabled={busy.value}
        onClick={() => void confirm()}
      >
        {t("list.deleteYes")}
      </button>
      <button type="button" class="button small ghost" disabled={busy.value} onClick={() => (asking.value = false)}>
        {t("list.deleteCancel")}
      </button>
    </span>
  );
}
