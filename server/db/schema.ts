import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * The only table definitions of D1. `npm run db:generate` writes migrations/ from here.
 * Times are epoch milliseconds. The chat log itself lives in each BroadcastHub's own
 * SQLite, not here: D1 holds what spans broadcasts and what the API lists.
 */
export const broadcasts = sqliteTable(
  "broadcasts",
  {
    id: text("id").primaryKey(),
    title: text("title").notNull(),
    source: text("source", { enum: ["ingest", "naver", "replay", "youtube"] }).notNull(),
    naverUrl: text("naver_url"),
    naverId: text("naver_id"),
    /** The YouTube live's 11-character video id (source youtube). */
    youtubeVideoId: text("youtube_video_id"),
    status: text("status", { enum: ["ready", "live", "ended"] })
      .notNull()
      .default("ready"),
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
  },
  (t) => [index("broadcasts_created").on(t.createdAt, t.id), index("broadcasts_ended").on(t.status, t.endedAt)],
);

export const products = sqliteTable(
  "products",
  {
    broadcastId: text("broadcast_id")
      .notNull()
      .references(() => broadcasts.id, { onDelete: "cascade" }),
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
    broadcastId: text("broadcast_id")
      .notNull()
      .references(() => broadcasts.id, { onDelete: "cascade" }),
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
    broadcastId: text("broadcast_id")
      .notNull()
      .references(() => broadcasts.id, { onDelete: "cascade" }),
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
    broadcastId: text("broadcast_id")
      .notNull()
      .references(() => broadcasts.id, { onDelete: "cascade" }),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    sourceCommentNo: integer("source_comment_no"),
    status: text("status", { enum: ["published", "unpublished"] })
      .notNull()
      .default("published"),
    /** The member who published it (migration 0010_auth): id and name as it was then. */
    publishedById: text("published_by_id"),
    publishedBy: text("published_by"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("published_broadcast").on(t.broadcastId, t.status)],
);

/** Ingest tokens, stored as SHA-256 hashes: the token itself is shown once. */
export const tokens = sqliteTable(
  "tokens",
  {
    hash: text("hash").primaryKey(),
    /** Public id for revoking (migration 0010_auth; older rows got one from their hash). */
    id: text("id"),
    createdBy: text("created_by"),
    broadcastId: text("broadcast_id")
      .notNull()
      .references(() => broadcasts.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["ingest"] }).notNull(),
    createdAt: integer("created_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("tokens_id").on(t.id)],
);

/** Live coupons and broadcast benefits from the setup crawl, one Korean line each (answer sources). */
export const broadcastBenefits = sqliteTable(
  "broadcast_benefits",
  {
    id: text("id").primaryKey(),
    broadcastId: text("broadcast_id")
      .notNull()
      .references(() => broadcasts.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["coupon", "benefit"] }).notNull(),
    text: text("text").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("broadcast_benefits_broadcast").on(t.broadcastId)],
);

/** Progress of a broadcast's setup crawl, so it can resume where it stopped. */
export const setupCrawls = sqliteTable("setup_crawls", {
  broadcastId: text("broadcast_id")
    .primaryKey()
    .references(() => broadcasts.id, { onDelete: "cascade" }),
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

/**
 * Team members (migration 0010_auth). `owner` is the bootstrap member ADMIN_TOKEN signs in as.
 * Sign-in tokens are stored as SHA-256 hashes; revoking keeps the row for the audit log.
 */
export const members = sqliteTable(
  "members",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    role: text("role", { enum: ["owner", "manager", "moderator", "analyst"] }).notNull(),
    /** Lower-case; how Cloudflare Access identities map to members. */
    email: text("email"),
    tokenHash: text("token_hash"),
    createdAt: integer("created_at").notNull(),
    createdBy: text("created_by"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [
    uniqueIndex("members_token").on(t.tokenHash),
    uniqueIndex("members_email_active").on(t.email).where(sql`revoked_at is null`),
  ],
);

/** Dashboard sessions: the cookie holds a random id, D1 only its hash. */
export const sessions = sqliteTable(
  "sessions",
  {
    hash: text("hash").primaryKey(),
    /** Short public handle (tags the session's sockets so signing out closes them). */
    id: text("id").notNull(),
    memberId: text("member_id").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("sessions_member").on(t.memberId)],
);

/** Who did what, when, to which broadcast. No foreign keys: entries outlive what they name. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    target: text("target").notNull(),
    broadcastId: text("broadcast_id"),
  },
  (t) => [index("audit_at").on(t.at), index("audit_broadcast").on(t.broadcastId, t.at)],
);

/** Which hubs a member has opened sockets on: revoking the member closes them there. */
export const memberSockets = sqliteTable(
  "member_sockets",
  {
    memberId: text("member_id").notNull(),
    broadcastId: text("broadcast_id").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.broadcastId] })],
);
