import type { DraftResponse } from "../../core/answers/api.ts";
import type { AnswerSession } from "./answer-session.ts";
import { AnswerSuggestions } from "./answer-suggestions.tsx";
import type { BoardStore } from "./board-store.ts";
import { otherClaimants } from "./clusters-state.ts";
import { t } from "./i18n.ts";
import { managerName } from "./manager-name.ts";
import { YouTubeModeration, YouTubePostOption } from "./youtube.tsx";
import { isYouTube } from "./youtube-api.ts";

/**
 * The answer editor: the question, the draft's sources and confidence, the editable answer,
 * and send / dismiss / close. Warns when another manager is answering the same cluster.
 */
export function AnswerPanel({ session, store }: { session: AnswerSession; store: BoardStore }) {
  const target = session.target.value;
  const notice = session.notice.value;
  if (!target) {
    return (
      <section class="panel answer-panel is-empty" aria-labelledby="answer-title">
        <h2 id="answer-title">{t("answer.title")}</h2>
        {notice && (
          <p class={`notice ${notice.kind}`} role="status" data-testid="answer-notice">
            {notice.text}
          </p>
        )}
        <p class="muted small">{t("answer.empty")}</p>
      </section>
    );
  }
  const others =
    target.kind === "cluster"
      ? otherClaimants(store.claims.value, target.clusterId, { name: managerName.value, claimed: store.claimed.value })
      : [];
  return (
    <section class="panel answer-panel" aria-labelledby="answer-title" data-testid="answer-panel">
      <h2 id="answer-title">{t("answer.title")}</h2>
      <p class="name-line muted small" data-testid="answering-as">
        {t("name.current", { name: managerName.value })}
      </p>
      {others.length > 0 && (
        <p class="notice warn" role="alert" data-testid="claim-warning">
          {t("answer.claimWarning", { names: others.join(", ") })}
        </p>
      )}
      <div class="answer-question">
        <span class="muted small">
          {t("answer.question")}
          {target.kind === "cluster" && ` · ${t("answer.fromCluster", { n: target.count })}`}
        </span>
        <p class="question-text" data-testid="answer-question">
          {target.question}
        </p>
      </div>
      {target.kind === "chat" && isYouTube(store) && (
        <YouTubeModeration broadcastId={session.broadcastId} commentNo={target.commentNo} />
      )}
      <DraftInfo session={session} />
      <label class="field">
        <span>{t("answer.text")}</span>
        <textarea
          data-testid="answer-draft"
          rows={4}
          maxLength={1000}
          value={session.text.value}
          aria-busy={session.drafting.value}
          onInput={(e) => session.setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void session.send();
            if (e.key === "Escape") session.close();
          }}
        />
      </label>
      {isYouTube(store) && (
        <YouTubePostOption
          text={session.text.value}
          checked={session.postToYouTube.value}
          onChange={(v) => session.setPostToYouTube(v)}
        />
      )}
      {!session.drafting.value && session.draft.value && (
        <AnswerSuggestions session={session} draft={session.draft.value} />
      )}
      {notice?.kind === "error" && (
        <p class="notice error" role="alert">
          {notice.text}
        </p>
      )}
      <div class="answer-actions">
        <button
          type="button"
          class="button primary"
          data-testid="answer-send"
          disabled={session.sending.value || session.text.value.trim() === ""}
          onClick={() => void session.send()}
        >
          {session.sending.value ? t("answer.sending") : t("answer.send")}
        </button>
        <button type="button" class="button" data-testid="answer-dismiss" onClick={() => session.dismiss()}>
          {t("answer.dismiss")}
        </button>
        <button type="button" class="button ghost" onClick={() => session.close()}>
          {t("answer.close")}
        </button>
      </div>
    </section>
  );
}

function DraftInfo({ session }: { session: AnswerSession }) {
  if (session.drafting.value)
    return (
      <p class="muted small" role="status">
        {t("answer.drafting")}
      </p>
    );
  const error = session.draftError.value;
  if (error) {
    return (
      <p class="notice error" role="alert">
        {error}{" "}
        <button type="button" class="link-button" onClick={() => session.redraft()}>
          {t("answer.retryDraft")}
        </button>
      </p>
    );
  }
  const draft = session.draft.value;
  return draft ? <Sources draft={draft} /> : null;
}

function Sources({ draft }: { draft: DraftResponse }) {
  const percent = Math.round(Math.max(0, Math.min(1, draft.confidence)) * 100);
  return (
    <div class="draft-info" data-testid="draft-info">
      {draft.abstained && <p class="notice warn">{t("answer.abstained")}</p>}
      <div class="confidence" role="img" aria-label={t("answer.confidence", { n: percent })}>
        <span class="confidence-bar" style={{ width: `${percent}%` }} />
        <span class="confidence-label">{t("answer.confidence", { n: percent })}</span>
      </div>
      <details open={draft.sources.length > 0 && draft.sources.length <= 3}>
        <summary>
          {t("answer.sources")} ({draft.sources.length})
        </summary>
        {draft.sources.length === 0 ? (
          <p class="muted small">{t("answer.noSources")}</p>
        ) : (
          <ul class="sources" data-testid="draft-sources">
            {draft.sources.map((s) => (
              <li key={s.id}>
                <span class="tag">{s.kind}</span> {s.text}
              </li>
            ))}
          </ul>
        )}
      </details>
    </div>
  );
}
