/**
 * k-fold cross-validation on BEEP! train (never dev): for each fold the moderation model is fitted as
 * `npm run train:moderation` fits it (same options, every other source whole), with BEEP! train less
 * the fold; the fold is scored as BEEP! dev is scored by `eval:moderation`: macro-F1 of held vs not
 * (rules + model, sensitivity 2) and of the model alone at its news-comment threshold (tuned on the
 * BEEP! tuning chats carved from the training part). Used to choose model variants for BEEP! without
 * spending dev runs.
 *
 *   npm run cv:moderation:beep [-- --folds 5 --nb --blend --w-beep 2 ...]
 */
import { parseArgs } from "node:util";
import type { ModerationExample } from "../core/moderation/corpus.ts";
import { decodeModerationArtefact, encodeModerationArtefact } from "../core/moderation/artefact.ts";
import { moderationProbabilities } from "../core/moderation/model.ts";
import {
  TRAIN_OPTIONS,
  type TrainOptions,
  fitFirstStage,
  holdRates,
  judgeWith,
  loadSources,
} from "./lib/moderation-training.ts";

const { values } = parseArgs({ options: { ...TRAIN_OPTIONS, folds: { type: "string", default: "5" } } });
const opt: TrainOptions = values;
const folds = Number(values.folds);

/** Counts of toxic-held, none-held, toxic-not-held, none-not-held. */
function add(into: number[], gold: boolean[], held: boolean[]): number[] {
  const own = [0, 0, 0, 0];
  gold.forEach((g, i) => {
    const k = held[i] ? (g ? 0 : 1) : g ? 2 : 3;
    own[k]!++;
    into[k]!++;
  });
  return own;
}

const macro = ([tp, fp, fn, tn]: number[]) => holdRates(tp!, fp!, fn!, tn!).macro;

function main(): void {
  const sources = loadSources(opt);
  const beep = sources.find((s) => s.name === "BEEP! train")!;
  const all = beep.examples;
  const foldOf = (i: number) => i % folds;
  const pooledHeld = [0, 0, 0, 0],
    pooledAlone = [0, 0, 0, 0];
  for (let k = 0; k < folds; k++) {
    const t0 = performance.now();
    const test: ModerationExample[] = all.filter((_, i) => foldOf(i) === k);
    beep.examples = all.filter((_, i) => foldOf(i) !== k);
    // The int8 model the hub runs, so "model alone" is scored as shipped too.
    const model = decodeModerationArtefact(
      encodeModerationArtefact(
        fitFirstStage(opt, sources, () => {}),
        "cv",
      ),
    );
    const gold = test.map((e) => e.label !== "ok");
    const held = judgeWith(
      model,
      test.map((e) => e.text),
    ).map((v) => v.hold);
    const t = model.newsThreshold ?? model.thresholds[2]!;
    const p = new Float64Array(4);
    const alone = test.map((e) => 1 - moderationProbabilities(model, e.text, p)[0]! >= t);
    const h = add(pooledHeld, gold, held),
      a = add(pooledAlone, gold, alone);
    console.log(
      `fold ${k + 1}/${folds} (${test.length} comments, ${((performance.now() - t0) / 1000).toFixed(0)} s): held vs not macro-F1 ${macro(h).toFixed(3)}; model alone at ${t} ${macro(a).toFixed(3)}`,
    );
  }
  console.log(
    `pooled over ${folds} folds of BEEP! train: held vs not (sensitivity 2) macro-F1 ${macro(pooledHeld).toFixed(3)}; model alone at its news threshold ${macro(pooledAlone).toFixed(3)}`,
  );
}

main();
