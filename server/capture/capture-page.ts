import * as z from "zod";
import { decodeViewerFrame, type ViewerEvent } from "../../core/naver/events.ts";
import { repairGap, type RecentCommentsFetcher } from "../../core/naver/gap.ts";
import { ChatSequencer } from "../../core/naver/sequencer.ts";
import type { NaverProduct } from "../../core/naver/products.ts";
import type { IngestChat } from "../../core/protocol/ingest.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `Network.webSocketCreated` params (CDP). */
const SocketCreated = z.object({ requestId: z.string(), url: z.string() });
/** `Network.webSocketFrameReceived` params (CDP). */
const FrameReceived = z.object({
  requestId: z.string(),
  response: z.object({ opcode: z.number(), payloadData: z.string() }),
});

/**
 * The part of a CDP session the capture uses. Both `puppeteer-core` and
 * `@cloudflare/puppeteer` sessions satisfy it.
 */
export interface CdpSessionLike {
  send(method: "Network.enable"): Promise<unknown>;
  // `unknown`: each library types its events its own way; the handlers validate what they read.
  on(event: "Network.webSocketCreated" | "Network.webSocketFrameReceived", handler: (params: unknown) => void): unknown;
  detach(): Promise<void>;
}

/** The part of a puppeteer `Page` the capture uses. */
export interface PageLike {
  createCDPSession(): Promise<CdpSessionLike>;
  goto(url: string, options?: { waitUntil?: "domcontentloaded" | "load"; timeout?: number }): Promise<unknown>;
}

export interface CaptureOptions {
  /** The viewer page to open (Naver's, or any host serving the same page). */
  pageUrl: string;
  /** Where a restarted capture resumes: the highest commentNo already forwarded. */
  lastSeen: number | null;
  /** Recent-comments pager used to fill gaps after a restart or a socket reconnect. */
  fetchRecent: RecentCommentsFetcher;
  /** Receives chats in commentNo order, each once. Called synchronously on the frame path. */
  forward: (chats: IngestChat[]) => void;
  onProducts?: (products: NaverProduct[]) => void;
  log?: (line: string) => void;
  navigationTimeoutMs?: number;
  /** Tries of a backlog read before giving up (default 4), and the first wait between them (default 1 s, growing). */
  repairAttempts?: number;
  repairRetryMs?: number;
  /** Backlog reads while no live chat is held yet (default 8), and the wait between them (default 250 ms). */
  repairPasses?: number;
  repairPassMs?: number;
}

/** What a capture has seen; reported as status. */
export interface CaptureStats {
  frames: number;
  chats: number;
  malformedFrames: number;
  malformedChats: number;
  repairedChats: number;
  repairs: number;
  sockets: number;
  lastCommentNo: number | null;
  lastChatAt: number | null;
}

/**
 * Captures one viewer page: reads the page's own chat socket frames from CDP
 * (`Network.webSocketFrameReceived`), decodes them, and forwards chats in order, once each.
 * When it resumes after a restart, or the page's socket reconnects, it repairs the gap from
 * recent-comments while holding live chats so nothing arrives out of order.
 */
export class PageCapture {
  readonly stats: CaptureStats = {
    frames: 0,
    chats: 0,
    malformedFrames: 0,
    malformedChats: 0,
    repairedChats: 0,
    repairs: 0,
    sockets: 0,
    lastCommentNo: null,
    lastChatAt: null,
  };
  private readonly sequencer: ChatSequencer;
  private readonly opts: CaptureOptions;
  private session: CdpSessionLike | null = null;
  private repairing: Promise<void> | null = null;
  private repairAgain = false;
  /**
   * The last repair ended without meeting a live chat (the page's socket framed none within its
   * passes): the backlog read and the socket's first frame may still have chats between them, so
   * the first live chats wait for one more read that reaches them.
   */
  private unmet = false;

  constructor(options: CaptureOptions) {
    this.opts = options;
    this.sequencer = new ChatSequencer((chats) => this.deliver(chats), options.lastSeen);
  }

  /** Highest commentNo forwarded (the resume point for the next capture). */
  get lastSeen(): number | null {
    return this.sequencer.lastSeen;
  }

  /** Attaches to the page, opens the viewer URL and, when resuming, repairs the gap. */
  async start(page: PageLike): Promise<void> {
    const session = await page.createCDPSession();
    this.session = session;
    session.on("Network.webSocketCreated", (e) => this.onSocket(e));
    session.on("Network.webSocketFrameReceived", (e) => this.onFrame(e));
    await session.send("Network.enable");
    if (this.opts.lastSeen !== null) this.sequencer.hold();
    await page.goto(this.opts.pageUrl, {
      waitUntil: "domcontentloaded",
      timeout: this.opts.navigationTimeoutMs ?? 30_000,
    });
    if (this.opts.lastSeen !== null) this.runRepair(true);
  }

  /** Detaches from the page (the browser may already be gone). */
  async stop(): Promise<void> {
    await this.session?.detach().catch(() => {});
    this.session = null;
  }

  /** Waits for a running gap repair (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.repairing) await this.repairing;
  }

  private onSocket(params: unknown): void {
    const e = SocketCreated.safeParse(params);
    if (!e.success) return;
    this.stats.sockets++;
    this.opts.log?.(`page socket ${e.data.url}`);
    // A second socket is the page reconnecting: chats sent meanwhile were never framed to us.
    if (this.stats.sockets > 1 && this.sequencer.lastSeen !== null) this.runRepair(false);
  }

  private onFrame(params: unknown): void {
    const e = FrameReceived.safeParse(params);
    // Text frames only (opcode 1); binary Socket.IO attachments carry no chats.
    if (!e.success || e.data.response.opcode !== 1) return;
    this.stats.frames++;
    this.handle(decodeViewerFrame(e.data.response.payloadData));
  }

  private handle(event: ViewerEvent): void {
    switch (event.type) {
      case "chats":
        this.stats.malformedChats += event.malformed;
        if (this.unmet && !this.repairing && event.chats.length > 0 && this.sequencer.lastSeen !== null) {
          this.unmet = false;
          this.sequencer.hold();
          this.sequencer.accept(event.chats);
          return this.runRepair(true);
        }
        return this.sequencer.accept(event.chats);
      case "products":
        return this.opts.onProducts?.(event.products);
      case "broadcast-changed":
        if (this.sequencer.lastSeen !== null) this.runRepair(false);
        return;
      case "malformed":
        this.stats.malformedFrames++;
        return this.opts.log?.(`malformed frame: ${event.reason}`);
      default:
    }
  }

  /** One repair at a time; a request during a repair runs once more after it. */
  private runRepair(alreadyHolding: boolean): void {
    if (this.repairing) {
      this.repairAgain = true;
      if (alreadyHolding) this.sequencer.release([]);
      return;
    }
    if (!alreadyHolding) this.sequencer.hold();
    this.repairing = this.repair().finally(() => {
      this.repairing = null;
      if (this.repairAgain) {
        this.repairAgain = false;
        this.runRepair(false);
      }
    });
  }

  /**
   * Fills the gap while live chats are held. The backlog is read again until it reaches the
   * first live chat held: a page opens its chat socket some time after it loads, and chats
   * sent between the backlog read and the socket's first frame would otherwise fall between
   * the two. A page that frames no chat yet gets a few passes, then live chats flow; the first
   * of them wait for one more read that reaches them (`unmet`).
   */
  private async repair(): Promise<void> {
    const from = this.sequencer.lastSeen;
    const repaired: IngestChat[] = [];
    let cursor = from;
    for (let pass = 1; ; pass++) {
      const chats = await this.readBacklog(cursor);
      if (chats === null) break;
      if (pass === 1) this.stats.repairs++;
      repaired.push(...chats);
      cursor = chats.at(-1)?.commentNo ?? cursor;
      const oldestHeld = this.sequencer.oldestHeld;
      const met = oldestHeld !== null && cursor !== null && cursor >= oldestHeld;
      if (met || pass >= (this.opts.repairPasses ?? 8)) {
        this.unmet = !met && this.sequencer.oldestHeld === null;
        break;
      }
      await sleep(this.opts.repairPassMs ?? 250);
    }
    this.opts.log?.(`gap repair after ${from}: ${repaired.length} chats`);
    const before = this.stats.chats;
    this.sequencer.release(repaired);
    this.stats.repairedChats += Math.min(repaired.length, this.stats.chats - before);
  }

  /**
   * The backlog after `cursor`; a failed page is retried (the endpoint may be slow or briefly
   * down). Null once every attempt failed: the gap is logged and the capture goes on.
   */
  private async readBacklog(cursor: number | null): Promise<IngestChat[] | null> {
    const attempts = this.opts.repairAttempts ?? 4;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const result = await repairGap(this.opts.fetchRecent, cursor);
        this.stats.malformedChats += result.malformed;
        if (result.capped) this.opts.log?.(`gap repair after ${cursor} capped at ${result.pages} pages`);
        return result.chats;
      } catch (err) {
        const last = attempt === attempts;
        this.opts.log?.(
          `gap repair failed (attempt ${attempt}/${attempts}${last ? `; chats after ${cursor} may be missing` : ""}): ${err instanceof Error ? err.message : String(err)}`,
        );
        if (!last) await sleep((this.opts.repairRetryMs ?? 1000) * attempt);
      }
    }
    return null;
  }

  private deliver(chats: IngestChat[]): void {
    this.stats.chats += chats.length;
    const last = chats.at(-1)!;
    this.stats.lastCommentNo = last.commentNo;
    this.stats.lastChatAt = last.at ?? Date.now();
    this.opts.forward(chats);
  }
}
