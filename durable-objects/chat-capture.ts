import { DurableObject } from "cloudflare:workers";
import { naverBroadcastId, viewerPageBroadcastId } from "../core/naver/url.ts";
import type { CaptureStatus } from "../core/protocol/board.ts";
import type { IngestChat } from "../core/protocol/ingest.ts";
import { createReplay } from "../core/simulator/replay.ts";
import { naverEndpoints, recentCommentsFetcher } from "../server/capture/naver-api.ts";
import { CaptureStart } from "../server/capture/capture-request.ts";
import { closeSession, openBrowserCapture, type BrowserCapture } from "./capture-browser.ts";
import { rehearsalCorpus } from "./capture-corpus.ts";
import { CrawlOwnership, markCrawlFailed, naverApiBase, stepSetupCrawl } from "./capture-crawl.ts";
import { HubForwarder } from "./capture-forwarder.ts";
import { SqlSpill } from "./capture-spill.ts";
import { wipeObject } from "./lifecycle.ts";
import { ACTIVE_STATES, CaptureStore, emptyRecord, statusOf, type CaptureRecord } from "./capture-state.ts";
import { drizzle } from "drizzle-orm/d1";
import { markEnded } from "../server/db/queries-lifecycle.ts";
import { youtubeConfig } from "../server/youtube/settings.ts";
import { beginYouTube, pollYouTube, quotaStatus } from "./capture-youtube.ts";
import { loadYouTube } from "./youtube-record.ts";
import { YouTubeWriter, type WriteOutcome, type YouTubeWrite } from "./youtube-writes.ts";

/** The rehearsal generates chats about once a second. */
const REPLAY_TICK_MS = 1000;
/** A browser capture's keep-alive: session check, relaunch when gone, status report. */
const KEEPALIVE_MS = 5000;
/** Boards get the counts at least this often while a capture runs. */
const REPORT_MS = 5000;

type BrowserSource = Extract<CaptureStart, { kind: "browser" }>;
type ReplaySource = Extract<CaptureStart, { kind: "replay" }>;

export type StartOutcome = { ok: true; status: CaptureStatus } | { ok: false; code: string; message: string };

/**
 * One per broadcast (`CHAT_CAPTURE.getByName(broadcastId)`): runs the broadcast's chat source
 * inside Cloudflare and feeds its hub. `browser`: the Naver viewer page in Browser Rendering,
 * chats read from its own socket frames (PageCapture), gaps repaired from recent-comments after
 * a relaunch. `replay`: the rehearsal, the labelled corpus at a chosen rate. What it is doing
 * and its cursors live in its storage; one alarm drives it, so an evicted object resumes.
 */
export class ChatCapture extends DurableObject<Env> {
  private readonly store: CaptureStore;
  private readonly crawl: CrawlOwnership;
  private forwarder: HubForwarder | null = null;
  private replay: ReturnType<typeof createReplay> | null = null;
  private browser: BrowserCapture | null = null;
  private launching = false;
  /** Bumped by start/stop so that work of a previous run finishing late is discarded. */
  private generation = 0;
  private lastReportAt = 0;
  private crawling: Promise<void> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new CaptureStore(ctx.storage.kv);
    this.crawl = new CrawlOwnership(ctx.storage.kv);
  }

  /** Starts (or restarts with a new source) the capture of `broadcastId`. */
  async start(broadcastId: string, input: unknown): Promise<StartOutcome> {
    const parsed = CaptureStart.safeParse(input);
    if (!parsed.success)
      return {
        ok: false,
        code: "invalid_request",
        message: parsed.error.issues[0]?.message ?? "invalid capture source",
      };
    const source = parsed.data;
    if (source.kind === "browser" && !viewerPageBroadcastId(source.url))
      return { ok: false, code: "invalid_request", message: "url: a viewer page (/lives/{id}) is needed" };
    if (source.kind === "browser" && !this.env.BROWSER)
      return {
        ok: false,
        code: "browser_unavailable",
        message: "Browser Rendering is not bound here; run the local capture agent (npm run capture)",
      };
    if (source.kind === "youtube" && !youtubeConfig(this.env).apiKey)
      return { ok: false, code: "youtube_unavailable", message: "YOUTUBE_API_KEY is not set" };
    this.generation++;
    await this.halt();
    const now = Date.now();
    if (source.kind === "youtube") beginYouTube(this.ctx.storage.kv, source.videoId, now);
    const record = this.store.update(this.store.load() ?? emptyRecord(broadcastId), {
      broadcastId,
      source,
      state: "starting",
      chats: 0,
      lastChatAt: null,
      message: undefined,
      restarts: 0,
      startedAt: now,
    });
    await this.report(record);
    await this.ctx.storage.setAlarm(now);
    return { ok: true, status: this.status() };
  }

  /** Stops the capture; buffered chats are handed to the hub first. Cursors are kept. */
  async stop(): Promise<CaptureStatus> {
    const record = this.store.load();
    if (!record || !ACTIVE_STATES.includes(record.state)) return this.status();
    this.generation++;
    await this.forwarder?.drain();
    const orphan = this.browser ? null : record.sessionId;
    await this.halt();
    if (orphan && this.env.BROWSER) await closeSession(this.env.BROWSER, orphan).catch(() => {});
    await this.report(this.store.update(this.store.load()!, { state: "stopped", sessionId: null, message: undefined }));
    if (!this.crawl.current(Date.now())) await this.ctx.storage.deleteAlarm();
    return this.status();
  }

  /**
   * RPC from `DELETE /api/broadcasts/:id`: the run ends without forwarding what it buffered,
   * its browser session closes, and cursors, state and alarm are cleared.
   */
  async purge(): Promise<void> {
    this.generation++;
    const sessionId = this.browser ? null : this.store.load()?.sessionId;
    await this.halt();
    if (sessionId && this.env.BROWSER) await closeSession(this.env.BROWSER, sessionId).catch(() => {});
    await wipeObject(this.ctx, "broadcast deleted");
    this.store.forget();
  }

  /** What the capture is doing now. */
  status(): CaptureStatus {
    const record = this.store.load() ?? emptyRecord("");
    const status = statusOf(record, runnerOf(record), Date.now());
    if (record.source?.kind === "youtube")
      status.quota = quotaStatus(this.ctx.storage.kv, youtubeConfig(this.env), status.at);
    return status;
  }

  /**
   * The setup crawl has one owner, this object: `claimCrawl` before a setup or a resume (false
   * while another start or a running crawl holds it: the route answers 409), then `startCrawl`
   * hands it to the alarm, which steps it to the end whether or not anyone watches.
   */
  claimCrawl(broadcastId: string): boolean {
    if (!this.store.load()) this.store.update(emptyRecord(broadcastId), {});
    return this.crawl.claim(Date.now());
  }

  /** Starts stepping the claimed crawl from the alarm, now. */
  async startCrawl(broadcastId: string): Promise<void> {
    if (!this.store.load()) this.store.update(emptyRecord(broadcastId), {});
    this.crawl.run(Date.now());
    await this.armBy(Date.now());
  }

  /** Gives a claim back (the setup that claimed it failed before its crawl started). */
  releaseCrawl(): void {
    this.crawl.release();
  }

  /** The one alarm: a rehearsal tick or a browser keep-alive, status, crawl; re-armed while there is work. */
  override async alarm(): Promise<void> {
    const record = this.store.load();
    const source = record && ACTIVE_STATES.includes(record.state) ? record.source : null;
    if (record && source?.kind === "replay") this.tickReplay(record, source);
    if (record && source?.kind === "browser") await this.superviseBrowser(record, source);
    if (record && source?.kind === "youtube") await this.pollYouTube(record);
    const now = Date.now();
    const current = this.store.load();
    if (current && source && now - this.lastReportAt >= REPORT_MS) await this.report(current);
    const crawlAt = this.crawl.nextStepAt(now);
    if (current && crawlAt !== null && crawlAt <= now) this.stepCrawl(current.broadcastId);
    const active = current !== null && ACTIVE_STATES.includes(current.state);
    const crawlDelay = this.crawling ? KEEPALIVE_MS : crawlAt === null ? null : Math.max(crawlAt - now, 0);
    const delays = [active ? this.activeDelay(current) : null, crawlDelay].filter((d) => d !== null);
    if (delays.length > 0) await this.ctx.storage.setAlarm(Date.now() + Math.min(...delays));
  }

  private activeDelay(record: CaptureRecord): number {
    if (record.source?.kind === "replay") return REPLAY_TICK_MS;
    if (record.source?.kind !== "youtube") return KEEPALIVE_MS;
    // As YouTube asks (its pollingIntervalMillis, slowed near the quota), with status reports between.
    return Math.min(KEEPALIVE_MS, Math.max(0, (loadYouTube(this.ctx.storage.kv)?.pollAt ?? 0) - Date.now()));
  }

  /** One YouTube page: its chats to the hub in one batch, deletions hidden, then the next token. */
  private async pollYouTube(record: CaptureRecord): Promise<void> {
    const hub = this.env.BROADCAST_HUB.getByName(record.broadcastId);
    const generation = this.generation;
    const step = await pollYouTube(
      {
        kv: this.ctx.storage.kv,
        config: youtubeConfig(this.env),
        ingest: async (chats) => {
          const outcome = await hub.ingest(record.broadcastId, { type: "chats", source: "youtube", chats });
          if (outcome.type === "error") throw new Error(`hub refused: ${outcome.code}`);
          return outcome.accepted;
        },
        hide: async (ids) => void (await hub.hideChats(record.broadcastId, ids)),
        log,
      },
      Date.now(),
    );
    const current = this.store.load();
    if (generation !== this.generation || !current || !ACTIVE_STATES.includes(current.state)) return;
    const patch: Partial<CaptureRecord> = {
      state: step.state,
      message: step.message,
      chats: current.chats + step.accepted,
    };
    if (step.lastChatAt !== null) patch.lastChatAt = step.lastChatAt;
    const next = this.store.update(current, patch);
    if (step.ended && step.state === "stopped")
      await markEnded(drizzle(this.env.DB), record.broadcastId, Date.now()).catch((err: unknown) =>
        log(`mark ended failed: ${errorText(err)}`),
      );
    if (next.state !== current.state || next.message !== current.message) await this.report(next);
  }

  /** RPC for publishing and moderation: one write into the YouTube live chat (youtube-writes.ts). */
  async writeYouTube(write: YouTubeWrite): Promise<WriteOutcome> {
    return new YouTubeWriter(this.ctx.storage.kv, youtubeConfig(this.env)).run(write);
  }

  private tickReplay(record: CaptureRecord, source: ReplaySource): void {
    const now = Date.now();
    if (!this.replay) {
      // Continues after the last acknowledged chat; a new seed so a resumed run says new things.
      const next = record.replayCursor + 1;
      this.replay = createReplay({
        corpus: rehearsalCorpus(source.corpus),
        ratePerMin: source.ratePerMin,
        seed: next,
        startCommentNo: next,
      });
      this.replay.tick(now);
    }
    const chats: IngestChat[] = this.replay.tick(now).map(({ label: _label, ...chat }) => chat);
    this.forwarderFor(record.broadcastId, "replay").push(chats);
    if (record.state !== "capturing") void this.report(this.store.update(record, { state: "capturing" }));
  }

  /** Launches (or relaunches after a disconnect or an eviction) the browser capture. */
  private async superviseBrowser(record: CaptureRecord, source: BrowserSource): Promise<void> {
    if (this.launching || this.browser?.connected()) return;
    const binding = this.env.BROWSER;
    if (!binding)
      return void (await this.report(
        this.store.update(record, { state: "error", message: "Browser Rendering is not bound" }),
      ));
    const naverId = viewerPageBroadcastId(source.url)!;
    const resumeFrom = this.browser
      ? this.browser.lastSeen()
      : record.browserCursor?.naverId === naverId
        ? record.browserCursor.commentNo
        : null;
    if (this.browser) {
      await this.browser.close();
      this.browser = null;
      record = this.store.update(record, { state: "reconnecting", sessionId: null, restarts: record.restarts + 1 });
      await this.report(record);
    }
    const generation = this.generation;
    this.launching = true;
    try {
      const opened = await openBrowserCapture({
        binding,
        pageUrl: source.url,
        lastSeen: resumeFrom,
        sessionId: record.sessionId,
        fetchRecent: recentCommentsFetcher(fetch, naverEndpoints(apiBaseFor(this.env, source.url)), naverId),
        forward: (chats) => this.forwarderFor(record.broadcastId, "naver-capture").push(chats),
        onDisconnect: () => this.onBrowserGone(generation),
        log,
      });
      if (generation !== this.generation) return void (await opened.close());
      this.browser = opened;
      await this.report(
        this.store.update(this.store.load()!, { state: "capturing", sessionId: opened.sessionId, message: undefined }),
      );
    } catch (err) {
      if (generation !== this.generation) return;
      const current = this.store.load()!;
      await this.report(
        this.store.update(current, {
          state: "reconnecting",
          sessionId: null,
          restarts: current.restarts + 1,
          message: `browser: ${errorText(err)}`.slice(0, 300),
        }),
      );
    } finally {
      this.launching = false;
    }
  }

  private onBrowserGone(generation: number): void {
    const record = this.store.load();
    if (generation !== this.generation || !record || record.state !== "capturing") return;
    log(`browser disconnected; relaunching after commentNo ${this.browser?.lastSeen() ?? "none"}`);
    void this.report(this.store.update(record, { state: "reconnecting", message: "browser disconnected" }));
    void this.ctx.storage.setAlarm(Date.now() + 500);
  }

  /** The run's forwarder; acknowledged batches advance the source's cursor and the counts. */
  private forwarderFor(broadcastId: string, source: string): HubForwarder {
    this.forwarder ??= new HubForwarder({
      send: (chats) =>
        this.env.BROADCAST_HUB.getByName(broadcastId).ingest(broadcastId, { type: "chats", source, chats }),
      onAcked: (batch) => this.onAcked(batch),
      log,
      spill: new SqlSpill(this.ctx.storage.sql),
    });
    return this.forwarder;
  }

  private onAcked(batch: { count: number; lastCommentNo: number; lastChatAt: number | null }): void {
    const record = this.store.load();
    if (!record?.source) return;
    const patch: Partial<CaptureRecord> = {
      chats: record.chats + batch.count,
      lastChatAt: batch.lastChatAt ?? Date.now(),
    };
    if (record.source.kind === "replay") patch.replayCursor = Math.max(record.replayCursor, batch.lastCommentNo);
    else if (record.source.kind === "browser") {
      const naverId = viewerPageBroadcastId(record.source.url)!;
      const before = record.browserCursor?.naverId === naverId ? record.browserCursor.commentNo : -1;
      patch.browserCursor = { naverId, commentNo: Math.max(before, batch.lastCommentNo) };
    }
    this.store.update(record, patch);
  }

  /** Ends the current run's work in memory (browser, generator, forwarder); storage is untouched. */
  private async halt(): Promise<void> {
    this.forwarder?.close();
    this.forwarder = null;
    this.replay = null;
    const browser = this.browser;
    this.browser = null;
    await browser?.close();
  }

  /**
   * One crawl step at a time, in the background of the alarm so capture keeps its cadence; its
   * outcome schedules the next (at once, after a backoff, or never: done, or failed for good).
   */
  private stepCrawl(broadcastId: string): void {
    if (this.crawling) return;
    this.crawling = stepSetupCrawl(this.env, broadcastId)
      .then(async (outcome) => {
        const { nextAt, gaveUp } = this.crawl.afterStep(this.env, outcome, Date.now());
        if (outcome.failure) log(`setup crawl: ${outcome.failure}`);
        if (gaveUp) await markCrawlFailed(this.env, broadcastId, gaveUp);
        if (nextAt !== null) await this.armBy(nextAt);
      })
      .catch((err: unknown) => log(`setup crawl step failed: ${errorText(err)}`))
      .finally(() => (this.crawling = null));
  }

  /** Makes the alarm fire by `at` (an earlier one stays). */
  private async armBy(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  private async report(record: CaptureRecord): Promise<void> {
    this.lastReportAt = Date.now();
    if (!record.broadcastId) return;
    try {
      const status = statusOf(record, runnerOf(record), Date.now());
      if (record.source?.kind === "youtube")
        status.quota = quotaStatus(this.ctx.storage.kv, youtubeConfig(this.env), status.at);
      await this.env.BROADCAST_HUB.getByName(record.broadcastId).reportCapture(record.broadcastId, status);
    } catch (err) {
      log(`status report failed: ${errorText(err)}`);
    }
  }
}

/** Where the capture runs, as boards and `/api/health` name it. */
function runnerOf(record: CaptureRecord): string {
  if (record.source?.kind === "youtube") return "youtube-api";
  return record.source?.kind === "replay" ? "replay" : "browser-rendering";
}

/**
 * Where recent-comments lives: `NAVER_API_BASE` when set; Naver's hosts for a Naver page; else
 * the page's own origin (a copy of the viewer page, such as the fixture site, serves the API too).
 */
function apiBaseFor(env: Env, pageUrl: string): string | undefined {
  return naverApiBase(env) ?? (naverBroadcastId(pageUrl) ? undefined : new URL(pageUrl).origin);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function log(line: string): void {
  console.log(JSON.stringify({ event: "chat-capture", line }));
}
