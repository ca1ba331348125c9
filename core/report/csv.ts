import { csvCell } from "../hub/export.ts";
import { checklistOrder } from "./assemble.ts";
import type { BroadcastReport } from "./types.ts";

/** Excel reads a UTF-8 file as Hangul only when it starts with the byte-order mark. */
export const BOM = "\uFEFF";

const iso = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());
const seconds = (ms: number | null) => (ms === null ? "" : String(Math.round(ms / 1000)));
const row = (cells: readonly (string | number)[]) =>
  `${cells.map((c) => (typeof c === "number" ? String(c) : csvCell(c))).join(",")}\n`;

/** The question clusters with their answers, open ones first (the team's to-do list). */
export function clustersCsv(report: BroadcastReport): string {
  const names = new Map(report.products.map((p) => [p.key, p.name]));
  const header = row([
    "id",
    "question",
    "count",
    "firstAskedAt",
    "status",
    "answeredAt",
    "timeToAnswerSec",
    "answer",
    "by",
    "product",
  ]);
  const lines = checklistOrder(report.clusters).map((c) =>
    row([
      c.id,
      c.text,
      c.count,
      iso(c.firstAskedAt),
      c.answered ? "answered" : c.dismissed ? "dismissed" : "open",
      iso(c.answeredAt),
      seconds(c.timeToAnswerMs),
      c.answer ?? "",
      c.by ?? "",
      c.productKey ? (names.get(c.productKey) ?? c.productKey) : "",
    ]),
  );
  return BOM + header + lines.join("");
}

/** The published (and since unpublished) answers in publishing order. */
export function answersCsv(report: BroadcastReport): string {
  const header = row(["id", "question", "answer", "publishedAt", "by", "status", "clusterId", "timeToAnswerSec"]);
  const lines = report.answers.map((a) =>
    row([
      a.id,
      a.question,
      a.answer,
      iso(a.publishedAt),
      a.by ?? "",
      a.status,
      a.clusterId ?? "",
      seconds(a.timeToAnswerMs),
    ]),
  );
  return BOM + header + lines.join("");
}
