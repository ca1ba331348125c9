import { contentStems, questionKey, questionSimilarity } from "../answers/question-key.ts";
import type { ClusterStatus } from "../protocol/board.ts";

/** A group of near-duplicate questions ("asked 37×"), so the manager answers once. */
export interface QuestionCluster {
  id: string;
  /** Sorted content stems; the exact-match key. */
  key: string;
  count: number;
  /** The latest wording, shown on the board and drafted for. */
  latest: string;
  latestSeq: number;
  firstAt: number;
  lastAt: number;
  status: ClusterStatus;
}

export interface ClusterOptions {
  /** Clusters kept; the least recently asked go first. */
  maxClusters?: number;
  /** Similarity (0..1) at which a question joins a cluster with another key. */
  joinAt?: number;
  /** Clusters compared per question at most (those sharing a content stem, most recent first). */
  maxCandidates?: number;
}

/**
 * Groups questions as they stream in. An exact key match is O(1); otherwise only clusters
 * sharing a content stem are compared, so the cost per question stays small at any rate.
 * Map insertion order is the recency order (a touched cluster is re-inserted).
 */
export class ClusterIndex {
  private readonly byKey = new Map<string, QuestionCluster>();
  private readonly byStem = new Map<string, Set<string>>();
  private readonly options: Required<ClusterOptions>;
  private nextId = 1;

  constructor(options: ClusterOptions = {}, restored: readonly QuestionCluster[] = []) {
    this.options = { maxClusters: 500, joinAt: 0.7, maxCandidates: 24, ...options };
    for (const c of [...restored].sort((a, b) => a.lastAt - b.lastAt)) this.insert(c);
    this.nextId = 1 + Math.max(0, ...restored.map((c) => Number(c.id.slice(1)) || 0));
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Adds one question; returns the cluster it joined or started. */
  add(chat: { seq: number; message: string; at: number }): QuestionCluster {
    const key = questionKey(chat.message) || chat.message.trim().toLowerCase();
    const cluster = this.byKey.get(key) ?? this.similar(chat.message);
    if (cluster) {
      cluster.count++;
      cluster.latest = chat.message;
      cluster.latestSeq = chat.seq;
      cluster.lastAt = chat.at;
      this.touch(cluster);
      return cluster;
    }
    const created: QuestionCluster = {
      id: `c${this.nextId++}`, key, count: 1, latest: chat.message, latestSeq: chat.seq, firstAt: chat.at, lastAt: chat.at, status: "open",
    };
    this.insert(created);
    this.evict();
    return created;
  }

  get(id: string): QuestionCluster | undefined {
    for (const c of this.byKey.values()) if (c.id === id) return c;
    return undefined;
  }

  /** The most asked clusters (ties: most recent first). */
  top(n: number): QuestionCluster[] {
    return [...this.byKey.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt).slice(0, n);
  }

  private similar(message: string): QuestionCluster | undefined {
    const candidates = new Set<string>();
    for (const stem of contentStems(message)) for (const key of this.byStem.get(stem) ?? []) candidates.add(key);
    let best: QuestionCluster | undefined;
    let bestScore = this.options.joinAt;
    const recent = [...candidates].map((k) => this.byKey.get(k)!).sort((a, b) => b.lastAt - a.lastAt);
    for (const c of recent.slice(0, this.options.maxCandidates)) {
      const score = questionSimilarity(c.latest, message);
      if (score >= bestScore) [best, bestScore] = [c, score];
    }
    return best;
  }

  private insert(c: QuestionCluster): void {
    this.byKey.set(c.key, c);
    for (const stem of c.key.split(" ")) {
      if (!stem) continue;
      let keys = this.byStem.get(stem);
      if (!keys) this.byStem.set(stem, (keys = new Set()));
      keys.add(c.key);
    }
  }

  private touch(c: QuestionCluster): void {
    this.byKey.delete(c.key);
    this.byKey.set(c.key, c);
  }

  private evict(): void {
    while (this.byKey.size > this.options.maxClusters) {
      const oldest = this.byKey.values().next().value!;
      this.byKey.delete(oldest.key);
      for (const stem of oldest.key.split(" ")) {
        const keys = this.byStem.get(stem);
        keys?.delete(oldest.key);
        if (keys?.size === 0) this.byStem.delete(stem);
      }
    }
  }
}
