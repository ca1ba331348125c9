import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { AuditList, type AuditItem } from "../../core/auth/api.ts";
import { ApiFailure, request } from "./api.ts";
import { ListState } from "./list-state.tsx";
import { formatDateTime, t } from "./i18n.ts";

/** The owner's audit log: who published, edited, exported, added or revoked what, newest first. */
export function AuditView() {
  const items = useSignal<AuditItem[] | null>(null);
  const problem = useSignal<string | null>(null);

  async function load(): Promise<void> {
    problem.value = null;
    try {
      items.value = (await request(AuditList, "/api/audit?limit=200")).items;
    } catch (err) {
      problem.value = err instanceof ApiFailure && err.status === 403 ? t("audit.ownerOnly") : t("audit.failed");
    }
  }

  useEffect(() => {
    void load();
  }, []);

  const list = items.value;
  return (
    <section class="panel audit-page" aria-labelledby="audit-title">
      <div class="panel-head">
        <h1 id="audit-title">{t("audit.title")}</h1>
        <button type="button" class="button ghost" onClick={() => void load()}>
          {t("list.refresh")}
        </button>
      </div>
      <ListState problem={problem.value} list={list} empty={t("audit.empty")} />
      {list && list.length > 0 && (
        <table class="broadcasts" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t("audit.at")}</th>
              <th scope="col">{t("audit.actor")}</th>
              <th scope="col">{t("audit.action")}</th>
              <th scope="col">{t("audit.target")}</th>
              <th scope="col">{t("audit.broadcast")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((item, i) => (
              <tr key={`${item.at}-${i}`} data-testid="audit-row">
                <td>{formatDateTime(item.at)}</td>
                <td>{item.actor.name}</td>
                <td class="mono">{item.action}</td>
                <td class="mono small">{item.target}</td>
                <td class="mono small">{item.broadcastId ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
