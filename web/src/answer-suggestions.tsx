import type { DraftResponse } from "../../core/answers/api.ts";
import type { AnswerSession } from "./answer-session.ts";
import { highlightParts } from "./highlight.ts";
import { t } from "./i18n.ts";

/**
 * The draft's suggestions (ranked knowledge snippets), shown also when the draft abstains:
 * the words the question matched are highlighted (text nodes in <mark>, never HTML), and one
 * click or Enter on a snippet puts it into the answer box for editing.
 */
export function AnswerSuggestions({ session, draft }: { session: AnswerSession; draft: DraftResponse }) {
  if (draft.suggestions.length === 0) return null;
  return (
    <div class="suggestions" data-testid="answer-suggestions">
      <p class="muted small" id="suggestions-title">
        {t("answer.suggestions")}
      </p>
      <ol class="suggestion-list" aria-labelledby="suggestions-title">
        {draft.suggestions.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              class="suggestion"
              data-testid="answer-suggestion"
              title={t("answer.useSuggestion")}
              aria-label={t("answer.useSuggestionN", { n: i + 1, text: s.text })}
              onClick={() => session.setText(s.text)}
            >
              <span class="tag">{t(`answer.kind.${kindKey(s.kind)}`)}</span>{" "}
              {highlightParts(s.text, s.matched).map((part, j) =>
                part.matched ? <mark key={j}>{part.text}</mark> : part.text,
              )}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

const KINDS = ["product", "qna", "answer", "note", "coupon", "benefit", "broadcast"] as const;
type KindKey = (typeof KINDS)[number];

function kindKey(kind: string): KindKey {
  return (KINDS as readonly string[]).includes(kind) ? (kind as KindKey) : "note";
}
