import { BroadcastReport } from "../../core/report/types.ts";
import { ApiFailure, request } from "./api.ts";
import { durationParts } from "./report-geometry.ts";
import { t } from "./i18n.ts";

const base = (id: string) => `/api/broadcasts/${encodeURIComponent(id)}`;

/** The report, validated against its schema (core/report/types.ts). */
export function fetchReport(id: string): Promise<BroadcastReport> {
  return request(BroadcastReport, `${base(id)}/report`);
}

/**
 * Downloads a CSV export with the session cookie, handed to the browser as a blob so a failure
 * shows as an error here rather than as a downloaded error page.
 */
export async function downloadCsv(id: string, kind: "report" | "answers"): Promise<void> {
  const res = await fetch(`${base(id)}/${kind}.csv`, { credentials: "same-origin" });
  if (!res.ok) throw new ApiFailure(res.status, `http_${res.status}`, res.statusText);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = `${id}-${kind}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "2분 30초" / "2m 30s"; hours drop the seconds. */
export function formatDuration(ms: number): string {
  const { h, m, s } = durationParts(ms);
  if (h > 0) return t("duration.hm", { h, m });
  return m > 0 ? t("duration.ms", { m, s }) : t("duration.s", { s });
}
