import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { DraftResponse } from "../../core/answers/api.ts";
import { HubClusters } from "../../durable-objects/hub-clusters.ts";
import { MAX_TRACKED, ViewerRateLimiter } from "../../server/viewer-limits.ts";
import { isKnownBroadcast, knownBroadcastCount, MAX_KNOWN, rememberBroadcast } from "../../workers/lifecycle.ts";
import { createBroadcast } from "./helpers.ts";

/** A question no other one resembles: three Hangul syllables picked from `n`. */
function distinctQuestion(n: number): string {
  const syllable = (k: number) => String.fromCharCode(0xac00 + ((n * 7919 + k * 104_729) % 11_172));
  return `${syllable(1)}${syllable(2)}${syllable(3)} 있어요?`;
}

describe("bounded memory in the hub", () => {
  it("drops the drafts of clusters the index evicted, keeping their rows for the report", async () => {
    const { id } = await createBroadcast();
    const result = await runInDurableObject(env.BROADCAST_HUB.getByName(id), async (_hub, state) => {
      const clusters = new HubClusters(state.storage.sql, { maxClusters: 5 });
      // Drafts come back from the ClusterDrafter in batches, at most one a second.
      const draftOf = (question: string): DraftResponse => ({
        answer: `답: ${question}`,
        abstained: false,
        sources: [],
        confidence: 0.9,
        suggestions: [],
      });
      let seq = 0;
      let peak = 0;
      let now = 1_760_000_000_000;
      for (let n = 0; n < 40; n++) {
        const message = distinctQuestion(n);
        clusters.add([1, 2, 3].map(() => ({ seq: ++seq, message, at: now + seq, intent: "question" as const })));
        clusters.takeChanged();
        now += 1_000;
        const jobs = clusters.takeDraftJobs(now);
        if (jobs) clusters.applyDrafts(jobs.map((j) => ({ clusterId: j.clusterId, draft: draftOf(j.question) })));
        peak = Math.max(peak, clusters.draftCount);
      }
      clusters.takeChanged();
      const rows = state.storage.sql
        .exec<{ n: number }>("SELECT count(*) AS n FROM clusters WHERE draft IS NOT NULL")
        .one().n;
      return { peak, drafts: clusters.draftCount, rows };
    });
    expect(result.peak).toBeLessThanOrEqual(6);
    expect(result.drafts).toBeLessThanOrEqual(5);
    // Storage keeps every drafted cluster (the broadcast's report); only memory is bounded.
    expect(result.rows).toBeGreaterThan(30);
  });
});

describe("bounded caches in the Worker and viewer shards", () => {
  it("remembers at most MAX_TRACKED addresses per shard for rate limits, forgetting the oldest", () => {
    const limiter = new ViewerRateLimiter(30);
    const now = 1_760_000_000_000;
    for (let i = 0; i < MAX_TRACKED + 500; i++) limiter.allow(`198.51.${i >> 8}.${i & 255}`, now);
    expect(limiter.tracked).toBe(MAX_TRACKED);
  });

  it("remembers at most MAX_KNOWN broadcast ids per isolate, forgetting the oldest", () => {
    const now = Date.now();
    for (let i = 0; i < MAX_KNOWN + 100; i++) rememberBroadcast(`b-bound-${i}`, now);
    expect(knownBroadcastCount()).toBe(MAX_KNOWN);
    expect(isKnownBroadcast("b-bound-0", now)).toBe(false);
    expect(isKnownBroadcast(`b-bound-${MAX_KNOWN + 99}`, now)).toBe(true);
  });
});
