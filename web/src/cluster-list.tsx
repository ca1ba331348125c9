import { useSignal } from "@preact/signals";
import type { ClusterView } from "../../core/protocol/index.ts";
import type { AnswerSession } from "./answer-session.ts";
import type { BoardStore } from "./board-store.ts";
import { closedCount, orderedClusters, otherClaimants } from "./clusters-state.ts";
import { formatTime, t } from "./i18n.ts";
import { managerName } from "./manager-name.ts";

/** Clusters listed at most: the most asked; the rest wait until these are handled. */
const SHOWN = 40;

/** Question clusters, most asked first: count, latest wording, draft readiness, who is answering. */
export function ClusterList({
  store,
  session,
  productKey,
}: {
  store: BoardStore;
  session: AnswerSession;
  productKey: string | undefined;
}) {
  const showClosed = useSignal(false);
  const map = store.clusters.value;
  const items = orderedClusters(map, showClosed.value).slice(0, SHOWN);
  const closed = closedCount(map);
  const target = session.target.value;
  const openId = target?.kind === "cluster" ? target.clusterId : null;
  return (
    <section class="panel cluster-panel" aria-labelledby="clusters-title">
      <div class="panel-head">
        <h2 id="clusters-title">{t("clusters.title")}</h2>
        {closed > 0 && (
          <button
            type="button"
            class="link-button small"
            onClick={() => (showClosed.value = !showClosed.value)}
            aria-pressed={showClosed.value}
          >
            {showClosed.value ? t("clusters.hideClosed") : t("clusters.showClosed", { n: closed })}
          </button>
        )}
      </div>
      {items.length === 0 ? (
        <p class="muted small">{t("clusters.empty")}</p>
      ) : (
        <ul class="clusters">
          {items.map((c) => (
            <ClusterItem
              key={c.id}
              cluster={c}
              open={c.id === openId}
              store={store}
              session={session}
              productKey={productKey}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface ItemProps {
  cluster: ClusterView;
  open: boolean;
  store: BoardStore;
  session: AnswerSession;
  productKey: string | undefined;
}

function ClusterItem({ cluster: c, open, store, session, productKey }: ItemProps) {
  const claimants = otherClaimants(store.claims.value, c.id, { name: managerName.value, claimed: store.claimed.value });
  const answer = () =>
    session.open({ kind: "cluster", clusterId: c.id, question: c.latest, count: c.count }, c.draft, productKey);
  return (
    <li
      class={`cluster status-${c.status}${open ? " is-open" : ""}`}
      data-testid="cluster"
      data-cluster-id={c.id}
      data-status={c.status}
    >
      <div class="cluster-main">
        <span class="cluster-count" data-testid="cluster-count">
          {t("clusters.count", { n: c.count })}
        </span>
        {/* Quoted: the latest wording as viewers typed it (text only, never HTML). */}
        <p class="cluster-text">“{c.latest}”</p>
      </div>
      <div class="cluster-meta muted small">
        <time dateTime={new Date(c.lastAt).toISOString()}>{formatTime(c.lastAt)}</time>
        {c.status !== "open" && <span class="tag">{t(`clusters.status.${c.status}`)}</span>}
        {c.draft && !c.draft.abstained && <span class="tag tag-ready">{t("clusters.draftReady")}</span>}
        {claimants.length > 0 && (
          <span class="tag tag-claim" data-testid="cluster-claim">
            {t("clusters.claimedBy", { names: claimants.join(", ") })}
          </span>
        )}
      </div>
      <div class="cluster-actions">
        {c.status === "open" ? (
          <>
            <button type="button" class="button small primary" data-testid="cluster-answer" onClick={answer}>
              {t("clusters.answer")}
            </button>
            <button
              type="button"
              class="button small"
              data-testid="cluster-dismiss"
              onClick={() => store.setClusterStatus(c.id, "dismissed")}
            >
              {t("clusters.dismiss")}
            </button>
          </>
        ) : (
          <button type="button" class="button small" onClick={() => store.setClusterStatus(c.id, "open")}>
            {t("clusters.reopen")}
          </button>
        )}
      </div>
    </li>
  );
}
