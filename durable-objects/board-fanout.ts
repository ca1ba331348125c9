import { planReplay } from "../core/hub/replay.ts";
import { wantsWindow } from "../core/hub/window.ts";
import { recentWindow } from "./hub-history.ts";
import type { BoardChat, BoardServerMessage, Claim } from "../core/protocol/board.ts";
import { LIMITS } from "../core/protocol/limits.ts";
import type { HubLog, IntentUpdate } from "./hub-log.ts";
import type { SocketMember } from "../server/object-contracts.ts";

import type { SocketRole } from "../server/object-contracts.ts";

export type { SocketRole };

/** Kept small: it is serialized with the socket across hibernation. */
export interface SocketAttachment {
  role: SocketRole;
  /** A board is live once replay has caught it up: from then on it gets coalesced frames. */
  live: boolean;
  /** The cluster this board's manager is answering, if any. */
  claim?: Claim;
  /** Who holds the socket (set by the Worker): every board message is checked against the role. */
  member?: SocketMember;
}

/**
 * The periodic frames (stats, changed clusters); `full` for a board that just went live,
 * which gets the whole picture rather than what changed.
 */
export type SummaryFrames = (now: number, full: boolean) => BoardServerMessage[];

const FLUSH_MS = 50;
const STATS_EVERY_MS = 1000;

/**
 * Fan-out from the hub to manager boards. New chats and intent updates are coalesced
 * into one frame per ≤50 ms, serialized once and sent to every live board; sends never
 * wait, so a slow board cannot hold back the others. Replay pages from the log.
 */
export class BoardFanout {
  /** Logged but not yet sent to live boards; their seq is above flushedSeq. */
  private chats: BoardChat[] = [];
  private intents: IntentUpdate[] = [];
  private flushedSeq: number;
  /** The ≤50 ms coalescing timer for chats and intents. */
  private timer: ReturnType<typeof setTimeout> | null = null;
  /**
   * The timer for the next summary (stats, clusters) when one is due within the second. Apart
   * from `timer`: sharing one made chats wait for the summary (up to a second) below the rate
   * at which a frame fills up.
   */
  private statsTimer: ReturnType<typeof setTimeout> | null = null;
  private statsDirty = false;
  private lastStatsAt = 0;
  private readonly ctx: DurableObjectState;
  private readonly log: HubLog;
  private readonly summary: SummaryFrames;

  constructor(ctx: DurableObjectState, log: HubLog, summary: SummaryFrames) {
    this.ctx = ctx;
    this.log = log;
    this.summary = summary;
    this.flushedSeq = log.lastSeq;
  }

  addChats(chats: readonly BoardChat[]): void {
    for (const chat of chats) this.chats.push(chat);
    this.schedule(this.chats.length >= LIMITS.maxFrameItems);
  }

  addIntents(updates: readonly IntentUpdate[]): void {
    for (const u of updates) this.intents.push(u);
    this.schedule(this.intents.length >= LIMITS.maxFrameItems);
  }

  /** Something in the summary changed (a draft arrived, a status was set): send it soon. */
  touch(): void {
    this.schedule(false);
  }

  private schedule(now: boolean): void {
    this.statsDirty = true;
    if (now) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Drops what is pending and its timer (the hub is being cleared). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.statsTimer) clearTimeout(this.statsTimer);
    this.timer = null;
    this.statsTimer = null;
    this.chats = [];
    this.intents = [];
  }

  /** Sends what is pending to live boards: chats first, then intent updates (which may refer to them). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.chats.length) {
      const frame = JSON.stringify({ type: "chats", items: this.chats } satisfies BoardServerMessage);
      this.flushedSeq = this.chats[this.chats.length - 1]!.seq;
      this.chats = [];
      this.broadcast(frame);
    }
    if (this.intents.length) {
      const updates = this.intents.map(({ seq, intent, confidence }) => ({ seq, intent, confidence }));
      this.intents = [];
      this.broadcast(JSON.stringify({ type: "intents", updates } satisfies BoardServerMessage));
    }
    const now = Date.now();
    if (!this.statsDirty) return;
    if (now - this.lastStatsAt >= STATS_EVERY_MS) {
      if (this.statsTimer) clearTimeout(this.statsTimer);
      this.statsTimer = null;
      for (const frame of this.summary(now, false)) this.broadcast(JSON.stringify(frame));
      this.statsDirty = false;
      this.lastStatsAt = now;
    } else {
      this.statsTimer ??= setTimeout(
        () => {
          this.statsTimer = null;
          this.flush();
        },
        STATS_EVERY_MS - (now - this.lastStatsAt),
      );
    }
  }

  /**
   * Replays the log after `lastSeq` (one page at most); then the board goes live, or is told to
   * resync. A board asking for `recent` that is further behind gets the recent window instead.
   */
  replayTo(ws: WebSocket, lastSeq: number, recent = false): void {
    // Send what is pending first so the replay can run right up to the log's end.
    this.flush();
    if (wantsWindow(recent, lastSeq, this.flushedSeq, LIMITS.maxReplayChats)) {
      send(ws, {
        type: "window",
        items: recentWindow(this.ctx.storage.sql, this.flushedSeq),
        lastSeq: this.flushedSeq,
      });
      return this.goLive(ws);
    }
    const plan = planReplay(lastSeq, this.flushedSeq, LIMITS.maxReplayChats);
    if (plan.range) {
      const chats = this.log.range(plan.range.from, plan.range.to);
      for (let i = 0; i < chats.length; i += LIMITS.maxFrameItems) {
        send(ws, { type: "chats", items: chats.slice(i, i + LIMITS.maxFrameItems) });
      }
    }
    const attachment = ws.deserializeAttachment() as SocketAttachment;
    if (plan.resyncFrom !== null) {
      ws.serializeAttachment({ ...attachment, live: false } satisfies SocketAttachment);
      return send(ws, { type: "resync", fromSeq: plan.resyncFrom });
    }
    this.goLive(ws);
  }

  private goLive(ws: WebSocket): void {
    ws.serializeAttachment({
      ...(ws.deserializeAttachment() as SocketAttachment),
      live: true,
    } satisfies SocketAttachment);
    for (const frame of this.summary(Date.now(), true)) send(ws, frame);
  }

  /** Sends one frame to every live board. */
  broadcast(frame: string): void {
    for (const ws of this.ctx.getWebSockets("board")) {
      if (!(ws.deserializeAttachment() as SocketAttachment).live) continue;
      try {
        ws.send(frame);
      } catch {
        // A socket closing under us: its close handler cleans up; the others still get the frame.
      }
    }
  }
}

export function send(ws: WebSocket, message: BoardServerMessage): void {
  ws.send(JSON.stringify(message));
}
