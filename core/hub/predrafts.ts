import * as z from "zod";

/**
 * Cluster pre-drafts handed from the BroadcastHub to the drafting side (the ClusterDrafter
 * object): the hub never loads knowledge, re-indexes or calls a model itself. It hands over
 * at most one batch a second, the most asked clusters first, and one batch at a time.
 */

/** A cluster to draft for, by its latest wording. */
export const PredraftJob = z.object({ clusterId: z.string().min(1).max(32), question: z.string().min(1).max(500) });
export type PredraftJob = z.infer<typeof PredraftJob>;

export const PredraftJobs = z.array(PredraftJob).max(64);

export interface PredraftOptions {
  /** Least time between two hand-overs. */
  intervalMs?: number;
  /** Clusters per hand-over; the rest wait for the next. */
  maxJobs?: number;
}

/**
 * Which clusters still want a draft and when the next batch may go. Pure bookkeeping: the
 * hub asks `take(now)` whenever it sends a summary and reports back with `settle`.
 */
export class PredraftQueue {
  private readonly wanted = new Map<string, { question: string; count: number }>();
  private readonly intervalMs: number;
  private readonly maxJobs: number;
  private inflight: PredraftJob[] | null = null;
  private lastAt = -Infinity;

  constructor(options: PredraftOptions = {}) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.maxJobs = options.maxJobs ?? 8;
  }

  /** A cluster wants a (new) draft for this wording; a later wording replaces an earlier one. */
  want(clusterId: string, question: string, count: number): void {
    if (this.inflight?.some((j) => j.clusterId === clusterId)) return;
    this.wanted.set(clusterId, { question, count });
  }

  /** A cluster no longer wants a draft (answered, dismissed, or drafted meanwhile). */
  drop(clusterId: string): void {
    this.wanted.delete(clusterId);
  }

  get pending(): number {
    return this.wanted.size;
  }

  /** When the next batch may go (ms epoch), or null when nothing waits or a batch is out. */
  nextAt(): number | null {
    if (this.inflight || this.wanted.size === 0) return null;
    return this.lastAt + this.intervalMs;
  }

  /** The next batch if one may go now: the most asked waiting clusters, at most `maxJobs`. */
  take(now: number): PredraftJob[] | null {
    const at = this.nextAt();
    if (at === null || now < at) return null;
    const jobs = [...this.wanted.entries()]
      .sort((a, b) => b[1].count - a[1].count)
      .slice(0, this.maxJobs)
      .map(([clusterId, { question }]) => ({ clusterId, question }));
    for (const j of jobs) this.wanted.delete(j.clusterId);
    this.inflight = jobs;
    this.lastAt = now;
    return jobs;
  }

  /** The batch came back (or failed): the next one may go once the interval has passed. */
  settle(): void {
    this.inflight = null;
  }
}
