import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { checklistOrder } from "../../core/report/assemble.ts";
import type { BroadcastReport } from "../../core/report/types.ts";
import { ApiFailure } from "./api.ts";
import { BackLink } from "./back-link.tsx";
import { formatDateTime, formatNumber, t } from "./i18n.ts";
import { downloadCsv, fetchReport } from "./report-api.ts";
import { ReportChart } from "./report-chart.tsx";
import {
  AnsweredList,
  AnswersTable,
  ModerationAndCapture,
  ProductTable,
  SummaryCards,
  UnansweredChecklist,
} from "./report-sections.tsx";
import { navigate } from "./route.ts";

/**
 * A broadcast's report: what viewers asked, what was answered and how fast, what was missed.
 * Works live (reload for fresh figures) and after the broadcast; prints as an A4 document.
 */
export function ReportView({ broadcastId }: { broadcastId: string }) {
  const report = useSignal<BroadcastReport | null>(null);
  const problem = useSignal<string | null>(null);

  async function load() {
    problem.value = null;
    try {
      report.value = await fetchReport(broadcastId);
    } catch (err) {
      problem.value =
        err instanceof ApiFailure && err.status === 404
          ? t("board.notFound")
          : t("error.generic", { message: String(err instanceof Error ? err.message : err) });
    }
  }

  useEffect(() => {
    void load();
  }, [broadcastId]);

  const r = report.value;
  return (
    <article class="report" data-testid="report" data-broadcast-id={broadcastId}>
      <header class="report-head">
        <div class="report-nav no-print">
          <BackLink />
          <a
            class="button ghost small"
            href={`#/board/${encodeURIComponent(broadcastId)}`}
            onClick={(e) => (e.preventDefault(), navigate({ page: "board", id: broadcastId }))}
          >
            {t("nav.board")}
          </a>
          <button type="button" class="button ghost small" onClick={() => void load()}>
            {t("list.refresh")}
          </button>
          <button
            type="button"
            class="button small"
            onClick={() => void downloadCsv(broadcastId, "report").catch((e: unknown) => (problem.value = String(e)))}
          >
            {t("report.csvClusters")}
          </button>
          <button
            type="button"
            class="button small"
            onClick={() => void downloadCsv(broadcastId, "answers").catch((e: unknown) => (problem.value = String(e)))}
          >
            {t("report.csvAnswers")}
          </button>
          <button type="button" class="button primary small" onClick={() => print()}>
            {t("report.print")}
          </button>
        </div>
        <p class="report-kicker">{t("report.title")}</p>
        <h1 data-testid="report-title">{r?.title ?? broadcastId}</h1>
        {r && (
          <p class="muted small">
            {r.firstChatAt !== null && r.lastChatAt !== null && (
              <span>
                {t("report.span", { from: formatDateTime(r.firstChatAt), to: formatDateTime(r.lastChatAt) })} ·{" "}
              </span>
            )}
            <span class="mono">{broadcastId}</span> · {t("report.generated", { at: formatDateTime(r.generatedAt) })}
          </p>
        )}
      </header>
      {problem.value && (
        <p class="notice error" role="alert">
          {problem.value}
        </p>
      )}
      {!r && !problem.value && <p class="muted">{t("report.loading")}</p>}
      {r && <ReportBody report={r} />}
    </article>
  );
}

function ReportBody({ report }: { report: BroadcastReport }) {
  const ordered = checklistOrder(report.clusters);
  const open = ordered.filter((c) => !c.answered && !c.dismissed);
  const answered = ordered.filter((c) => c.answered);
  const dismissed = ordered.length - open.length - answered.length;
  return (
    <>
      <SummaryCards report={report} />
      <ReportChart report={report} />
      <UnansweredChecklist broadcastId={report.broadcastId} clusters={open} />
      <AnsweredList clusters={answered} />
      <p class="muted small">
        {dismissed > 0 && <span>{t("report.dismissed", { n: dismissed })} · </span>}
        {t("report.more", { shown: formatNumber(report.clusters.length), total: formatNumber(report.clustersTotal) })}
      </p>
      <ProductTable report={report} />
      <AnswersTable report={report} />
      <ModerationAndCapture report={report} />
    </>
  );
}
