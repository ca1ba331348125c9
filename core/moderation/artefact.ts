/**
 * The shipped form of the moderation model: int8 weights (one scale per column), base64
 * in a TypeScript module, decoded once on first use (as the intent model's artefact.ts).
 */
import { decodeBase64, encodeBase64, quantisePerColumn } from "../intent/artefact.ts";
import { type ModerationModel, STORED_COLUMNS } from "./model.ts";
import type { SecondStage } from "./second-stage.ts";

export interface ModerationArtefact {
  readonly version: string;
  readonly featureVersion: number;
  readonly intentBits: number;
  readonly bits: number;
  readonly thresholds: readonly number[];
  readonly newsThreshold?: number;
  readonly scales: readonly number[];
  /** int8 weights, row-major, base64. */
  readonly data: string;
  /** The cascade's second stage, its int8 weights base64 in `data` (second-stage.ts). */
  readonly second?: SecondStageArtefact;
}

export interface SecondStageArtefact {
  readonly bits: number;
  readonly scale: number;
  readonly bias: number;
  readonly screen: number;
  readonly thresholds: readonly number[];
  readonly data: string;
}

function isSecondStageArtefact(x: unknown, numbers: (xs: unknown) => boolean): boolean {
  const s = x as Partial<SecondStageArtefact>;
  return (
    typeof s === "object" &&
    s !== null &&
    typeof s.bits === "number" &&
    [s.scale, s.bias, s.screen].every((v) => typeof v === "number" && Number.isFinite(v)) &&
    numbers(s.thresholds) &&
    typeof s.data === "string" &&
    s.data.length > 0
  );
}

/** The artefact from its JSON file, its shape checked: a truncated or hand-edited file fails loudly on load. */
export function parseModerationArtefact(json: unknown): ModerationArtefact {
  const a = json as Partial<ModerationArtefact>;
  const numbers = (xs: unknown) => Array.isArray(xs) && xs.every((x) => typeof x === "number" && Number.isFinite(x));
  const ok =
    typeof a === "object" &&
    a !== null &&
    typeof a.version === "string" &&
    typeof a.featureVersion === "number" &&
    typeof a.intentBits === "number" &&
    typeof a.bits === "number" &&
    numbers(a.thresholds) &&
    numbers(a.scales) &&
    typeof a.data === "string" &&
    a.data.length > 0 &&
    (a.newsThreshold === undefined || typeof a.newsThreshold === "number") &&
    (a.second === undefined || isSecondStageArtefact(a.second, numbers));
  if (!ok) throw new Error("moderation artefact: not a trained model file (retrain with `npm run train:moderation`)");
  return a as ModerationArtefact;
}

export function encodeModerationArtefact(model: ModerationModel, version: string): ModerationArtefact {
  const { scales, q } = quantisePerColumn(model.weights, STORED_COLUMNS);
  return {
    version,
    featureVersion: model.featureVersion,
    intentBits: model.intentBits,
    bits: model.bits,
    thresholds: model.thresholds,
    ...(model.newsThreshold !== undefined ? { newsThreshold: model.newsThreshold } : {}),
    scales,
    data: encodeBase64(new Uint8Array(q.buffer)),
    ...(model.second !== undefined ? { second: encodeSecondStage(model.second) } : {}),
  };
}

function encodeSecondStage(stage: SecondStage): SecondStageArtefact {
  const { scales, q } = quantisePerColumn(stage.weights, 1);
  return {
    bits: stage.bits,
    scale: stage.scale * scales[0]!,
    bias: stage.bias,
    screen: stage.screen,
    thresholds: stage.thresholds,
    data: encodeBase64(new Uint8Array(q.buffer)),
  };
}

export function decodeModerationArtefact(a: ModerationArtefact): ModerationModel {
  return {
    featureVersion: a.featureVersion,
    intentBits: a.intentBits,
    bits: a.bits,
    thresholds: a.thresholds,
    ...(a.newsThreshold !== undefined ? { newsThreshold: a.newsThreshold } : {}),
    scales: a.scales,
    weights: new Int8Array(decodeBase64(a.data).buffer),
    ...(a.second !== undefined
      ? {
          second: {
            bits: a.second.bits,
            scale: a.second.scale,
            bias: a.second.bias,
            screen: a.second.screen,
            thresholds: a.second.thresholds,
            weights: new Int8Array(decodeBase64(a.second.data).buffer),
          },
        }
      : {}),
  };
}
