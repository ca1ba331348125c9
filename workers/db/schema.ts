import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The only table definitions of D1. `npm run db:generate` writes migrations/ from here.
 * Times are epoch milliseconds. The chat log itself lives in each BroadcastHub's own
 * SQLite, not here: D1 holds what spans broadcasts and what the API lists.
 */
export const broadcasts = sqliteTable("broadcasts", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  source: text("source", { enum: ["ingest", "naver", "replay"] }).notNull(),
  naverUrl: text("naver_url"),
  naverId: text("naver_id"),
  status: text("status", { enum: ["ready", "live", "ended"] }).notNull().default("ready"),
  description: text("description").notNull().default(""),
  /** Free-text notes the manager writes for answering (JSON array of strings). */
  notes: text("notes", { mode: "json" }).$type<string[]>().notNull().default([]),
  chatCount: integer("chat_count").notNull().default(0),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
  /** When the broadcast was marked `ended` (its capture stopped, or a manager ended it). */
  endedAt: integer("ended_at"),
  /** When retention (`RETENTION_DAYS` after `endedAt`) purged the hub's chat log. */
  chatsPurgedAt: integer("chats_purged_at"),
}, (t) => [
  index("broadcasts_created").on(t.createdAt, t.id),
  index("broadcasts_ended").on(t.status, t.endedAt),
]);

export const products = sqliteTable(
  "products",
  {
    broadcastId: text("broadcast_id").notNull().references(() => broadcasts.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    productNo: text("product_no"),
    name: text("name").notNull(),
    brandName: text("brand_name"),
    mallName: text("mall_name"),
    image: text("image"),
    price: integer("price"),
    salePrice: integer("sale_price"),
    discountRate: integer("discount_rate"),
    status: text("status"),
    url: text("url"),
    /** Manager-written detail lines (JSON array of strings). */
    details: text("details", { mode: "json" }).$type<string[]>().notNull().default([]),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.broadcastId, t.key] })],
);

export const productQna = sqliteTable(
  "product_qna",
  {
    id: text("id").primaryKey(),
    broadcastId: text("broadcast_id").notNull().references(() => broadcasts.id, { onDelete: "cascade" }),
    productKey: text("product_key").notNull(),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    askedAt: integer("asked_at"),
  },
  (t) => [index("product_qna_broadcast").on(t.broadcastId, t.productKey)],
);

export const knowledgeChunks = sqliteTable(
  "knowledge_chunks",
  {
    id: text("id").primaryKey(),
    broadcastId: text("broadcast_id").notNull().references(() => broadcasts.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["broadcast", "note", "product", "qna", "coupon", "benefit", "answer"] }).notNull(),
    productKey: text("product_key"),
    text: text("text").notNull(),
    /**
     * Which vector index holds this chunk ("embedded", "vectorize:@cf/baai/bge-m3"): re-indexing
     * re-embeds a chunk whose text or index changed. The embedded index hashes text in memory.
     */
    vector: text("vector"),
    norm: real("norm"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("knowledge_broadcast").on(t.broadcastId, t.kind)],
);

export const publishedAnswers = sqliteTable(
  "published_answers",
  {
    id: text("id").primaryKey(),
    broadcastId: text("broadcast_id").notNull().references(() => broadcasts.id, { onDelete: "cascade" }),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    sourceCommentNo: integer("source_comment_no"),
    status: text("status", { enum: ["published", "unpublished"] }).notNull().default("published"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("published_broadcast").on(t.broadcastId, t.status)],
);

/** Ingest tokens, stored as SHA-256 hashes: the token itself is shown once. */
export const tokens = sqliteTable("tokens", {
  hash: text("hash").primaryKey(),
  broadcastId: text("broadcast_id").notNull().references(() => broadcasts.id, { onDelete: "cascade" }),
  role: text("role", { enum: ["ingest"] }).notNull(),
  createdAt: integer("created_at").notNull(),
  revokedAt: integer("revoked_at"),
});

/** Live coupons and broadcast benefits from the setup crawl, one Korean line each (answer sources). */
export const broadcastBenefits = sqliteTable(
  "broadcast_benefits",
  {
    id: text("id").primaryKey(),
    broadcastId: text("broadcast_id").notNull().references(() => broadcasts.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["coupon", "benefit"] }).notNull(),
    text: text("text").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("broadcast_benefits_broadcast").on(t.broadcastId)],
);

/** Progress of a broadcast's setup crawl, so it can resume where it stopped. */
export const setupCrawls = sqliteTable("setup_crawls", {
  broadcastId: text("broadcast_id").primaryKey().references(() => broadcasts.id, { onDelete: "cascade" }),
  status: text("status", { enum: ["running", "paused", "done", "failed"] }).notNull(),
  /** Product keys whose Q&A is still to crawl, in order (JSON array); the first is in progress. */
  pending: text("pending", { mode: "json" }).$type<string[]>().notNull().default([]),
  /** Next Q&A page (1-based) of the first pending product. */
  nextPage: integer("next_page").notNull().default(1),
  productsTotal: integer("products_total").notNull().default(0),
  qnaStored: integer("qna_stored").notNull().default(0),
  secretSkipped: integer("secret_skipped").notNull().default(0),
  requests: integer("requests").notNull().default(0),
  error: text("error"),
  updatedAt: integer("updated_at").notNull(),
});
