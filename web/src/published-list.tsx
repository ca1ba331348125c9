import { useSignal } from "@preact/signals";
import type { QaPair } from "../../core/protocol/index.ts";
import { answersApi } from "./api-board.ts";
import type { BoardStore } from "./board-store.ts";
import { formatTime, t } from "./i18n.ts";
import { PostedTag } from "./youtube.tsx";
import { isYouTube, youtubeApi } from "./youtube-api.ts";

/** Answers on viewers' screens now, newest first, each editable (resent under the same id) or removable. */
export function PublishedList({ broadcastId, store }: { broadcastId: string; store: BoardStore }) {
  const list = store.published.value;
  const retracting = [...store.deliveries.value.values()].filter((d) => d.kind === "unpublish" && d.pending > 0);
  return (
    <section class="panel published-panel" aria-labelledby="published-title">
      <h2 id="published-title">{t("published.title", { n: list.length })}</h2>
      {retracting.length > 0 && (
        <p class="muted small delivery retrying" data-testid="retracting" role="status">
          {t("published.retracting", {
            n: retracting.length,
            shards: retracting.reduce((sum, d) => sum + d.pending, 0),
          })}
        </p>
      )}
      {list.length === 0 ? (
        <p class="muted small">{t("published.empty")}</p>
      ) : (
        <ul class="published">
          {list.map((pair) => (
            <PublishedItem key={pair.id} pair={pair} broadcastId={broadcastId} store={store} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * How far this answer reached viewers. The hub's outbox reports every answer still on its way
 * when the board opens and each change after: no report means every shard confirmed it.
 */
function DeliveryBadge({ id, store }: { id: string; store: BoardStore }) {
  const delivery = store.deliveries.value.get(id);
  const retrying = delivery && delivery.kind === "qa" && delivery.pending > 0;
  return (
    <span class={`delivery small ${retrying ? "retrying" : "delivered"}`} data-testid="answer-delivery" role="status">
      {retrying ? t("published.retrying", { n: delivery.pending, shards: delivery.shards }) : t("published.delivered")}
    </span>
  );
}

function PublishedItem({ pair, broadcastId, store }: { pair: QaPair; broadcastId: string; store: BoardStore }) {
  const editing = useSignal(false);
  const text = useSignal(pair.answer);
  const busy = useSignal(false);
  const problem = useSignal<string | null>(null);

  async function act(work: () => Promise<void>) {
    busy.value = true;
    problem.value = null;
    try {
      await work();
    } catch (err) {
      problem.value = t("published.failed", { message: err instanceof Error ? err.message : String(err) });
    } finally {
      busy.value = false;
    }
  }
  const save = () =>
    act(async () => {
      const { answer: a } = await answersApi.edit(broadcastId, pair.id, { answer: text.value.trim() });
      store.notePublished({ id: a.id, question: a.question, answer: a.answer, at: a.updatedAt });
      editing.value = false;
    });
  const unpublish = () =>
    act(async () => {
      await answersApi.unpublish(broadcastId, pair.id);
      store.noteUnpublished(pair.id);
    });

  return (
    <li class="published-item" data-testid="answer-published" data-answer-id={pair.id}>
      <p class="published-q">
        <span class="tag">Q</span> {pair.question}
      </p>
      {editing.value ? (
        <textarea
          class="published-edit"
          rows={3}
          maxLength={1000}
          value={text.value}
          onInput={(e) => (text.value = e.currentTarget.value)}
          aria-label={t("answer.text")}
        />
      ) : (
        <p class="published-a">
          <span class="tag">A</span> {pair.answer}
        </p>
      )}
      {problem.value && (
        <p class="notice error" role="alert">
          {problem.value}
        </p>
      )}
      <div class="published-actions">
        <time class="muted small" dateTime={new Date(pair.at).toISOString()}>
          {formatTime(pair.at)}
        </time>
        <DeliveryBadge id={pair.id} store={store} />
        <PostedTag state={store.posted.value.get(pair.id)} />
        {isYouTube(store) && !store.posted.value.get(pair.id)?.posted && (
          <button
            type="button"
            class="button small"
            data-testid="youtube-post-button"
            disabled={busy.value}
            onClick={() => void act(async () => void (await youtubeApi.post(broadcastId, pair.id)))}
          >
            {t("youtube.post")}
          </button>
        )}
        {editing.value ? (
          <>
            <button
              type="button"
              class="button small primary"
              disabled={busy.value || !text.value.trim()}
              onClick={() => void save()}
            >
              {t("published.save")}
            </button>
            <button type="button" class="button small ghost" onClick={() => (editing.value = false)}>
              {t("published.cancel")}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              class="button small"
              data-testid="published-edit"
              onClick={() => {
                text.value = pair.answer;
                editing.value = true;
              }}
            >
              {t("published.edit")}
            </button>
            <button
              type="button"
              class="button small"
              data-testid="published-unpublish"
              disabled={busy.value}
              onClick={() => void unpublish()}
            >
              {t("published.unpublish")}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
