import { describe, expect, it } from "vitest";
import { decodeArtefact, decodeBase64, dequantise, encodeArtefact, encodeBase64 } from "./artefact.ts";
import { FEATURE_VERSION } from "./features.ts";
import { type IntentModel, probabilities } from "./model.ts";

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
    const model: IntentModel = {
      featureVersion: FEATURE_VERSION,
      bits: 6,
      classes: ["general", "request", "question"],
      temperature: 1.7,
      weights,
    };
    const artefact = encodeArtefact(model, "test");
    const decoded = decodeArtefact(artefact);
    expect(decoded.temperature).toBe(1.7);
    expect(decoded.bits).toBe(6);
    expect(decoded.weights).toBeInstanceOf(Int8Array);
    dequantise(decoded).forEach((w, i) =>
      expect(Math.abs(w - weights[i]!)).toBeLessThanOrEqual(artefact.scales[i % 2]! / 2 + 1e-6),
    );
  });

  it("classifies from int8 weights exactly as from the dequantised float weights", () => {
    const weights = Float32Array.from({ length: 2 * 1024 }, (_, i) => Math.cos(i * 1.3) * (i % 2 ? 0.8 : 0.3));
    const model: IntentModel = {
      featureVersion: FEATURE_VERSION,
      bits: 10,
      classes: ["general", "request", "question"],
      temperature: 1.3,
      weights,
    };
    const int8 = decodeArtefact(encodeArtefact(model, "test"));
    const float: IntentModel = { ...int8, weights: dequantise(int8), scales: undefined };
    for (const text of ["사이즈 몇이에요", "뒷모습 보여주세요ㅠㅠ", "ㅋㅋㅋㅋ 대박 🔥", "블랙은요?"]) {
      const a = probabilities(int8, text),
        b = probabilities(float, text);
      a.forEach((p, c) => expect(p).toBeCloseTo(b[c]!, 5));
    }
  });
});
