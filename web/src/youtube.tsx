import "./youtube.css";
import { useSignal } from "@preact/signals";
import { chatPostText } from "../../core/youtube/live-chat.ts";
import type { PostedState } from "./board-store.ts";
import { t } from "./i18n.ts";
import { youtubeApi } from "./youtube-api.ts";

/**
 * In the answer editor of a YouTube broadcast: also post into the live chat, with what the chat
 * will get (200 characters at most) and what will be cut, before the manager sends.
 */
export function YouTubePostOption({
  text,
  checked,
  onChange,
}: {
  text: string;
  checked: boolean;
  onChange: (next: boolean) => void;
}) {
  const preview = chatPostText(text);
  return (
    <div class="youtube-post" data-testid="youtube-post">
      <label class="check">
        <input
          type="checkbox"
          data-testid="youtube-post-option"
          checked={checked}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        {t("youtube.postOption")}
      </label>
      {checked && text.trim() && (
        <div class="muted small">
          <p>{t("youtube.postPreview", { n: Array.from(preview.text).length })}</p>
          <p class="youtube-preview" data-testid="youtube-preview">
            {preview.text}
          </p>
          {preview.cut && (
            <p class="notice warn" data-testid="youtube-cut">
              {t("youtube.postCut", { cut: preview.cut })}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** Beside a published answer: whether it reached the YouTube chat (from the hub's `answer-posted`). */
export function PostedTag({ state }: { state: PostedState | undefined }) {
  if (!state) return null;
  return state.posted ? (
    <span class="tag tag-posted" data-testid="youtube-posted" data-posted="true">
      {t("youtube.posted")}
    </span>
  ) : (
    <span class="tag tag-uncertain" data-testid="youtube-posted" data-posted="false" title={state.message ?? ""}>
      {t("youtube.postFailed", { message: state.message ?? "" })}
    </span>
  );
}

/** For a chat picked on a YouTube board: delete it in YouTube, or time its author out for 5 minutes (moderators). */
export function YouTubeModeration({ broadcastId, commentNo }: { broadcastId: string; commentNo: number }) {
  const outcome = useSignal<{ kind: "ok" | "error"; text: string } | null>(null);
  const busy = useSignal(false);
  const act = async (work: () => Promise<unknown>, done: string) => {
    busy.value = true;
    try {
      await work();
      outcome.value = { kind: "ok", text: done };
    } catch (err) {
      outcome.value = {
        kind: "error",
        text: t("youtube.modFailed", { message: err instanceof Error ? err.message : String(err) }),
      };
    } finally {
      busy.value = false;
    }
  };
  return (
    <div class="youtube-moderation" data-testid="youtube-moderation">
      <button
        type="button"
        class="button small"
        disabled={busy.value}
        data-testid="youtube-delete"
        onClick={() => void act(() => youtubeApi.deleteChat(broadcastId, commentNo), t("youtube.deleted"))}
      >
        {t("youtube.delete")}
      </button>
      <button
        type="button"
        class="button small"
        disabled={busy.value}
        data-testid="youtube-timeout"
        onClick={() => void act(() => youtubeApi.timeout(broadcastId, commentNo, 300), t("youtube.timedOut"))}
      >
        {t("youtube.timeout")}
      </button>
      {outcome.value && (
        <p class={`notice ${outcome.value.kind}`} role="status">
          {outcome.value.text}
        </p>
      )}
    </div>
  );
}
