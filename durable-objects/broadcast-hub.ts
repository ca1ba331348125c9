import { DurableObject } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { CSV_HEADER, csvLine, jsonLine } from "../core/hub/export.ts";
import { minuteOf, recentMinutes } from "../core/hub/stats.ts";
import { embeddedClassifier } from "../core/intent/embedded.ts";
import type { IntentClassifier, IntentResult } from "../core/intent/types.ts";
import { BoardClientMessage, CaptureStatus, type BoardChat, type BoardServerMessage } from "../core/protocol/board.ts";
import { IngestBatch, parseChatItems, type IngestAck } from "../core/protocol/ingest.ts";
import { parseJsonText } from "../core/protocol/json.ts";
import { LIMITS } from "../core/protocol/limits.ts";
import { intentClassifier } from "../server/backends.ts";
import { updateBroadcastActivity } from "../server/db/queries.ts";
import { hideSources, sourceOf } from "./hub-sources.ts";
import { denyAtSource } from "./hub-source-deny.ts";
import { BoardFanout, send, type SocketAttachment } from "./board-fanout.ts";
import { broadcastClaims, currentClaims, handleBoardMessage } from "./hub-board.ts";
import { boardMessageAllowed, closeTagged, socketAccess } from "./hub-access.ts";
import { HubClusters } from "./hub-clusters.ts";
import { HubLog, type IntentUpdate } from "./hub-log.ts";
import { HubModeration } from "./hub-moderation.ts";
import { embeddedModerator } from "../core/moderation/embedded.ts";
import { readReportData, recordCaptureState, recordPublished } from "./hub-report.ts";
import type { HubReportData } from "../core/report/types.ts";
import {
  HUB_BROADCAST_HEADER,
  HUB_ROLE_HEADER,
  type RelayOutcome,
  type SocketRole,
} from "../server/object-contracts.ts";
import { notePublishedAnswer, PredraftHandOver } from "./hub-predrafts.ts";
import { ViewerRelay } from "./hub-viewers.ts";
import { HubOutbox } from "./hub-outbox.ts";
import { HUB_ALARM_MS, nextAlarmAt } from "../core/hub/alarm-plan.ts";
import { RemoteBatcher } from "../core/hub/remote-batch.ts";
import { continuePurge, purging, startPurge } from "./hub-retention.ts";
import { wipeObject } from "./lifecycle.ts";
import type { ViewerEvent } from "../core/protocol/viewer.ts";

/** Headers the Worker sets (after authenticating) when it hands a socket to the hub. */

const STATS_MINUTES = 30;
/** Remote classification calls in flight before new batches use the embedded model at once. */
const MAX_REMOTE_INFLIGHT = 8;
/** Pending chats wait this long for company, so a source's 100 ms batches make one remote call (core/hub/remote-batch.ts). */
const REMOTE_BATCH_MS = 500;
const EXPORT_PAGE = 2000;

type PendingChat = Pick<BoardChat, "seq" | "at" | "message">;

export type IngestOutcome = IngestAck | { type: "error"; code: string; message: string };

/**
 * One per broadcast: takes chat batches from any source, dedupes, classifies once per
 * batch, appends to its SQLite log (the source of truth), acknowledges, and fans out
 * coalesced frames to manager boards over hibernatable WebSockets. Memory is a cache.
 */
export class BroadcastHub extends DurableObject<Env> {
  private log!: HubLog;
  private fanout!: BoardFanout;
  private clusters!: HubClusters;
  private predrafts!: PredraftHandOver;
  private outbox!: HubOutbox;
  private relay!: ViewerRelay;
  private moderation!: HubModeration;
  private readonly classifier: IntentClassifier;
  private remoteInflight = 0;
  private readonly remoteQueue = new RemoteBatcher<PendingChat>({
    windowMs: REMOTE_BATCH_MS,
    maxBatch: LIMITS.maxBatchChats,
    maxQueued: LIMITS.maxBatchChats * 2,
  });
  private remoteTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the alarm is set for, as far as this instance knows (null: not set by it). */
  private alarmAt: number | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.classifier = intentClassifier(env);
    void ctx.blockConcurrencyWhile(async () => this.init());
  }

  /** The schema and the in-memory caches, from storage (empty after a purge). */
  private init(): void {
    this.log = new HubLog(this.ctx.storage);
    this.clusters = new HubClusters(this.ctx.storage.sql);
    this.moderation = new HubModeration(this.ctx.storage.sql, this.log);
    this.fanout = new BoardFanout(this.ctx, this.log, (now, full) => this.summary(now, full));
    this.predrafts?.stop();
    this.predrafts = new PredraftHandOver(this.ctx, this.env, () => this.fanout.touch());
    this.outbox = new HubOutbox(this.ctx.storage.sql);
    this.relay = new ViewerRelay(this.ctx, this.env, this.outbox, {
      onStatus: (items) =>
        this.fanout.broadcast(JSON.stringify({ type: "answer-delivery", items } satisfies BoardServerMessage)),
      armAlarm: (at) => this.armAlarm(at),
    });
  }

  /**
   * RPC from `DELETE /api/broadcasts/:id`: every socket closed, alarm and storage cleared.
   * The object starts empty, so a new broadcast with the same id starts from nothing.
   */
  async purge(): Promise<void> {
    this.fanout.stop();
    this.remoteQueue.clear();
    await wipeObject(this.ctx, "broadcast deleted");
    this.alarmAt = null;
    this.init();
  }

  /**
   * RPC from retention: the chat log and question clusters go; counts and seq numbering stay.
   * A long log goes in chunks, the rest from the alarm (hub-retention.ts).
   */
  async purgeChats(): Promise<void> {
    // The chatter set is read from the log: it takes what it has not read yet before the log goes.
    this.log.catchUpChatters();
    const more = startPurge(this.ctx.storage, this.log, this.log.lastSeq);
    this.clusters = new HubClusters(this.ctx.storage.sql);
    if (more) this.armAlarmForWork(false);
  }

  /** WebSocket upgrades only; the Worker has authenticated and set the role header. */
  override async fetch(request: Request): Promise<Response> {
    const role = request.headers.get(HUB_ROLE_HEADER);
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket" || (role !== "board" && role !== "ingest")) {
      return new Response("expected a websocket upgrade", { status: 426 });
    }
    this.rememberBroadcastId(request.headers.get(HUB_BROADCAST_HEADER));
    const { 0: client, 1: server } = new WebSocketPair();
    const access = socketAccess(request);
    this.ctx.acceptWebSocket(server, [role satisfies SocketRole, ...access.tags]);
    server.serializeAttachment({
      role,
      live: false,
      ...(access.member ? { member: access.member } : {}),
    } satisfies SocketAttachment);
    if (role === "board") send(server, { type: "welcome", broadcastId: this.broadcastId, lastSeq: this.log.lastSeq });
    return new Response(null, { status: 101, webSocket: client });
  }

  /** RPC for `POST /api/broadcasts/:id/chats`: the same path as the ingest socket. */
  async ingest(broadcastId: string, body: unknown): Promise<IngestOutcome> {
    this.rememberBroadcastId(broadcastId);
    return this.ingestBatch(body);
  }

  /** RPC for the export routes: the whole log, streamed page by page. */
  async exportChats(format: "csv" | "jsonl"): Promise<ReadableStream<Uint8Array>> {
    const encoder = new TextEncoder();
    const line = format === "csv" ? csvLine : jsonLine;
    let from = 1;
    const end = this.log.lastSeq;
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        if (format === "csv") controller.enqueue(encoder.encode(CSV_HEADER));
      },
      pull: (controller) => {
        if (from > end) return controller.close();
        const page = this.log.range(from, Math.min(end, from + EXPORT_PAGE - 1));
        from += EXPORT_PAGE;
        controller.enqueue(encoder.encode(page.map(line).join("")));
      },
    });
  }

  /** RPC for the report routes: the hub's aggregates (hub-report.ts), never a read of the whole log. */
  async reportData(): Promise<HubReportData> {
    this.log.catchUpChatters();
    return readReportData(this.ctx.storage.sql, this.log.lastSeq);
  }

  /** RPC for the reveal route (which audits it): the unmasked text of one chat, or null. */
  async revealChat(seq: number): Promise<{ seq: number; message: string; category: string | null } | null> {
    return this.moderation.reveal(seq);
  }

  /** RPC from the capture (ChatCapture DO or the capture route): its state, for every board. */
  async reportCapture(broadcastId: string, status: unknown): Promise<boolean> {
    const parsed = CaptureStatus.safeParse(status);
    if (!parsed.success) return false;
    this.rememberBroadcastId(broadcastId);
    this.log.setMeta("capture_status", JSON.stringify(parsed.data));
    recordCaptureState(this.ctx.storage.sql, parsed.data);
    this.fanout.broadcast(JSON.stringify({ type: "capture", status: parsed.data } satisfies BoardServerMessage));
    return true;
  }

  /**
   * RPC from the answers API: a publish/edit/unpublish, kept in the outbox until every viewer
   * shard confirms it, and told to every board (hub-viewers.ts). The answered cluster is marked here, in the same turn that tells the
   * boards, so no board shows an answered question as open, whatever the publisher's socket does.
   */
  async relayToViewers(broadcastId: string, event: ViewerEvent, clusterId?: string): Promise<RelayOutcome> {
    this.rememberBroadcastId(broadcastId);
    if (clusterId !== undefined) this.clusters.setStatus(clusterId, "answered");
    notePublishedAnswer(this.clusters, broadcastId, event, clusterId);
    this.fanout.touch();
    if (event.type === "qa")
      recordPublished(this.ctx.storage.sql, currentClaims(this.ctx), event.id, event.at, clusterId);
    const outcome = await this.relay.publish(broadcastId, event);
    this.armAlarmForWork(false);
    return outcome;
  }

  /** RPC from the YouTube capture: chats the source deleted leave every board (and replays). */
  async hideChats(broadcastId: string, sourceIds: string[]): Promise<number[]> {
    this.rememberBroadcastId(broadcastId);
    const commentNos = hideSources(this.ctx.storage.sql, sourceIds.slice(0, 2000));
    // Chats still coalescing go out first, so the hide frame never precedes its chat.
    if (commentNos.length) this.fanout.flush();
    if (commentNos.length)
      this.fanout.broadcast(JSON.stringify({ type: "chats-hidden", commentNos } satisfies BoardServerMessage));
    return commentNos;
  }

  /** RPC for YouTube moderation: the chat's message id and author channel at the source, or null. */
  async chatSource(commentNo: number): Promise<{ sourceId: string; authorId: string | null } | null> {
    return sourceOf(this.ctx.storage.sql, commentNo);
  }

  /** RPC from the answers API: whether an answer reached the source's own chat, for every board. */
  async reportPosted(
    broadcastId: string,
    frame: { id: string; posted: boolean; text: string; message?: string },
  ): Promise<void> {
    this.rememberBroadcastId(broadcastId);
    this.fanout.broadcast(JSON.stringify({ type: "answer-posted", ...frame } satisfies BoardServerMessage));
  }

  /** RPC from the Worker when a credential is revoked: closes the sockets opened with it (tagged on upgrade). */
  async closeSockets(tag: string, reason: string): Promise<number> {
    const closed = closeTagged(this.ctx, tag, reason);
    if (closed) broadcastClaims(this.ctx, this.fanout);
    return closed;
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const { role } = ws.deserializeAttachment() as SocketAttachment;
    const data = decodeMessage(message);
    if (data === undefined) return this.reject(ws, "invalid_json", "messages must be JSON text under the size limit");
    if (role === "ingest") return ws.send(JSON.stringify(this.ingestBatch(data)));
    const parsed = BoardClientMessage.safeParse(data);
    if (!parsed.success) return this.reject(ws, "invalid_message", "unknown or malformed board message");
    if (!boardMessageAllowed(ws, parsed.data))
      return send(ws, { type: "error", code: "forbidden", message: "your role may not send this message" });
    handleBoardMessage(
      {
        ctx: this.ctx,
        fanout: this.fanout,
        clusters: this.clusters,
        moderation: this.moderation,
        denyAtSource: (commentNo, by) =>
          denyAtSource(this.ctx, this.env, this.broadcastId, commentNo, by ? { id: by.id, name: by.name } : null),
      },
      ws,
      parsed.data,
    );
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    // 1005/1006/1015 are reserved: they may be received but never sent.
    if (code !== 1005 && code !== 1006 && code !== 1015) ws.close(code, reason);
    if ((ws.deserializeAttachment() as SocketAttachment | null)?.claim) broadcastClaims(this.ctx, this.fanout, ws);
  }

  override async webSocketError(): Promise<void> {}

  /**
   * Periodic work, idempotent: mirror what D1 lists (chat count, live status), classify chats
   * left pending by a restart, drop the next chunk of a retention purge, retry viewer deliveries that are due. It re-arms itself while any
   * of that work remains (core/hub/alarm-plan.ts), so nothing waits for the next chat to move.
   * Per-minute counts are kept for the whole broadcast (one row a minute): its report charts every minute.
   */
  override async alarm(): Promise<void> {
    this.alarmAt = null;
    const now = Date.now();
    // Chats queued for the next remote call are pending in the log too: they are on their way.
    const idle = this.remoteInflight === 0 && this.remoteQueue.size === 0;
    const pending = idle ? this.log.pendingChats(LIMITS.maxBatchChats) : [];
    this.resolvePending(pending);
    if (purging(this.log)) continuePurge(this.ctx.storage, this.log);
    this.log.catchUpChatters();
    const id = this.log.getMeta("broadcast_id");
    try {
      if (id) await this.relay.retryDue(id, now);
      if (id) await updateBroadcastActivity(drizzle(this.env.DB), id, this.log.lastSeq, now);
    } finally {
      this.armAlarmForWork(pending.length > 0 || this.remoteInflight > 0 || this.remoteQueue.size > 0);
    }
  }

  private get broadcastId(): string {
    return this.log.getMeta("broadcast_id") ?? "";
  }

  private rememberBroadcastId(id: string | null): void {
    if (id && this.log.getMeta("broadcast_id") !== id) this.log.setMeta("broadcast_id", id);
  }

  /** Validate → classify (once per batch) → append in one transaction → fan out → ack. */
  private ingestBatch(data: unknown): IngestOutcome {
    const batch = IngestBatch.safeParse(data);
    if (!batch.success) {
      this.log.addCounters({ malformed: 1 });
      return { type: "error", code: "invalid_batch", message: batch.error.issues[0]?.message ?? "invalid batch" };
    }
    const { chats, malformed } = parseChatItems(batch.data.chats);
    const now = Date.now();
    // One pass per chat: intent and moderation verdict from the same features.
    const judged = embeddedModerator.classifyBatch(
      chats.map((c) => ({ message: c.message, nickname: c.nickname, at: c.at ?? now })),
      this.moderation.rules,
      this.moderation.flood,
    );
    const intents = this.classifyNow(judged.intents, chats.length);
    const result = this.log.append(chats, intents, batch.data.source, now, judged.verdicts);
    if (malformed) this.log.addCounters({ malformed });
    // In frames of at most maxFrameItems, like chats: a batch of held spam must not make one message past the socket's limit.
    for (let i = 0; i < result.held.length; i += LIMITS.maxFrameItems) {
      this.fanout.broadcast(
        JSON.stringify({
          type: "held",
          items: result.held.slice(i, i + LIMITS.maxFrameItems),
        } satisfies BoardServerMessage),
      );
    }
    if (result.chats.length || result.held.length) {
      // Held chats reach neither the columns nor the clusters (nor, through them, drafts, reports or viewers).
      if (result.chats.length) this.fanout.addChats(result.chats);
      else this.fanout.touch();
      if (intents) this.clusters.add(result.chats);
      if (!intents) this.queueRemote(result.chats);
      this.armAlarm(Date.now() + HUB_ALARM_MS);
    }
    // Held chats were accepted too: logged and durable; moderation only decides who sees them.
    const ack: IngestAck = {
      type: "ack",
      upTo: result.upTo,
      seq: this.log.lastSeq,
      accepted: result.chats.length + result.held.length,
      duplicates: result.duplicates,
      malformed,
    };
    if (batch.data.batchId !== undefined) ack.batchId = batch.data.batchId;
    return ack;
  }

  /**
   * Intents for a batch right away when the classifier is in-process (or remote calls are
   * backed up); null when a remote classifier will answer later and the chats go out pending.
   */
  private classifyNow(embedded: IntentResult[], count: number): IntentResult[] | null {
    if (embedded.length === 0) return [];
    const remote = this.classifier !== embeddedClassifier;
    if (remote && this.remoteInflight < MAX_REMOTE_INFLIGHT && this.remoteQueue.hasRoom(count)) return null;
    return embedded;
  }

  /** Pending chats join the next remote call: one call per window, not one per ingest batch. */
  private queueRemote(chats: readonly PendingChat[]): void {
    const refused = this.remoteQueue.add(
      chats.map(({ seq, at, message }) => ({ seq, at, message })),
      Date.now(),
    );
    if (refused.length) this.resolvePending(refused); // never here: classifyNow checked the room
    this.sendRemote();
  }

  /** Sends every batch that is due and sets the timer for the next one. */
  private sendRemote(): void {
    for (let batch = this.remoteQueue.take(Date.now()); batch.length; batch = this.remoteQueue.take(Date.now()))
      this.resolvePending(batch);
    const due = this.remoteQueue.dueAt();
    if (due === null || this.remoteTimer !== null) return;
    this.remoteTimer = setTimeout(
      () => {
        this.remoteTimer = null;
        this.sendRemote();
      },
      Math.max(0, due - Date.now()),
    );
  }

  /** Classifies pending chats remotely (time-boxed, with fallback, in the classifier) and sends `intents`. */
  private resolvePending(chats: readonly PendingChat[]): void {
    if (chats.length === 0) return;
    this.remoteInflight++;
    const work = Promise.resolve(this.classifier.classifyBatch(chats.map((c) => c.message)))
      .catch(() => embeddedClassifier.classifyBatch(chats.map((c) => c.message)) as IntentResult[])
      .then((results) => {
        const updates: IntentUpdate[] = chats.map((c, i) => ({ seq: c.seq, at: c.at, ...results[i]! }));
        const applied = new Set(this.log.setIntents(updates).map((u) => u.seq));
        this.fanout.addIntents(updates.filter((u) => applied.has(u.seq)));
        this.clusters.add(chats.flatMap((c, i) => (applied.has(c.seq) ? [{ ...c, intent: results[i]!.intent }] : [])));
      })
      .finally(() => this.remoteInflight--);
    this.ctx.waitUntil(work);
  }

  /** Sets the alarm for `at` unless this instance already set it for that time or sooner. */
  private armAlarm(at: number): void {
    if (this.alarmAt !== null && this.alarmAt <= at) return;
    this.alarmAt = at;
    void this.ctx.storage.setAlarm(at);
  }

  private armAlarmForWork(pendingChats: boolean): void {
    const work = {
      pendingChats: pendingChats ? 1 : 0,
      outboxDueAt: this.outbox.nextDueAt(),
      activityDirty: false,
      purging: purging(this.log),
    };
    const at = nextAlarmAt(work, Date.now());
    if (at !== null) this.armAlarm(at);
  }

  /** Stats, then the clusters that changed (all top clusters and claims for a board just live). */
  private summary(now: number, full: boolean): BoardServerMessage[] {
    const frames: BoardServerMessage[] = [this.stats(now)];
    if (full) {
      const capture = this.log.getMeta("capture_status");
      frames.push({ type: "clusters", items: this.clusters.top() }, { type: "claims", items: currentClaims(this.ctx) });
      frames.push({ type: "held", items: this.moderation.queue() }, this.moderation.settingsFrame());
      if (capture) frames.push({ type: "capture", status: CaptureStatus.parse(JSON.parse(capture)) });
      const deliveries = this.outbox.statuses();
      if (deliveries.length) frames.push({ type: "answer-delivery", items: deliveries });
      return frames;
    }
    const changed = this.clusters.takeChanged();
    this.log.catchUpChatters();
    this.predrafts.run(this.clusters, this.broadcastId, now);
    return changed.length ? [...frames, { type: "clusters", items: changed }] : frames;
  }

  private stats(now: number): BoardServerMessage {
    const { general, request, question, malformed, duplicates, late } = this.log.counters;
    const nowMinute = minuteOf(now);
    const perMinute = recentMinutes(this.log.minutes(nowMinute - STATS_MINUTES + 1), nowMinute, STATS_MINUTES);
    return { type: "stats", totals: { general, request, question }, perMinute, malformed, duplicates, late };
  }

  private reject(ws: WebSocket, code: string, message: string): void {
    this.log.addCounters({ malformed: 1 });
    send(ws, { type: "error", code, message });
  }
}

/** Parses a socket message as JSON text within the size limit; undefined when it is not. */
function decodeMessage(message: string | ArrayBuffer): unknown {
  return typeof message === "string" && message.length <= LIMITS.maxSocketMessageBytes
    ? parseJsonText(message)
    : undefined;
}
