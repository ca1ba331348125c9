import { ClusterIndex, type QuestionCluster } from "../core/hub/clusters.ts";
import type { DraftResponse } from "../core/answers/api.ts";
import { PredraftQueue, type PredraftJob } from "../core/hub/predrafts.ts";
import type { BoardChat, ClusterStatus, ClusterView } from "../core/protocol/board.ts";

/** Clusters sent to a board when it goes live. */
const TOP_CLUSTERS = 50;
/** A cluster asked this often gets an answer drafted before anyone clicks. */
const PREDRAFT_AT = 3;

type ClusterRow = {
  id: string;
  key: string;
  count: number;
  latest: string;
  latest_seq: number;
  first_at: number;
  last_at: number;
  status: ClusterStatus;
  draft: string | null;
};

/**
 * The hub's question clusters: fed with every classified question, persisted (changed
 * rows only, once per stats tick) in the hub's SQLite, shown to boards, and pre-drafted
 * for the most asked ones so a manager usually finds the answer already written. Drafting
 * happens elsewhere (the ClusterDrafter object): this only queues the clusters that want a
 * draft and keeps the drafts that come back.
 */
export class HubClusters {
  private readonly sql: SqlStorage;
  private readonly index: ClusterIndex;
  private readonly drafts = new Map<string, DraftResponse>();
  private readonly changed = new Set<QuestionCluster>();
  private readonly queue = new PredraftQueue();

  constructor(sql: SqlStorage, options: { maxClusters?: number } = {}) {
    this.sql = sql;
    const rows = sql
      .exec<ClusterRow>("SELECT * FROM clusters ORDER BY last_at DESC LIMIT ?", options.maxClusters ?? 2000)
      .toArray();
    for (const row of rows) if (row.draft) this.drafts.set(row.id, JSON.parse(row.draft) as DraftResponse);
    this.index = new ClusterIndex(options, rows.map(fromRow));
  }

  /** Drafts held in memory: never more than the clusters the index keeps (plus one). */
  get draftCount(): number {
    return this.drafts.size;
  }

  /** Adds the questions among classified chats. */
  add(chats: readonly Pick<BoardChat, "seq" | "message" | "at" | "intent">[]): void {
    for (const chat of chats) if (chat.intent === "question") this.changed.add(this.index.add(chat));
  }

  setStatus(id: string, status: ClusterStatus): boolean {
    const cluster = this.index.get(id);
    if (!cluster) return false;
    cluster.status = status;
    this.changed.add(cluster);
    return true;
  }

  /** The clusters changed since the last call, persisted first; busy open ones without a draft queue for one. */
  takeChanged(): ClusterView[] {
    const changed = [...this.changed];
    this.changed.clear();
    this.persist(changed);
    for (const c of changed) {
      if (c.count >= PREDRAFT_AT && c.status === "open" && !this.drafts.has(c.id))
        this.queue.want(c.id, c.latest, c.count);
      else this.queue.drop(c.id);
    }
    // Evicted clusters take their drafts with them (their rows, with the draft, stay for the report).
    if (this.drafts.size > this.index.size) this.pruneDrafts();
    return changed.map((c) => this.view(c));
  }

  /** The next batch of clusters to draft for, if one may be handed over now (core/hub/predrafts.ts). */
  takeDraftJobs(now: number): PredraftJob[] | null {
    return this.queue.take(now);
  }

  /** When the next batch may go, or null when nothing waits or a batch is out. */
  nextDraftAt(): number | null {
    return this.queue.nextAt();
  }

  /** Drafts that came back: kept, persisted and sent with the next summary. Ends the batch. */
  applyDrafts(results: readonly { clusterId: string; draft: DraftResponse }[]): void {
    const byId = new Map(results.map((r) => [r.clusterId, r.draft]));
    if (byId.size) {
      for (const cluster of this.index.all()) {
        const draft = byId.get(cluster.id);
        if (!draft) continue;
        this.drafts.set(cluster.id, draft);
        this.changed.add(cluster);
      }
    }
    this.queue.settle();
  }

  /** The batch failed: the next may go; its clusters queue again when they are asked again. */
  settleDrafts(): void {
    this.queue.settle();
  }

  /**
   * A manager published (or edited) an answer: the cluster it answered, and an open cluster
   * asking the same question, show it as their draft, so the repeat is answered in one click
   * (later clusters get it from the ClusterDrafter, core/answers/reuse.ts).
   */
  notePublished(
    broadcastId: string,
    answer: { id: string; question: string; answer: string },
    clusterId?: string,
  ): void {
    const draft: DraftResponse = {
      answer: answer.answer,
      abstained: false,
      sources: [
        {
          id: `${broadcastId}:answer:${answer.id}`,
          kind: "answer",
          productKey: "",
          text: `Q: ${answer.question}\nA: ${answer.answer}`,
        },
      ],
      confidence: 1,
      suggestions: [],
    };
    const targets = [clusterId === undefined ? undefined : this.index.get(clusterId), this.index.find(answer.question)];
    for (const cluster of new Set(targets)) {
      if (!cluster) continue;
      this.drafts.set(cluster.id, draft);
      this.queue.drop(cluster.id);
      this.changed.add(cluster);
    }
  }

  /** An answer was unpublished: drafts citing it go (the clusters are drafted again when asked again). */
  noteUnpublished(answerId: string): void {
    for (const [id, draft] of this.drafts) {
      if (!draft.sources.some((s) => s.kind === "answer" && s.id.endsWith(`:answer:${answerId}`))) continue;
      this.drafts.delete(id);
      const cluster = this.index.get(id);
      if (cluster) this.changed.add(cluster);
    }
  }

  private pruneDrafts(): void {
    const live = new Set(this.index.top(this.index.size).map((c) => c.id));
    for (const id of this.drafts.keys()) if (!live.has(id)) this.drafts.delete(id);
  }

  /** The most asked clusters, for a board that just went live. */
  top(): ClusterView[] {
    return this.index.top(TOP_CLUSTERS).map((c) => this.view(c));
  }

  /** Writes the changed clusters in one statement (a JSON parameter SQLite unpacks): hundreds change a second at peak. */
  private persist(changed: readonly QuestionCluster[]): void {
    if (changed.length === 0) return;
    const rows = changed.map((c) => {
      const draft = this.drafts.get(c.id);
      return [
        c.id,
        c.key,
        c.count,
        c.latest,
        c.latestSeq,
        c.firstAt,
        c.lastAt,
        c.status,
        draft ? JSON.stringify(draft) : null,
      ];
    });
    this.sql.exec(
      `INSERT OR REPLACE INTO clusters (id, key, count, latest, latest_seq, first_at, last_at, status, draft)
       SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, value->>8 FROM json_each(?)`,
      JSON.stringify(rows),
    );
  }

  private view(c: QuestionCluster): ClusterView {
    const { id, count, latest, latestSeq, firstAt, lastAt, status } = c;
    return { id, count, latest, latestSeq, firstAt, lastAt, status, draft: this.drafts.get(id) ?? null };
  }
}

function fromRow(r: ClusterRow): QuestionCluster {
  return {
    id: r.id,
    key: r.key,
    count: r.count,
    latest: r.latest,
    latestSeq: r.latest_seq,
    firstAt: r.first_at,
    lastAt: r.last_at,
    status: r.status,
  };
}
