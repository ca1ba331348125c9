/**
 * The shipped form of the moderation model: int8 weights (one scale per column), base64
 * in a TypeScript module, decoded once on first use (as the intent model's artefact.ts).
 */
import { decodeBase64, encodeBase64, quantisePerColumn } from "../intent/artefact.ts";
import { type ModerationModel, STORED_COLUMNS } from "./model.ts";

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
    (a.newsThreshold === undefined || typeof a.newsThreshold === "number");
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
  };
}
