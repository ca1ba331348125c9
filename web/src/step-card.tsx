import type { ComponentChildren } from "preact";
import { t } from "./i18n.ts";
import type { StepStatus } from "./setup-progress.ts";

interface Props {
  id: string;
  title: string;
  status: StepStatus;
  error?: string | null;
  onRetry?: () => void;
  children: ComponentChildren;
}

/** One setup step: its title, a status chip, its body, and a retry when it failed. */
export function StepCard({ id, title, status, error, onRetry, children }: Props) {
  return (
    <section
      class={`panel step step-${status}`}
      data-testid={`step-${id}`}
      data-status={status}
      aria-labelledby={`step-${id}-title`}
    >
      <div class="panel-head">
        <h2 id={`step-${id}-title`}>{title}</h2>
        <span class={`step-status status-${status}`} role="status">
          {t(`setup.status.${status}`)}
        </span>
      </div>
      {error && (
        <p class="notice error" role="alert">
          {error}{" "}
          {onRetry && (
            <button type="button" class="button small" onClick={onRetry} data-testid={`retry-${id}`}>
              {t("setup.retry")}
            </button>
          )}
        </p>
      )}
      {children}
    </section>
  );
}
