import { describe, expect, it } from "vitest";
import { decodeArtefact, decodeBase64, encodeArtefact, encodeBase64 } from "./artefact.ts";
import { FEATURE_VERSION } from "./features.ts";
import type { IntentModel } from "./model.ts";

describe("base64", () => {
  it("matches the standard encoding, with padding", () => {
    const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    expect(encodeBase64(bytes("Man"))).toBe("TWFu");
    expect(encodeBase64(bytes("Ma"))).toBe("TWE=");
    expect(encodeBase64(bytes("M"))).toBe("TQ==");
    expect(Array.from(decodeBase64("TWE="))).toEqual(Array.from(bytes("Ma")));
  });

  it("round-trips every byte value", () => {
    const all = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 255);
    expect(decodeBase64(encodeBase64(all))).toEqual(all);
  });
});

describe("artefact", () => {
  it("quantises weights to within half a step of each column's scale", () => {
    const weights = Float32Array.from({ length: 2 * 64 }, (_, i) => Math.sin(i) * (i % 2 ? 3 : 0.5));
    const model: IntentModel = { featureVersion: FEATURE_VERSION, bits: 6, classes: ["general", "request", "question"], temperature: 1.7, weights };
    const artefact = encodeArtefact(model, "test");
    const decoded = decodeArtefact(artefact);
    expect(decoded.temperature).toBe(1.7);
    expect(decoded.bits).toBe(6);
    decoded.weights.forEach((w, i) => expect(Math.abs(w - weights[i]!)).toBeLessThanOrEqual(artefact.scales[i % 2]! / 2 + 1e-6));
  });
});
