import { useSignal } from "@preact/signals";
import type { BroadcastReport, ReportCluster } from "../../core/report/types.ts";
import { formatDateTime, formatNumber, formatTime, t, type MessageKey } from "./i18n.ts";
import { formatDuration } from "./report-api.ts";

function Card({
  label,
  value,
  note,
  testid,
}: {
  label: string;
  value: string;
  note?: string | undefined;
  testid: string;
}) {
  return (
    <div class="report-card" data-testid={testid}>
      <span class="report-card-label">{label}</span>
      <strong class="report-card-value">{value}</strong>
      {note && <span class="muted small">{note}</span>}
    </div>
  );
}

/** The headline figures. */
export function SummaryCards({ report }: { report: BroadcastReport }) {
  const { totals, timeToAnswer, peakMinute } = report;
  const open = report.clusters.filter((c) => !c.answered && !c.dismissed).length;
  const answered = report.clusters.filter((c) => c.answered).length;
  return (
    <div class="report-cards">
      <Card testid="card-chats" label={t("report.card.chats")} value={formatNumber(totals.chats)} />
      <Card
        testid="card-questions"
        label={t("report.card.questions")}
        value={formatNumber(totals.question)}
        note={`${t("report.card.requests")} ${formatNumber(totals.request)} · ${t("report.card.general")} ${formatNumber(totals.general)}`}
      />
      <Card testid="card-chatters" label={t("report.card.chatters")} value={formatNumber(totals.uniqueChatters)} />
      <Card
        testid="card-peak"
        label={t("report.card.peak")}
        value={peakMinute ? formatNumber(peakMinute.chats) : "–"}
        note={peakMinute ? formatTime(peakMinute.minute) : undefined}
      />
      <Card testid="card-unanswered" label={t("report.card.unanswered")} value={formatNumber(open)} />
      <Card testid="card-answered" label={t("report.card.answered")} value={formatNumber(answered)} />
      <Card
        testid="card-median"
        label={t("report.card.medianAnswer")}
        value={timeToAnswer.medianMs === null ? "–" : formatDuration(timeToAnswer.medianMs)}
        note={
          timeToAnswer.maxMs === null
            ? undefined
            : t("report.card.maxAnswer", { duration: formatDuration(timeToAnswer.maxMs) })
        }
      />
      <Card testid="card-held" label={t("report.card.held")} value={formatNumber(totals.held)} />
    </div>
  );
}

/** Open questions listed (and printed) unless the manager asks for all: the long tail was asked once. */
const CHECKLIST_TOP = 50;

const doneKey = (id: string) => `liveq.report.done.${id}`;

function loadDone(id: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(doneKey(id)) ?? "[]");
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : []);
  } catch {
    return new Set();
  }
}

/** The open questions as a to-do list, most asked first; ticks are kept on this browser. */
export function UnansweredChecklist({
  broadcastId,
  clusters,
}: {
  broadcastId: string;
  clusters: readonly ReportCluster[];
}) {
  const done = useSignal(loadDone(broadcastId));
  const all = useSignal(false);
  const shown = all.value ? clusters : clusters.slice(0, CHECKLIST_TOP);
  const toggle = (id: string) => {
    const next = new Set(done.value);
    if (!next.delete(id)) next.add(id);
    done.value = next;
    try {
      localStorage.setItem(doneKey(broadcastId), JSON.stringify([...next]));
    } catch {
      // Private mode: ticks last for this page only.
    }
  };
  return (
    <section class="report-section" aria-labelledby="report-unanswered" data-testid="report-unanswered">
      <h2 id="report-unanswered">{t("report.unanswered.title", { n: clusters.length })}</h2>
      <p class="muted small no-print-hint">{t("report.unanswered.hint")}</p>
      {clusters.length === 0 ? (
        <p class="muted">{t("report.unanswered.empty")}</p>
      ) : (
        <ol class="report-checklist">
          {shown.map((c) => (
            <li key={c.id} data-testid="unanswered-item">
              <label>
                <input type="checkbox" checked={done.value.has(c.id)} onChange={() => toggle(c.id)} />
                <span class="report-count">{t("report.asked", { n: c.count })}</span>
                {/* Viewers' words: text only. */}
                <span class="report-question">{c.text}</span>
                <span class="muted small">{t("report.firstAsked", { time: formatTime(c.firstAskedAt) })}</span>
              </label>
            </li>
          ))}
        </ol>
      )}
      {clusters.length > CHECKLIST_TOP && (
        <button
          type="button"
          class="link-button small no-print"
          aria-pressed={all.value}
          onClick={() => (all.value = !all.value)}
        >
          {all.value
            ? t("report.unanswered.showTop", { n: CHECKLIST_TOP })
            : t("report.unanswered.showAll", { n: clusters.length })}
        </button>
      )}
    </section>
  );
}

/** Answered clusters: the answer, who gave it and how long viewers waited. */
export function AnsweredList({ clusters }: { clusters: readonly ReportCluster[] }) {
  return (
    <section class="report-section" aria-labelledby="report-answered" data-testid="report-answered">
      <h2 id="report-answered">{t("report.answered.title", { n: clusters.length })}</h2>
      {clusters.length === 0 ? (
        <p class="muted">{t("report.answered.empty")}</p>
      ) : (
        <ul class="report-answered">
          {clusters.map((c) => (
            <li key={c.id} data-testid="answered-item">
              <p class="report-qa">
                <span class="report-count">{t("report.asked", { n: c.count })}</span>
                <span class="report-question">{c.text}</span>
              </p>
              <p class="report-answer">{c.answer ?? t("report.answered.marked")}</p>
              <p class="muted small">
                {c.timeToAnswerMs !== null && (
                  <span data-testid="time-to-answer">
                    {t("report.answered.after", { duration: formatDuration(c.timeToAnswerMs) })}
                  </span>
                )}
                {c.answeredAt !== null && <span> · {formatTime(c.answeredAt)}</span>}
                {c.by && <span> · {c.by}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Questions per product, with those that named none. */
export function ProductTable({ report }: { report: BroadcastReport }) {
  return (
    <section class="report-section keep" aria-labelledby="report-products" data-testid="report-products">
      <h2 id="report-products">{t("report.products.title")}</h2>
      {report.products.length === 0 && <p class="muted small">{t("report.products.empty")}</p>}
      <table class="report-table">
        <thead>
          <tr>
            <th scope="col">{t("report.products.col.product")}</th>
            <th scope="col" class="num">
              {t("report.products.col.questions")}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...report.products]
            .sort((a, b) => b.questions - a.questions)
            .map((p) => (
              <tr key={p.key} data-testid="product-row">
                <th scope="row">{p.name}</th>
                <td class="num">{formatNumber(p.questions)}</td>
              </tr>
            ))}
          <tr class="muted">
            <th scope="row">{t("report.products.unassigned")}</th>
            <td class="num">{formatNumber(report.unassignedQuestions)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

const MODERATION: readonly (keyof BroadcastReport["moderation"])[] = ["abuse", "spam", "personal_info"];

/** Held chats by category, and capture outages. */
export function ModerationAndCapture({ report }: { report: BroadcastReport }) {
  return (
    <div class="report-pair">
      <section class="report-section" aria-labelledby="report-moderation" data-testid="report-moderation">
        <h2 id="report-moderation">{t("report.moderation.title")}</h2>
        <dl class="report-dl">
          {MODERATION.map((k) => (
            <div key={k}>
              <dt>{t(`report.moderation.${k}` as MessageKey)}</dt>
              <dd class="num">{formatNumber(report.moderation[k])}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section class="report-section" aria-labelledby="report-outages" data-testid="report-outages">
        <h2 id="report-outages">{t("report.outages.title")}</h2>
        {report.captureOutages.length === 0 ? (
          <p class="muted small">{t("report.outages.none")}</p>
        ) : (
          <ul class="report-outages">
            {report.captureOutages.map((o) => (
              <li key={o.from}>
                {formatDateTime(o.from)} – {o.to === null ? t("report.outages.ongoing") : formatTime(o.to)} ·{" "}
                {t(`capture.${o.state}` as MessageKey)}
                {o.to !== null && ` (${formatDuration(o.to - o.from)})`}
                {o.message && <span class="muted small"> {o.message}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** Every answer sent, in order: also those given to a single chat rather than a cluster. */
export function AnswersTable({ report }: { report: BroadcastReport }) {
  if (report.answers.length === 0) return null;
  return (
    <section class="report-section" aria-labelledby="report-answers" data-testid="report-answers">
      <h2 id="report-answers">{t("report.answers.title", { n: report.answers.length })}</h2>
      <table class="report-table">
        <tbody>
          {report.answers.map((a) => (
            <tr key={a.id} data-testid="answer-row">
              <td class="muted small">{formatTime(a.publishedAt)}</td>
              <td>
                <span class="report-question">{a.question}</span>
                <br />
                <span>{a.answer}</span>
              </td>
              <td class="muted small">
                {a.by ?? ""}
                {a.status !== "published" && ` · ${t("report.answers.unpublished")}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
