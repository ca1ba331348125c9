import { ClusterIndex, type QuestionCluster } from "../core/hub/clusters.ts";
import type { DraftResponse } from "../core/answers/api.ts";
import type { BoardChat, ClusterStatus, ClusterView } from "../core/protocol/board.ts";

/** Clusters sent to a board when it goes live. */
const TOP_CLUSTERS = 50;
/** A cluster asked this often gets an answer drafted before anyone clicks. */
const PREDRAFT_AT = 3;
const MAX_PREDRAFTS_INFLIGHT = 2;

type Drafter = (question: string) => Promise<DraftResponse | null>;

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
 * for the most asked ones so a manager usually finds the answer already written.
 */
export class HubClusters {
  private readonly sql: SqlStorage;
  private readonly index: ClusterIndex;
  private readonly drafts = new Map<string, DraftResponse>();
  private readonly changed = new Set<QuestionCluster>();
  private readonly drafting = new Set<string>();

  constructor(sql: SqlStorage, options: { maxClusters?: number } = {}) {
    this.sql = sql;
    const rows = sql.exec<ClusterRow>("SELECT * FROM clusters ORDER BY last_at DESC LIMIT ?", options.maxClusters ?? 2000).toArray();
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

  /** The clusters changed since the last call, persisted first; starts pre-drafts for busy ones. */
  takeChanged(drafter: Drafter, waitUntil: (p: Promise<unknown>) => void): ClusterView[] {
    const changed = [...this.changed];
    this.changed.clear();
    for (const c of changed) {
      this.persist(c);
      if (c.count >= PREDRAFT_AT && c.status === "open" && !this.drafts.has(c.id)) this.predraft(c, drafter, waitUntil);
    }
    // Evicted clusters take their drafts with them (their rows, with the draft, stay for the report).
    if (this.drafts.size > this.index.size) this.pruneDrafts();
    return changed.map((c) => this.view(c));
  }

  private pruneDrafts(): void {
    const live = new Set(this.index.top(this.index.size).map((c) => c.id));
    for (const id of this.drafts.keys()) if (!live.has(id)) this.drafts.delete(id);
  }

  /** The most asked clusters, for a board that just went live. */
  top(): ClusterView[] {
    return this.index.top(TOP_CLUSTERS).map((c) => this.view(c));
  }

  private predraft(cluster: QuestionCluster, drafter: Drafter, waitUntil: (p: Promise<unknown>) => void): void {
    if (this.drafting.has(cluster.id) || this.drafting.size >= MAX_PREDRAFTS_INFLIGHT) return;
    this.drafting.add(cluster.id);
    const work = drafter(cluster.latest)
      .then((draft) => {
        if (!draft) return;
        this.drafts.set(cluster.id, draft);
        this.changed.add(cluster);
      })
      .catch((err: unknown) => console.error(JSON.stringify({ event: "predraft-failed", cluster: cluster.id, error: String(err) })))
      .finally(() => this.drafting.delete(cluster.id));
    waitUntil(work);
  }

  private persist(c: QuestionCluster): void {
    const draft = this.drafts.get(c.id);
    this.sql.exec(
      `INSERT OR REPLACE INTO clusters (id, key, count, latest, latest_seq, first_at, last_at, status, draft)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      c.id, c.key, c.count, c.latest, c.latestSeq, c.firstAt, c.lastAt, c.status, draft ? JSON.stringify(draft) : null,
    );
  }

  private view(c: QuestionCluster): ClusterView {
    const { id, count, latest, latestSeq, firstAt, lastAt, status } = c;
    return { id, count, latest, latestSeq, firstAt, lastAt, status, draft: this.drafts.get(id) ?? null };
  }
}

function fromRow(r: ClusterRow): QuestionCluster {
  return { id: r.id, key: r.key, count: r.count, latest: r.latest, latestSeq: r.latest_seq, firstAt: r.first_at, lastAt: r.last_at, status: r.status };
}
