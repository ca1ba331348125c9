/**
 * Leave-one-split-out figures for the moderation model over the consulted clean splits
 * (CONSULTED_MODERATION_SPLITS: clean.tsv, clean2–5.tsv, clean7.tsv): for each split, the model is fitted as
 * `npm run train:moderation` fits it (same options), with the other consulted splits added to the
 * live-commerce corpus (--others, on by default; --no-others trains on the corpus alone, one model
 * for every split), and the shipped rules plus that model (sensitivity 2) are scored on the split
 * left out. Pooled over the splits: recall per category, hold F1 and false holds; and false holds
 * on the shop chats no moderation model trains on (data/chats/heldout*.tsv, all ok).
 *
 *   npm run cv:moderation [-- --no-others --w-chats 2 ...]
 *
 * Never read: clean6.tsv, clean8.tsv and later splits (figures only), BEEP! dev.
 */
import { parseArgs } from "node:util";
import type { ModerationExample } from "../core/moderation/corpus.ts";
import type { ModerationModel } from "../core/moderation/model.ts";
import { HOLD_CATEGORIES } from "../core/moderation/types.ts";
import {
  CONSULTED_MODERATION_SPLITS,
  TRAIN_OPTIONS,
  type TrainOptions,
  fitFirstStage,
  holdRates,
  judgeWith,
  loadSources,
  readConsultedSplit,
  shopChats,
} from "./lib/moderation-training.ts";

const { values } = parseArgs({
  options: {
    ...TRAIN_OPTIONS,
    others: { type: "boolean", default: true },
    /** Offsets added to each fold's sensitivity-2 threshold, each scored (a recall / false-hold curve). */
    offsets: { type: "string", default: "0" },
  },
  allowNegative: true,
});
const opt: TrainOptions = values;
const quiet = () => {};

function verdicts(model: ModerationModel, examples: ModerationExample[]): (string | null)[] {
  return judgeWith(
    model,
    examples.map((e) => e.text),
  ).map((v) => v.category);
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  ok: number;
  perCategory: Record<string, { hit: number; support: number }>;
}

function tally(examples: ModerationExample[], predicted: (string | null)[], into: Tally): Tally {
  const own: Tally = { tp: 0, fp: 0, fn: 0, ok: 0, perCategory: {} };
  for (const t of [own, into]) {
    examples.forEach((e, i) => {
      const gold = e.label !== "ok",
        held = predicted[i] !== null;
      if (!gold) t.ok++;
      if (gold && held) t.tp++;
      else if (held) t.fp++;
      else if (gold) t.fn++;
      if (gold) {
        const c = (t.perCategory[e.label] ??= { hit: 0, support: 0 });
        c.support++;
        if (predicted[i] === e.label) c.hit++;
      }
    });
  }
  return own;
}

function line(t: Tally): string {
  const recalls = HOLD_CATEGORIES.map((c) => {
    const r = t.perCategory[c];
    return `${c} ${r ? (r.hit / r.support).toFixed(3) : "-"}`;
  }).join(", ");
  return `hold F1 ${holdRates(t.tp, t.fp, t.fn, t.ok - t.fp).f1.toFixed(3)}, false holds ${t.fp}/${t.ok} = ${((100 * t.fp) / Math.max(1, t.ok)).toFixed(1)}%, recall ${recalls}`;
}

function main(): void {
  const splits = Object.fromEntries(CONSULTED_MODERATION_SPLITS.map((s) => [s, readConsultedSplit(s)]));
  const shop = shopChats(true);
  const offsets = values.offsets.split(",").map(Number);
  const pooled = offsets.map((): Tally => ({ tp: 0, fp: 0, fn: 0, ok: 0, perCategory: {} }));
  const shopHeld = offsets.map(() => 0);
  let shared: ModerationModel | null = null;
  for (const left of CONSULTED_MODERATION_SPLITS) {
    const t0 = performance.now();
    const others = values.others
      ? CONSULTED_MODERATION_SPLITS.filter((s) => s !== left).flatMap((s) => splits[s]!)
      : [];
    const model: ModerationModel =
      values.others || shared === null ? fitFirstStage(opt, loadSources(opt, others), quiet) : shared;
    if (!values.others) shared = model;
    offsets.forEach((off, k) => {
      const at = model.thresholds[2]! + off;
      const shifted = { ...model, thresholds: model.thresholds.map((t, s) => (s === 2 ? at : t)) };
      const t = tally(splits[left]!, verdicts(shifted, splits[left]!), pooled[k]!);
      const held = verdicts(shifted, shop).filter((v) => v !== null).length;
      shopHeld[k]! += held;
      console.log(
        `${left} left out (threshold ${at.toFixed(2)}, ${((performance.now() - t0) / 1000).toFixed(0)} s): ${line(t)}; shop heldout chats held ${held}/${shop.length}`,
      );
    });
  }
  offsets.forEach((off, k) => {
    const total = shop.length * CONSULTED_MODERATION_SPLITS.length;
    console.log(
      `pooled over ${CONSULTED_MODERATION_SPLITS.length} splits${values.others ? " (each left out of training)" : " (none trained on)"}, threshold ${off >= 0 ? "+" : ""}${off}: ${line(pooled[k]!)}; shop heldout chats held ${shopHeld[k]}/${total} = ${((100 * shopHeld[k]!) / total).toFixed(2)}%`,
    );
  });
}

main();
