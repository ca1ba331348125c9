import { useSignal } from "@preact/signals";
import type { BoardStore } from "./board-store.ts";
import { t } from "./i18n.ts";

const LISTS = ["blockedWords", "allowedWords", "allowedDomains", "blockedPatterns"] as const;

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const parseList = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * The broadcast's moderation rules, edited live by a manager: lists one per line (or comma
 * separated) and the sensitivity 0–4. Saving sends them to the hub, which validates them
 * and shows them on every board; a member without broadcast.setup gets the hub's refusal.
 */
export function ModerationRules({ store }: { store: BoardStore }) {
  const open = useSignal(false);
  const draft = useSignal<Record<string, string> | null>(null);
  const current = store.moderationSettings.value;
  if (!current) return null;
  const values = draft.value ?? {
    ...Object.fromEntries(LISTS.map((k) => [k, asList(current[k]).join("\n")])),
    sensitivity: String(current.sensitivity ?? 2),
  };
  const set = (key: string, value: string) => (draft.value = { ...values, [key]: value });
  const save = () => {
    store.saveModerationSettings({
      ...current,
      ...Object.fromEntries(LISTS.map((k) => [k, parseList(values[k] ?? "")])),
      sensitivity: Number(values.sensitivity),
    });
    draft.value = null;
    open.value = false;
  };
  return (
    <details
      class="moderation-rules"
      open={open.value}
      onToggle={(e) => (open.value = (e.currentTarget as HTMLDetailsElement).open)}
      data-testid="moderation-rules"
    >
      <summary>{t("held.rules")}</summary>
      <label>
        {t("held.sensitivity")}
        <select
          value={values.sensitivity}
          onChange={(e) => set("sensitivity", (e.currentTarget as HTMLSelectElement).value)}
          data-testid="moderation-sensitivity"
        >
          {[0, 1, 2, 3, 4].map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {LISTS.map((k) => (
        <label key={k}>
          {t(`held.${k}`)}
          <textarea
            rows={2}
            value={values[k]}
            onInput={(e) => set(k, (e.currentTarget as HTMLTextAreaElement).value)}
            data-testid={`moderation-${k}`}
          />
        </label>
      ))}
      <button type="button" onClick={save} data-testid="moderation-save">
        {t("held.save")}
      </button>
    </details>
  );
}
