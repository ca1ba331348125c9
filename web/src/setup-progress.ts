import type { CrawlProgress } from "../../core/protocol/index.ts";

/** What a setup step shows: a word, a colour, and whether it offers a retry. */
export type StepStatus = "idle" | "working" | "done" | "error" | "skipped";

/** Share of the products whose Q&A is crawled, 0..1 (the product in progress counts half done). */
export function crawlFraction(crawl: CrawlProgress | null): number {
  if (!crawl) return 0;
  if (crawl.status === "done" || crawl.productsTotal === 0) return 1;
  const done = crawl.productsTotal - crawl.productsLeft;
  const partial = crawl.productsLeft > 0 && crawl.nextPage > 1 ? 0.5 : 0;
  return Math.min(1, Math.max(0, (done + partial) / crawl.productsTotal));
}

/**
 * The crawl as a step. The server's alarm crawls in bounded steps and pauses between them, so
 * a pause is progress; `failed` (Naver kept failing) is a stop the manager can retry.
 */
export function crawlStep(crawl: CrawlProgress | null): StepStatus {
  if (!crawl) return "idle";
  switch (crawl.status) {
    case "running":
      return "working";
    case "done":
      return "done";
    case "paused":
      return "working";
    case "failed":
      return "error";
  }
}

/** Whether the page should keep polling the crawl (it advances in the server's background). */
export function crawlNeedsPolling(crawl: CrawlProgress | null): boolean {
  return crawl?.status === "running" || crawl?.status === "paused";
}

/** Text lines from a textarea: trimmed, blank lines dropped (the API refuses empty lines). */
export function linesOf(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}
