import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { BroadcastSummary, Health } from "../../core/protocol/index.ts";
import { ApiFailure, api } from "./api.ts";
import { lifecycleApi } from "./api-lifecycle.ts";
import { CreateBroadcastForm } from "./create-broadcast-form.tsx";
import { DeleteBroadcastButton } from "./delete-broadcast.tsx";
import { ListState } from "./list-state.tsx";
import { formatDateTime, formatNumber, t } from "./i18n.ts";
import { navigate } from "./route.ts";

function describe(err: unknown): string {
  if (err instanceof ApiFailure && err.status === 0) return t("login.unreachable");
  return t("error.generic", { message: err instanceof Error ? err.message : String(err) });
}

/** Every broadcast with its status and chat count; opens a board; creates a broadcast. */
export function BroadcastList() {
  const broadcasts = useSignal<BroadcastSummary[] | null>(null);
  const health = useSignal<Health | null>(null);
  const problem = useSignal<string | null>(null);
  const nextCursor = useSignal<string | null>(null);

  async function load() {
    problem.value = null;
    try {
      const page = await api.listBroadcasts();
      broadcasts.value = page.broadcasts;
      nextCursor.value = page.nextCursor;
    } catch (err) {
      problem.value = describe(err);
    }
  }

  /** Appends the next page (the list is paginated, newest first). */
  async function loadMore() {
    if (!nextCursor.value) return;
    try {
      const page = await lifecycleApi.listMore(nextCursor.value);
      const seen = new Set((broadcasts.value ?? []).map((b) => b.id));
      broadcasts.value = [...(broadcasts.value ?? []), ...page.broadcasts.filter((b) => !seen.has(b.id))];
      nextCursor.value = page.nextCursor;
    } catch (err) {
      problem.value = describe(err);
    }
  }

  function removed(id: string) {
    broadcasts.value = (broadcasts.value ?? []).filter((b) => b.id !== id);
  }

  useEffect(() => {
    void load();
    api.health().then(
      (h) => (health.value = h),
      () => undefined,
    );
  }, []);

  const list = broadcasts.value;
  return (
    <div class="list-page">
      <section class="panel" aria-labelledby="list-title">
        <div class="panel-head">
          <h1 id="list-title">{t("list.title")}</h1>
          <button type="button" class="button ghost" onClick={() => void load()}>
            {t("list.refresh")}
          </button>
        </div>
        <ListState problem={problem.value} list={list} empty={t("list.empty")} />
        {list && list.length > 0 && (
          <BroadcastTable broadcasts={list} onDeleted={removed} onError={(m) => (problem.value = m)} />
        )}
        {nextCursor.value && (
          <button type="button" class="button ghost" data-testid="broadcast-more" onClick={() => void loadMore()}>
            {t("list.more")}
          </button>
        )}
      </section>
      <CreateBroadcastForm onCreated={() => void load()} />
      {health.value?.backends && <p class="muted small">{t("health.backends", health.value.backends)}</p>}
    </div>
  );
}

function BroadcastTable({
  broadcasts,
  onDeleted,
  onError,
}: {
  broadcasts: BroadcastSummary[];
  onDeleted: (id: string) => void;
  onError: (message: string) => void;
}) {
  return (
    <table class="broadcasts">
      <thead>
        <tr>
          <th scope="col">{t("list.col.title")}</th>
          <th scope="col">{t("list.col.source")}</th>
          <th scope="col">{t("list.col.status")}</th>
          <th scope="col" class="num">
            {t("list.col.chats")}
          </th>
          <th scope="col">{t("list.col.created")}</th>
          <th scope="col">
            <span class="visually-hidden">{t("list.open")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {broadcasts.map((b) => (
          <tr key={b.id} data-testid="broadcast-row" data-broadcast-id={b.id}>
            <th scope="row" class="title-cell">
              {b.title}
              <span class="muted small mono"> {b.id}</span>
            </th>
            <td>{t(`source.${b.source}`)}</td>
            <td>
              <span class={`status status-${b.status}`}>{t(`status.${b.status}`)}</span>
            </td>
            <td class="num">{formatNumber(b.chatCount)}</td>
            <td>{formatDateTime(b.createdAt)}</td>
            <td class="row-actions">
              <a
                class="button small"
                data-testid="broadcast-setup"
                href={`#/setup/${encodeURIComponent(b.id)}`}
                aria-label={t("list.setupLabel", { title: b.title })}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ page: "setup", id: b.id });
                }}
              >
                {t("list.setup")}
              </a>
              <a
                class="button small"
                data-testid="broadcast-report"
                href={`#/report/${encodeURIComponent(b.id)}`}
                aria-label={t("list.reportLabel", { title: b.title })}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ page: "report", id: b.id });
                }}
              >
                {t("list.report")}
              </a>
              <a
                class="button primary small"
                href={`#/board/${encodeURIComponent(b.id)}`}
                aria-label={t("list.openLabel", { title: b.title })}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ page: "board", id: b.id });
                }}
              >
                {t("list.open")}
              </a>
              <DeleteBroadcastButton broadcast={b} onDeleted={() => onDeleted(b.id)} onError={onError} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
