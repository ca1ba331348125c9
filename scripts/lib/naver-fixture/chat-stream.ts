import { textId } from "../../../core/answers/hash.ts";
import { encodeEventFrame } from "../../../core/naver/frames.ts";
import type { LabelledChat } from "../../../core/simulator/corpus.ts";
import { mulberry32 } from "../../../core/simulator/random.ts";
import { createReplay } from "../../../core/simulator/replay.ts";

/** A chat as the fixture sends it: Naver's item shape. */
export interface FixtureChat {
  commentType: "CHATTING";
  idNo: string;
  commentNo: number;
  nickname: string;
  message: string;
  createdAtMilli: number;
}

export interface ChatStreamOptions {
  corpus: readonly LabelledChat[];
  /** Mean chats per second outside bursts. */
  ratePerSec: number;
  seed: number;
  startCommentNo: number;
  /** Random bursts (4× for 8 s) like a host reveal; off for steady benchmarks. */
  bursts: boolean;
  /** Stop after this many chats (tests); unlimited when absent. */
  maxChats?: number;
  tickMs: number;
  /** Seconds between notices and between product changes; 0 turns them off. */
  noticeEverySec: number;
  productChangeEverySec: number;
  products: readonly Record<string, unknown>[];
}

/** Anything that takes the frames of the chat socket. */
export type FrameSink = (frame: string, chats: readonly FixtureChat[]) => void;

/**
 * One broadcast's live traffic: replayed corpus chats every tick as a `broadcast_chat`
 * frame, now and then a notice or a product change. Every chat is kept for recent-comments.
 */
export class ChatStream {
  readonly history: FixtureChat[] = [];
  private readonly sinks = new Set<FrameSink>();
  private readonly replay: ReturnType<typeof createReplay>;
  private readonly random: () => number;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastNotice = 0;
  private lastProductChange = 0;
  private noticeId = 0;
  private readonly opts: ChatStreamOptions;

  constructor(options: ChatStreamOptions) {
    this.opts = options;
    this.random = mulberry32(options.seed + 7);
    this.replay = createReplay({
      corpus: options.corpus,
      ratePerMin: options.ratePerSec * 60,
      seed: options.seed,
      startCommentNo: options.startCommentNo,
      ...(options.bursts ? {} : { burstChancePerSec: 0 }),
    });
  }

  /** Starts ticking (idempotent). */
  start(): void {
    if (this.timer) return;
    const now = Date.now();
    this.replay.tick(now);
    this.lastNotice = this.lastProductChange = now;
    this.timer = setInterval(() => this.tick(Date.now()), this.opts.tickMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get finished(): boolean {
    return this.opts.maxChats !== undefined && this.history.length >= this.opts.maxChats;
  }

  subscribe(sink: FrameSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  /** Chats after `next` (ascending, up to `size`), or the latest `size` when `next` is null. */
  recent(next: number | null, size: number): FixtureChat[] {
    if (next === null) return this.history.slice(-size);
    const start = lowerBound(this.history, next + 1);
    return this.history.slice(start, start + size);
  }

  private tick(now: number): void {
    let due = this.replay.tick(now);
    if (this.opts.maxChats !== undefined) due = due.slice(0, Math.max(0, this.opts.maxChats - this.history.length));
    if (due.length) {
      const chats = due.map((c) => ({
        commentType: "CHATTING" as const,
        idNo: idNo(c.nickname),
        commentNo: c.commentNo,
        nickname: c.nickname,
        message: c.message,
        createdAtMilli: c.at,
      }));
      this.history.push(...chats);
      const payload = JSON.stringify({ list: chats, next: chats.at(-1)!.commentNo });
      this.emit(encodeEventFrame("broadcast_chat", [payload]), chats);
    }
    if (this.finished) this.stop();
    this.maybeExtras(now);
  }

  private maybeExtras(now: number): void {
    const { noticeEverySec, productChangeEverySec, products } = this.opts;
    if (noticeEverySec > 0 && now - this.lastNotice >= noticeEverySec * 1000) {
      this.lastNotice = now;
      const notice = { id: ++this.noticeId, message: NOTICES[this.noticeId % NOTICES.length], deleted: false };
      this.emit(
        encodeEventFrame(this.noticeId % 3 === 0 ? "broadcast_fixed_notice" : "broadcast_notice", [
          JSON.stringify(notice),
        ]),
        [],
      );
    }
    if (productChangeEverySec > 0 && now - this.lastProductChange >= productChangeEverySec * 1000) {
      this.lastProductChange = now;
      const changed = products.map((p) => ({ ...p, status: this.random() < 0.2 ? "OUTOFSTOCK" : "SALE" }));
      this.emit(encodeEventFrame("broadcast_shopping_product", [JSON.stringify(changed)]), []);
    }
  }

  private emit(frame: string, chats: readonly FixtureChat[]): void {
    for (const sink of this.sinks) sink(frame, chats);
  }
}

const NOTICES = [
  "라이브 전용 쿠폰은 상단 배너에서 받아 주세요!",
  "주문 폭주로 배송이 하루 늦어질 수 있어요",
  "8시 정각 타임딜 시작합니다 ⏰",
];

/** A short stable user hash like Naver's `idNo` (no Buffer: the workerd tests load this file). */
function idNo(nickname: string): string {
  return textId(nickname).slice(0, 5);
}

function lowerBound(chats: readonly FixtureChat[], commentNo: number): number {
  let lo = 0;
  let hi = chats.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (chats[mid]!.commentNo < commentNo) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
