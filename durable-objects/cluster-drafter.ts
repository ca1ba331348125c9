import { DurableObject } from "cloudflare:workers";
import { PredraftJobs } from "../core/hub/predrafts.ts";
import { draftClusterQuestions, type PredraftResult } from "../server/answers/cluster-drafts.ts";

/**
 * Drafts answers for a broadcast's busy question clusters, off the BroadcastHub's thread:
 * loading knowledge from D1, re-indexing and any language-model call happen here, one batch
 * at a time (the hub hands over at most one batch a second, core/hub/predrafts.ts). One
 * object per broadcast, addressed by its id; it keeps nothing: memory and storage stay empty.
 */
export class ClusterDrafter extends DurableObject<Env> {
  /** RPC from the hub: drafts for the clusters asked; malformed jobs are refused as a whole. */
  async draftClusters(broadcastId: string, jobs: unknown): Promise<PredraftResult[]> {
    const parsed = PredraftJobs.safeParse(jobs);
    if (!parsed.success || typeof broadcastId !== "string" || !broadcastId) return [];
    return draftClusterQuestions(this.env, broadcastId, parsed.data);
  }
}
