import { t } from "./i18n.ts";

/**
 * What a list page shows before or instead of its rows: the error that stopped loading, a
 * loading line until the first page arrives, or the page's own "nothing yet" text.
 */
export function ListState({
  problem,
  list,
  empty,
}: {
  problem: string | null;
  list: readonly unknown[] | null;
  empty: string;
}) {
  return (
    <>
      {problem && (
        <p class="notice error" role="alert">
          {problem}
        </p>
      )}
      {list === null && !problem && <p class="muted">{t("list.loading")}</p>}
      {list?.length === 0 && <p class="muted">{empty}</p>}
    </>
  );
}
