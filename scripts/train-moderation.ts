/**
 * Trains the embedded moderation model and writes data/models/moderation.json.
 *
 *   npm run train:moderation [-- --epochs 8 --bits 17 --no-write --second]
 *
 * Data: data/moderation/train*.tsv (LiveQ's live-commerce moderation corpus), the
 * live-commerce intent chats data/chats/*.tsv except heldout* (all `ok`), BEEP! train
 * (data/beep/train.tsv) and Curse-detection-data (data/curse/dataset.txt). A tuning split
 * is carved from these training files only (10% of each, by text hash): it picks the
 * sensitivity thresholds and is reported per source. Never read here: data/moderation/clean*.tsv
 * (the clean evaluation split), data/beep/dev.tsv (BEEP!'s dev set, the reported evaluation),
 * data/chats/heldout*.tsv.
 *
 * With --second it also trains the cascade's second stage (core/moderation/second-stage.ts: a
 * binary abuse model, with K-MHaS data/kmhas/ beside the sources above) and tunes its screen and
 * thresholds on out-of-fold scores of all the training data (scripts/lib/moderation-cascade.ts).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { encodeModerationArtefact } from "../core/moderation/artefact.ts";
import type { ModerationModel } from "../core/moderation/model.ts";
import { LEAN_FEATURES } from "../core/moderation/model.ts";
import type { SecondStage } from "../core/moderation/second-stage.ts";
import { trainNormalisedBinary } from "../core/moderation/train.ts";
import { outOfFoldScores, tuneCascade } from "./lib/moderation-cascade.ts";
import {
  type Item,
  TRAIN_OPTIONS,
  type TrainOptions,
  blendExtra,
  buildSet,
  labelOf,
  loadSources,
  numOpt,
  splitSources,
  train as trainWith,
  trainBlend,
  tuneThresholds,
} from "./lib/moderation-training.ts";

const { values } = parseArgs({
  options: {
    ...TRAIN_OPTIONS,
    out: { type: "string", default: "data/models/moderation.json" },
    "no-write": { type: "boolean", default: false },
  },
});
const opt: TrainOptions & { out: string; "no-write": boolean } = values;
const num = (k: keyof TrainOptions) => numOpt(opt, k);
const train = (items: Item[]) => trainWith(opt, items);

function main(): void {
  const sources = loadSources(opt);
  const { trainItems, trainItems2, tuning } = splitSources(sources, num("seed"));
  const t0 = performance.now();
  const model = trainBlend(opt, trainItems, blendExtra(opt, sources, false));
  console.log(`trained in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const { thresholds, newsThreshold } = tuneThresholds(
    model,
    tuning.filter((t) => t.weight > 0),
    num("chat-holds"),
  );
  const second = !opt.second
    ? undefined
    : tuneCascade(
        outOfFoldScores(
          sources.flatMap((s) =>
            s.examples.map((e) => ({ ...e, source: s.name, weight: s.weight, weight2: s.weight2 })),
          ),
          (items) => train(items),
          trainSecondStage,
        ),
        thresholds[2]!,
        {
          live: [sources[0]!.name, sources[1]!.name],
          chats: sources[1]!.name,
          news: sources[2]!.name,
          screenShare: num("screen-share"),
        },
      );
  if (opt["no-write"]) return;
  const all = [
    ...trainItems,
    ...tuning.flatMap((t) => (t.weight > 0 ? t.examples.map((e) => ({ ...e, weight: t.weight })) : [])),
  ];
  const all2 = [
    ...trainItems2,
    ...tuning.flatMap((t) => (t.weight2 > 0 ? t.examples.map((e) => ({ ...e, weight: t.weight2 })) : [])),
  ];
  const final: ModerationModel = {
    ...trainBlend(opt, all, blendExtra(opt, sources, true)),
    thresholds,
    newsThreshold,
    ...(second !== undefined
      ? { second: { ...trainSecondStage(all2), screen: second.screen, thresholds: second.thresholds } }
      : {}),
  };
  const version = `${new Date().toISOString().slice(0, 10)}, ${all.length} chats, ${num("bits")} bits${second !== undefined ? `; second stage ${all2.length} chats, ${num("bits2")} bits` : ""}`;
  const artefact = encodeModerationArtefact(final, version);
  // The licence travels inside the data file (JSON has no comments): the weights derive from CC-BY-SA BEEP! (and K-MHaS when trained on).
  const withKmhas =
    opt.blend || sources.some((s) => s.name === "K-MHaS" && (s.weight > 0 || (second !== undefined && s.weight2 > 0)));
  const licence = `CC-BY-SA-4.0 (derived from BEEP! by Moon, Cho and Lee, CC-BY-SA-4.0, ${withKmhas ? "K-MHaS by Lee et al., CC-BY-SA-4.0, " : ""}and Curse-detection-data by 2runo, MIT; see data/models/README.md)`;
  const body = `${JSON.stringify({ licence, ...artefact })}\n`;
  writeFileSync(String(opt.out), body);
  console.log(`wrote ${opt.out}: ${(Buffer.byteLength(body) / 1024).toFixed(0)} KB`);
}

/** The second stage trained on `items` (abuse against the rest), its screen and thresholds not yet tuned. */
function trainSecondStage(items: Item[]): SecondStage {
  const bits = num("bits2");
  const set = buildSet(items, bits, LEAN_FEATURES);
  const { weights, bias } = trainNormalisedBinary(set, labelOf("abuse"), {
    bits,
    epochs: num("epochs2"),
    learningRate: num("lr2"),
    l2: num("l2-2"),
    seed: num("seed"),
  });
  return { bits, weights, scale: 1, bias, screen: 0, thresholds: [0.5, 0.5, 0.5, 0.5, 0.5] };
}

main();
