import data from "../../data/answer-models/second-look.json" with { type: "json" };
import type { SecondLookModel } from "./second-look.ts";

/**
 * The trained second look (second-look.ts): weights, thresholds and word associations, written
 * by `npm run train:answers` to data/answer-models/second-look.json (data, not code; esbuild
 * inlines it in the Worker). The file also records how it was trained and its cross-validated
 * figures.
 */
interface SecondLookFile extends SecondLookModel {
  version: string;
  crossValidated: string;
}

const file = data as unknown as SecondLookFile;

export const SECOND_LOOK_VERSION: string = file.version;

export const SECOND_LOOK_MODEL: SecondLookModel = {
  weights: file.weights,
  answerAt: file.answerAt,
  vetoBelow: file.vetoBelow,
  margin: file.margin ?? 0,
  lineAt: file.lineAt ?? 1,
  ...(file.leadRatio === undefined ? {} : { leadRatio: file.leadRatio }),
  ...(file.noneWeights === undefined ? {} : { noneWeights: file.noneWeights }),
  associations: file.associations,
};
