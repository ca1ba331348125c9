import type { PredraftJob } from "../core/hub/predrafts.ts";
import type { ViewerEvent } from "../core/protocol/viewer.ts";
import type { PredraftResult } from "../server/answers/cluster-drafts.ts";
import type { HubClusters } from "./hub-clusters.ts";

/**
 * The hub's side of cluster pre-drafts: hands the queued clusters (hub-clusters.ts) to the
 * broadcast's ClusterDrafter object, at most one batch a second and one at a time, and keeps
 * what comes back. Nothing here loads knowledge or drafts: the hub's event loop only sends one
 * RPC a second and, when it answers, stores a few rows.
 */
export class PredraftHandOver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly ctx: DurableObjectState;
  private readonly env: Env;
  private readonly wake: () => void;

  /** `wake` asks the hub for another summary soon (which calls `run` again). */
  constructor(ctx: DurableObjectState, env: Env, wake: () => void) {
    this.ctx = ctx;
    this.env = env;
    this.wake = wake;
  }

  /** Called with every summary: hands over a batch if one may go, else wakes up when it may. */
  run(clusters: HubClusters, broadcastId: string, now: number): void {
    if (!broadcastId) return;
    const jobs = clusters.takeDraftJobs(now);
    if (jobs) {
      const work = requestDrafts(this.env, broadcastId, jobs)
        .then((results) => clusters.applyDrafts(results))
        .catch((err: unknown) => {
          clusters.settleDrafts();
          console.error(
            JSON.stringify({
              event: "predraft-handover-failed",
              broadcastId,
              clusters: jobs.length,
              error: String(err),
            }),
          );
        })
        .finally(this.wake);
      this.ctx.waitUntil(work);
      return;
    }
    const at = clusters.nextDraftAt();
    if (at !== null && !this.timer) {
      this.timer = setTimeout(
        () => {
          this.timer = null;
          this.wake();
        },
        Math.max(0, at - now),
      );
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function requestDrafts(env: Env, broadcastId: string, jobs: PredraftJob[]): Promise<PredraftResult[]> {
  return env.CLUSTER_DRAFTER.getByName(broadcastId).draftClusters(broadcastId, jobs);
}

/** A publish, edit or unpublish relayed through the hub, as its clusters see it; true when they changed. */
export function notePublishedAnswer(
  clusters: HubClusters,
  broadcastId: string,
  event: ViewerEvent,
  clusterId?: string,
): void {
  if (event.type === "qa") clusters.notePublished(broadcastId, event, clusterId);
  else clusters.noteUnpublished(event.id);
}
