import { useSignal } from "@preact/signals";
import { t } from "./i18n.ts";
import { MAX_NAME_LENGTH, managerName, setManagerName } from "./manager-name.ts";

/**
 * Asks for the manager's display name once (other managers see it while this one answers)
 * and remembers it; afterwards shows it with a way to change it.
 */
export function NamePrompt({ onSaved }: { onSaved: () => void }) {
  const editing = useSignal(managerName.value === "");
  const draft = useSignal(managerName.value);
  if (!editing.value) {
    return (
      <p class="name-line muted small">
        {t("name.current", { name: managerName.value })}{" "}
        <button type="button" class="link-button" onClick={() => (editing.value = true)}>
          {t("name.change")}
        </button>
      </p>
    );
  }
  return (
    <form
      class="name-form"
      data-testid="name-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!setManagerName(draft.value)) return;
        editing.value = false;
        onSaved();
      }}
    >
      <label class="field">
        <span>{t("name.title")}</span>
        <input
          data-testid="manager-name"
          required
          maxLength={MAX_NAME_LENGTH}
          value={draft.value}
          onInput={(e) => (draft.value = e.currentTarget.value)}
          aria-describedby="name-hint"
        />
      </label>
      <p id="name-hint" class="muted small">
        {t("name.hint")}
      </p>
      <button type="submit" class="button primary small" data-testid="manager-name-save">
        {t("name.save")}
      </button>
    </form>
  );
}
