/**
 * The shipped form of the intent model: weights quantised to int8 with one scale per
 * class column, base64-encoded into a JSON data file so that any bundler (and workerd, and
 * Node's JSON imports) loads it by a static import. Decoded once, on first use; inference reads the
 * int8 weights directly and applies the scales to the summed logits.
 */
import type { Intent } from "../protocol/intent.ts";
import type { IntentModel } from "./model.ts";

export interface IntentArtefact {
  /** Training run identifier (date and data summary), for /api/health and logs. */
  readonly version: string;
  readonly featureVersion: number;
  readonly bits: number;
  readonly classes: readonly Intent[];
  readonly temperature: number;
  /** Dequantisation factor per stored column (classes.length - 1 of them). */
  readonly scales: readonly number[];
  /** int8 weights, row-major, base64. */
  readonly data: string;
}

/** The artefact from its JSON file, its shape checked: a truncated or hand-edited file fails loudly on load. */
export function parseArtefact(json: unknown): IntentArtefact {
  const a = json as Partial<IntentArtefact>;
  const numbers = (xs: unknown) => Array.isArray(xs) && xs.every((x) => typeof x === "number" && Number.isFinite(x));
  const ok =
    typeof a === "object" &&
    a !== null &&
    typeof a.version === "string" &&
    typeof a.featureVersion === "number" &&
    typeof a.bits === "number" &&
    Array.isArray(a.classes) &&
    typeof a.temperature === "number" &&
    numbers(a.scales) &&
    typeof a.data === "string" &&
    a.scales!.length === a.classes.length - 1 &&
    a.data.length === Math.ceil(((1 << a.bits) * (a.classes.length - 1)) / 3) * 4;
  if (!ok) throw new Error("intent artefact: not a trained model file (retrain with `npm run train:intent`)");
  return {
    version: a.version!,
    featureVersion: a.featureVersion!,
    bits: a.bits!,
    classes: a.classes!,
    temperature: a.temperature!,
    scales: a.scales!,
    data: a.data!,
  };
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Standard base64 with padding (no Buffer/btoa: core runs everywhere). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  const chunk: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!,
      b = bytes[i + 1] ?? 0,
      c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    chunk.push(
      ALPHABET[(n >> 18) & 63]! +
        ALPHABET[(n >> 12) & 63]! +
        (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : "=") +
        (i + 2 < bytes.length ? ALPHABET[n & 63]! : "="),
    );
    if (chunk.length === 4096) {
      out += chunk.join("");
      chunk.length = 0;
    }
  }
  return out + chunk.join("");
}

/** Inverse of encodeBase64. */
export function decodeBase64(text: string): Uint8Array {
  let len = text.length;
  while (len > 0 && text.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  for (let i = 0; i < len; i += 4) {
    const n =
      (LOOKUP[text.charCodeAt(i)]! << 18) |
      (LOOKUP[text.charCodeAt(i + 1)]! << 12) |
      ((i + 2 < len ? LOOKUP[text.charCodeAt(i + 2)]! : 0) << 6) |
      (i + 3 < len ? LOOKUP[text.charCodeAt(i + 3)]! : 0);
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** Symmetric int8 quantisation, one scale per column of a row-major table (the moderation model uses it too). */
export function quantisePerColumn(weights: ArrayLike<number>, cols: number): { scales: number[]; q: Int8Array } {
  const scales: number[] = [];
  for (let c = 0; c < cols; c++) {
    let max = 0;
    for (let i = c; i < weights.length; i += cols) max = Math.max(max, Math.abs(weights[i]!));
    scales.push(max === 0 ? 1 : max / 127);
  }
  const q = new Int8Array(weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(weights[i]! / scales[i % cols]!);
  return { scales, q };
}

/** Quantises a model to int8 (symmetric, per column, scaled to the column's largest weight). */
export function encodeArtefact(model: IntentModel, version: string): IntentArtefact {
  if (model.scales !== undefined) throw new Error("encodeArtefact: the model is already quantised");
  const { scales, q } = quantisePerColumn(model.weights, model.classes.length - 1);
  return {
    version,
    featureVersion: model.featureVersion,
    bits: model.bits,
    classes: model.classes,
    temperature: model.temperature,
    scales,
    data: encodeBase64(new Uint8Array(q.buffer)),
  };
}

/** Decodes an artefact into an inference model that keeps the int8 weights and their scales. */
export function decodeArtefact(artefact: IntentArtefact): IntentModel {
  return {
    featureVersion: artefact.featureVersion,
    bits: artefact.bits,
    classes: artefact.classes,
    temperature: artefact.temperature,
    weights: new Int8Array(decodeBase64(artefact.data).buffer),
    scales: artefact.scales,
  };
}

/** The float weights an int8 model stands for (`weights × scale` per column). */
export function dequantise(model: IntentModel): Float32Array {
  const cols = model.classes.length - 1;
  const scales = model.scales;
  return Float32Array.from(model.weights, (w, i) => (scales === undefined ? w : w * scales[i % cols]!));
}
