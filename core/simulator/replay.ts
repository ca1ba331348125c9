import type { IngestChat } from "../protocol/ingest.ts";
import type { LabelledChat } from "./corpus.ts";
import { mulberry32, poisson } from "./random.ts";

export interface ReplayOptions {
  corpus: readonly LabelledChat[];
  /** Mean chats per minute outside bursts. */
  ratePerMin: number;
  seed?: number;
  /** First commentNo; later ones increase by one like Naver's. */
  startCommentNo?: number;
  /** Chance per second that a burst starts (a host reveal, a price drop). */
  burstChancePerSec?: number;
  /** Rate multiplier while a burst lasts. */
  burstFactor?: number;
  burstSeconds?: number;
}

export interface ReplayChat extends IngestChat {
  /** The corpus label, so tests and benchmarks can score what the hub decided. */
  label: LabelledChat["label"];
  at: number;
}

const NICK_LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * The replay simulator: turns a labelled corpus into live-looking chat traffic.
 * Arrivals are Poisson at `ratePerMin`, with random bursts; masked nicknames like
 * Naver's (`hhan****`). `tick(now)` returns the chats due since the previous tick.
 */
export function createReplay(options: ReplayOptions) {
  const { corpus, ratePerMin, burstChancePerSec = 0.02, burstFactor = 4, burstSeconds = 8 } = options;
  if (corpus.length === 0) throw new Error("the replay corpus is empty");
  const random = mulberry32(options.seed ?? 1);
  let commentNo = options.startCommentNo ?? 1;
  let lastTick: number | null = null;
  let burstUntil = -Infinity;

  function nickname(): string {
    let nick = "";
    for (let i = 0; i < 4; i++) nick += NICK_LETTERS[Math.floor(random() * NICK_LETTERS.length)];
    return `${nick}****`;
  }

  return {
    get nextCommentNo() {
      return commentNo;
    },
    inBurst(now: number): boolean {
      return now < burstUntil;
    },
    tick(now: number): ReplayChat[] {
      const elapsedMs = lastTick === null ? 0 : Math.max(0, now - lastTick);
      lastTick = now;
      if (now >= burstUntil && random() < 1 - (1 - burstChancePerSec) ** (elapsedMs / 1000)) {
        burstUntil = now + burstSeconds * 1000;
      }
      const factor = now < burstUntil ? burstFactor : 1;
      const count = poisson((ratePerMin / 60_000) * elapsedMs * factor, random);
      const chats: ReplayChat[] = [];
      for (let i = 0; i < count; i++) {
        const row = corpus[Math.floor(random() * corpus.length)]!;
        const at = Math.round(now - elapsedMs + ((i + 1) * elapsedMs) / (count + 1));
        chats.push({
          commentNo: commentNo++,
          nickname: nickname(),
          message: row.text,
          commentType: "CHATTING",
          at,
          label: row.label,
        });
      }
      return chats;
    },
  };
}
