import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { knowledgeApi } from "./api-board.ts";
import type { Product } from "../../core/protocol/index.ts";
import { formatNumber, t } from "./i18n.ts";
import { linesOf, type StepStatus } from "./setup-progress.ts";
import type { SetupStore } from "./setup-store.ts";
import { StepCard } from "./step-card.tsx";

/** A textarea of lines saved with one button: notes, a product's details. */
function useLinesEditor(initial: string[] | undefined, save: (lines: string[]) => Promise<unknown>) {
  const text = useSignal("");
  const status = useSignal<StepStatus>("idle");
  const error = useSignal<string | null>(null);
  const key = initial?.join("\n");
  useEffect(() => {
    if (initial) text.value = initial.join("\n");
  }, [key]);
  async function submit() {
    status.value = "working";
    error.value = null;
    try {
      await save(linesOf(text.value));
      status.value = "done";
    } catch (err) {
      status.value = "error";
      error.value = t("error.generic", { message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { text, status, error, submit };
}

/** Step 2: the broadcast's description and the manager's notes (facts for answers). */
export function NotesStep({ store }: { store: SetupStore }) {
  const k = store.knowledge.value;
  const editor = useLinesEditor(k?.notes, async (notes) => {
    store.knowledge.value = await knowledgeApi.saveNotes(store.broadcastId, notes);
  });
  return (
    <StepCard
      id="notes"
      title={t("setup.step.knowledge")}
      status={editor.status.value}
      error={editor.error.value}
      onRetry={() => void editor.submit()}
    >
      {k?.description && (
        <details>
          <summary>{t("setup.description")}</summary>
          <p class="description">{k.description}</p>
        </details>
      )}
      <label class="field">
        <span>{t("setup.notes")}</span>
        <textarea
          data-testid="setup-notes"
          rows={4}
          value={editor.text.value}
          onInput={(e) => (editor.text.value = e.currentTarget.value)}
          aria-describedby="notes-hint"
        />
      </label>
      <p id="notes-hint" class="muted small">
        {t("setup.notesHint")}
      </p>
      <SaveButton status={editor.status.value} onSave={() => void editor.submit()} testid="setup-notes-save" />
    </StepCard>
  );
}

function SaveButton({ status, onSave, testid }: { status: StepStatus; onSave: () => void; testid: string }) {
  return (
    <div class="save-row">
      <button
        type="button"
        class="button primary small"
        data-testid={testid}
        disabled={status === "working"}
        onClick={onSave}
      >
        {status === "working" ? t("setup.saving") : t("setup.save")}
      </button>
      {status === "done" && (
        <span class="ok-text small" role="status">
          ✓ {t("setup.saved")}
        </span>
      )}
    </div>
  );
}

/** Step 3: products as Naver lists them (image, prices, status), each with editable detail lines. */
export function ProductsStep({ store }: { store: SetupStore }) {
  const products = store.knowledge.value?.products ?? [];
  const qna = store.knowledge.value?.qna ?? [];
  return (
    <StepCard id="products" title={t("setup.step.products")} status={products.length ? "done" : "idle"}>
      {products.length === 0 ? (
        <p class="muted small">{t("setup.noProducts")}</p>
      ) : (
        <ul class="products">
          {products.map((p) => (
            <ProductCard
              key={p.key}
              product={p}
              store={store}
              qnaCount={qna.filter((q) => q.productKey === p.key).length}
            />
          ))}
        </ul>
      )}
    </StepCard>
  );
}

function ProductCard({ product: p, store, qnaCount }: { product: Product; store: SetupStore; qnaCount: number }) {
  const editor = useLinesEditor(p.details, (details) => knowledgeApi.saveDetails(store.broadcastId, p.key, details));
  const detailsId = `details-${p.key}`;
  return (
    <li class="product" data-testid="product-card" data-product-key={p.key}>
      <div class="product-image">
        {p.image ? (
          <img
            src={p.image}
            alt=""
            loading="lazy"
            referrerpolicy="no-referrer"
            onError={(e) => (e.currentTarget.hidden = true)}
          />
        ) : null}
      </div>
      <div class="product-body">
        <h3 class="product-name">{p.name}</h3>
        <p class="product-facts small">
          {p.mallName && <span class="muted">{p.mallName}</span>}
          {p.salePrice !== null && (
            <strong data-testid="product-sale-price">{t("setup.salePrice", { n: formatNumber(p.salePrice) })}</strong>
          )}
          {p.price !== null && p.price !== p.salePrice && (
            <span class="muted strike">{t("setup.price", { n: formatNumber(p.price) })}</span>
          )}
          {p.discountRate ? <span class="discount">{t("setup.discount", { n: p.discountRate })}</span> : null}
          {p.status && (
            <span class={`tag product-status-${p.status.toLowerCase()}`}>
              {t("setup.productStatus", { status: p.status })}
            </span>
          )}
          <span class="muted">{t("setup.qnaCount", { n: qnaCount })}</span>
        </p>
        <label class="field" for={detailsId}>
          <span>{t("setup.details")}</span>
        </label>
        <textarea
          id={detailsId}
          data-testid="product-details"
          rows={2}
          value={editor.text.value}
          onInput={(e) => (editor.text.value = e.currentTarget.value)}
        />
        {editor.error.value && (
          <p class="notice error" role="alert">
            {editor.error.value}
          </p>
        )}
        <SaveButton status={editor.status.value} onSave={() => void editor.submit()} testid="product-details-save" />
      </div>
    </li>
  );
}
