import "./youtube.css";
import { chatPostText } from "../../core/youtube/live-chat.ts";
import type { PostedState } from "./board-store.ts";
import { t } from "./i18n.ts";

/**
 * In the answer editor of a YouTube broadcast: also post into the live chat, with what the chat
 * will get (200 characters at most) and what will be cut, before the manager sends.
 */
export function YouTubePostOption({ text, checked, onChange }: { text: string; checked: boolean; onChange: (next: boolean) => void }) {
  const preview = chatPostText(text);
  return (
    <div class="youtube-post" data-testid="youtube-post">
      <label class="check">
        <input type="checkbox" data-testid="youtube-post-option" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
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
