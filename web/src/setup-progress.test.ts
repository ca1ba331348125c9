import { describe, expect, it } from "vitest";
import { cleanName } from "./manager-name.ts";
import type { CrawlProgress } from "../../core/protocol/index.ts";
import { crawlFraction, crawlNeedsPolling, crawlStep, linesOf } from "./setup-progress.ts";

const crawl = (over: Partial<CrawlProgress>): CrawlProgress => ({
  status: "running",
  nextPage: 1,
  productsTotal: 4,
  productsLeft: 4,
  qnaStored: 0,
  secretSkipped: 0,
  requests: 0,
  error: null,
  updatedAt: 0,
  ...over,
});

describe("setup progress", () => {
  it("measures the crawl by products done, a product in progress counting half", () => {
    expect(crawlFraction(null)).toBe(0);
    expect(crawlFraction(crawl({}))).toBe(0);
    expect(crawlFraction(crawl({ productsLeft: 2 }))).toBe(0.5);
    expect(crawlFraction(crawl({ productsLeft: 2, nextPage: 3 }))).toBe(0.625);
    expect(crawlFraction(crawl({ status: "done", productsLeft: 0 }))).toBe(1);
    expect(crawlFraction(crawl({ productsTotal: 0, productsLeft: 0 }))).toBe(1);
  });

  it("treats a pause between crawl steps as progress (the server continues it), a failure as retryable", () => {
    expect(crawlStep(crawl({}))).toBe("working");
    expect(crawlStep(crawl({ status: "paused" }))).toBe("working");
    expect(crawlStep(crawl({ status: "failed" }))).toBe("error");
    expect(crawlStep(crawl({ status: "done" }))).toBe("done");
    expect(crawlStep(null)).toBe("idle");
    expect(crawlNeedsPolling(crawl({}))).toBe(true);
    expect(crawlNeedsPolling(crawl({ status: "paused" }))).toBe(true);
    expect(crawlNeedsPolling(crawl({ status: "done" }))).toBe(false);
  });

  it("turns a textarea into trimmed non-empty lines", () => {
    expect(linesOf("  무료배송 \n\n교환 7일 이내\n  ")).toEqual(["무료배송", "교환 7일 이내"]);
  });

  it("cleans a manager's display name to what the hub accepts", () => {
    expect(cleanName("  김   민지 ")).toBe("김 민지");
    expect(cleanName("   ")).toBe("");
    expect(cleanName("x".repeat(60))).toHaveLength(40);
  });
});
