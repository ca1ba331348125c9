import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { t } from "./i18n.ts";
import type { SetupStore } from "./setup-store.ts";
import { StepCard } from "./step-card.tsx";

/** Step 1: paste the Naver Live URL and load the broadcast, or choose a rehearsal. */
export function SourceStep({ store }: { store: SetupStore }) {
  const b = store.broadcast.value;
  const url = useSignal("");
  useEffect(() => {
    if (b?.naverUrl && !url.value) url.value = b.naverUrl;
  }, [b]);
  const state = store.source.value;
  const loaded = store.loaded.value;
  const rehearsal = b?.source === "replay" || state.status === "skipped";
  const load = () => void store.loadFromNaver(url.value.trim() || undefined);
  return (
    <StepCard id="source" title={t("setup.step.source")} status={state.status} error={state.error} onRetry={load}>
      <form
        class="create-form"
        onSubmit={(e) => {
          e.preventDefault();
          load();
        }}
      >
        <label class="field grow">
          <span>{t("setup.naverUrl")}</span>
          <input
            data-testid="setup-url"
            type="url"
            inputMode="url"
            placeholder="https://view.shoppinglive.naver.com/lives/…"
            value={url.value}
            onInput={(e) => (url.value = e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button primary" data-testid="setup-load" disabled={state.status === "working"}>
          {state.status === "working" ? t("setup.loading") : t("setup.load")}
        </button>
        <button
          type="button"
          class="button"
          data-testid="setup-rehearsal"
          aria-pressed={rehearsal}
          onClick={() => store.skipSource()}
        >
          {t("setup.rehearsal")}
        </button>
      </form>
      {rehearsal && <p class="muted small">{t("setup.rehearsalHint")}</p>}
      {loaded && (
        <p class="notice ok" role="status" data-testid="setup-loaded">
          {t("setup.loaded", {
            title: loaded.title,
            status: loaded.status ?? "—",
            products: loaded.products,
            coupons: loaded.coupons,
            benefits: loaded.benefits,
          })}
        </p>
      )}
    </StepCard>
  );
}
