import { useSignal } from "@preact/signals";
import { t } from "./i18n.ts";
import { crawlFraction, crawlStep } from "./setup-progress.ts";
import type { SetupStore } from "./setup-store.ts";
import { StepCard } from "./step-card.tsx";
import { CaptureBadge } from "./capture-badge.tsx";

/** Step 4: the product Q&A crawl with a progress bar; a paused or failed crawl can be resumed. */
export function CrawlStep({ store }: { store: SetupStore }) {
  const crawl = store.crawl.value;
  const status = crawlStep(crawl);
  const percent = Math.round(crawlFraction(crawl) * 100);
  const error = store.crawlError.value ?? (crawl?.error ? t("error.generic", { message: crawl.error }) : null);
  return (
    <StepCard
      id="crawl"
      title={t("setup.step.crawl")}
      status={status}
      error={error}
      onRetry={() => void store.resumeCrawl()}
    >
      {crawl ? (
        <>
          <div
            class="progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-label={t("setup.step.crawl")}
            data-testid="crawl-progress"
            data-crawl-status={crawl.status}
          >
            <span class="progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <p class="small">
            <strong>{t(`setup.crawl.${crawl.status}`)}</strong> · {percent}% ·{" "}
            {t("setup.crawlProgress", {
              done: crawl.productsTotal - crawl.productsLeft,
              total: crawl.productsTotal,
              qna: crawl.qnaStored,
              secret: crawl.secretSkipped,
            })}
          </p>
          {status === "error" && !error && (
            <button
              type="button"
              class="button small"
              data-testid="crawl-resume"
              onClick={() => void store.resumeCrawl()}
            >
              {t("setup.crawlStart")}
            </button>
          )}
        </>
      ) : (
        <p class="muted small">{t("setup.crawlNone")}</p>
      )}
    </StepCard>
  );
}

/** Step 5: start (or stop) capturing: the live page in a browser, or the replay simulator for a rehearsal. */
export function CaptureStep({ store }: { store: SetupStore }) {
  const rate = useSignal(300);
  const b = store.broadcast.value;
  const naver = b?.source === "naver" && store.source.value.status !== "skipped";
  const step = store.captureStep.value;
  const youtube = b?.source === "youtube";
  const start = () =>
    void store.startCapture(
      youtube
        ? { kind: "youtube" }
        : naver
          ? { kind: "browser", ...(b?.naverUrl ? { url: b.naverUrl } : {}) }
          : { kind: "replay", ratePerMin: rate.value },
    );
  return (
    <StepCard id="capture" title={t("setup.step.capture")} status={step.status} error={step.error} onRetry={start}>
      <div class="create-form">
        {!naver && !youtube && (
          <label class="field">
            <span>{t("setup.captureRate")}</span>
            <input
              type="number"
              min={1}
              max={30000}
              value={rate.value}
              onInput={(e) => (rate.value = Math.round(Number(e.currentTarget.value)) || 300)}
            />
          </label>
        )}
        <button
          type="button"
          class="button primary"
          data-testid="capture-start"
          disabled={step.status === "working"}
          onClick={start}
        >
          {youtube ? t("youtube.captureStart") : naver ? t("setup.captureBrowser") : t("setup.captureReplay")}
        </button>
        <button type="button" class="button" data-testid="capture-stop" onClick={() => void store.stopCapture()}>
          {t("setup.captureStop")}
        </button>
        <CaptureBadge status={store.capture.value} />
      </div>
    </StepCard>
  );
}
