/**
 * Tuning the moderation cascade's second stage (core/moderation/second-stage.ts) on out-of-fold
 * scores: every training chat is scored by both stages trained without its fold (5 folds by text
 * hash), so the screen and thresholds are chosen on all of the training data rather than on a
 * small carved split (BEEP!'s 776-comment tuning split proved too noisy to choose them).
 */
import { INTENT_ARTEFACT } from "../../core/intent/embedded.ts";
import type { ModerationExample } from "../../core/moderation/corpus.ts";
import { MAX_MODERATION_FEATURES } from "../../core/moderation/features.ts";
import {
  LEAN_FEATURES,
  type ModerationModel,
  extractSplit,
  moderationProbabilities,
} from "../../core/moderation/model.ts";
import { type SecondStage, probabilityOf } from "../../core/moderation/second-stage.ts";
import { holdRates } from "./moderation-training.ts";

export interface CascadeExample extends ModerationExample {
  /** The source it came from (live-commerce chats, BEEP!, …). */
  source: string;
  weight: number;
  weight2: number;
}

export interface Scored {
  source: string;
  gold: boolean;
  /** First stage: 1 − p(ok), and whether abuse is its likeliest held class. */
  s1: number;
  abuse: boolean;
  /** Second stage p(abuse). */
  p2: number;
}

const FOLDS = 5;

function foldOf(text: string): number {
  let h = (0x811c9dc5 ^ 11) | 0;
  for (const ch of text.replace(/\s+/g, "")) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193);
  return (h >>> 0) % FOLDS;
}

/** Both stages' scores of every example, each from models trained without its fold. */
export function outOfFoldScores(
  examples: CascadeExample[],
  trainFirst: (items: { text: string; label: string; weight: number }[]) => ModerationModel,
  trainSecond: (items: { text: string; label: string; weight: number }[]) => SecondStage,
): Scored[] {
  const folds = examples.map((e) => foldOf(e.text));
  const out = new Array<Scored>(examples.length);
  const buf = new Int32Array(MAX_MODERATION_FEATURES);
  const p = new Float64Array(4);
  for (let k = 0; k < FOLDS; k++) {
    const rest = examples.filter((_, i) => folds[i] !== k);
    const first = trainFirst(rest.filter((e) => e.weight > 0).map((e) => ({ ...e, weight: e.weight })));
    const second = trainSecond(rest.filter((e) => e.weight2 > 0).map((e) => ({ ...e, weight: e.weight2 })));
    const shell = { featureVersion: LEAN_FEATURES, intentBits: INTENT_ARTEFACT.bits, bits: second.bits };
    examples.forEach((e, i) => {
      if (folds[i] !== k) return;
      moderationProbabilities(first, e.text, p);
      const { intentCount, count } = extractSplit(shell, e.text, buf);
      out[i] = {
        source: e.source,
        gold: e.label !== "ok",
        s1: 1 - p[0]!,
        abuse: p[1]! >= p[2]! && p[1]! >= p[3]!,
        p2: probabilityOf(second, buf, intentCount, count - intentCount),
      };
    });
  }
  return out;
}

/** Held as the hub decides (model only, no rules): the first stage's hold, or the second stage's on the screened. */
export function cascadeHeld(x: Scored, t1: number, screen: number, t2: number): boolean {
  return x.s1 >= t1 || (x.abuse && x.s1 >= screen && x.p2 >= t2);
}

function rates(xs: Scored[], held: (x: Scored) => boolean) {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  for (const x of xs) held(x) ? (x.gold ? tp++ : fp++) : x.gold ? fn++ : tn++;
  return holdRates(tp, fp, fn, tn);
}

/**
 * The screen is the lowest first-stage score that sends at most `screenShare` of the
 * live-commerce chats to the second stage (its average cost); sensitivity 2's threshold has the
 * best BEEP! macro-F1 among those keeping live-commerce false holds ≤ 1% and the live hold F1
 * within 0.005 of the first stage alone; 0/1 are stricter, 3/4 looser.
 */
export function tuneCascade(
  scored: Scored[],
  t1: number,
  opts: { live: string[]; chats: string; news: string; screenShare: number },
): { screen: number; thresholds: number[] } {
  const chats = scored.filter((x) => x.source === opts.chats);
  const live = scored.filter((x) => opts.live.includes(x.source));
  const news = scored.filter((x) => x.source === opts.news);
  const consulted = (s: number) => chats.filter((x) => x.abuse && x.s1 >= s && x.s1 < t1).length / chats.length;
  let screen = t1;
  for (let s = t1; s >= 0.05; s -= 0.01) {
    if (consulted(s) > opts.screenShare) break;
    screen = Math.round(s * 100) / 100;
  }
  const alone = (xs: Scored[]) => rates(xs, (x) => x.s1 >= t1);
  const firstLive = alone(live).f1;
  let best = 0.5,
    bestMacro = -1;
  for (let t = 0.1; t <= 0.9; t += 0.01) {
    const t2 = Math.round(t * 100) / 100;
    const l = rates(live, (x) => cascadeHeld(x, t1, screen, t2));
    if (l.falseHold > 0.01 || l.f1 < firstLive - 0.005) continue;
    const m = rates(news, (x) => cascadeHeld(x, t1, screen, t2)).macro;
    if (m > bestMacro) [bestMacro, best] = [m, t2];
  }
  const thresholds = [best + 0.3, best + 0.15, best, best - 0.1, best - 0.2].map(
    (t) => Math.round(Math.min(0.95, Math.max(0.05, t)) * 100) / 100,
  );
  console.log(
    `second stage: screen ${screen} (${(consulted(screen) * 100).toFixed(1)}% of live-commerce chats consulted, out of fold), thresholds ${thresholds.join(" ")}`,
  );
  for (const source of [...new Set(scored.map((x) => x.source))]) {
    const xs = scored.filter((x) => x.source === source);
    const c = rates(xs, (x) => cascadeHeld(x, t1, screen, best)),
      f = alone(xs);
    const fmt = (r: typeof c) =>
      `hold F1 ${r.f1.toFixed(3)} macro-F1 ${r.macro.toFixed(3)} false holds ${(r.falseHold * 100).toFixed(1)}% recall ${r.recall.toFixed(3)}`;
    console.log(`out of fold ${source} (${xs.length}): cascade ${fmt(c)}; first stage alone ${fmt(f)}`);
  }
  return { screen, thresholds };
}
