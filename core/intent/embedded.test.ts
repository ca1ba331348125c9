import { describe, expect, it } from "vitest";
import shipped from "../../data/models/intent.json" with { type: "json" };
import { INTENTS } from "../protocol/intent.ts";
import { parseArtefact } from "./artefact.ts";
import { EMBEDDED_MODEL_VERSION, embeddedClassifier, INTENT_ARTEFACT } from "./embedded.ts";
import type { IntentResult } from "./types.ts";

const classify = (texts: string[]) => embeddedClassifier.classifyBatch(texts) as IntentResult[];

describe("shipped embedded classifier", () => {
  it("is the three-intent model within the size budget", () => {
    expect(embeddedClassifier.name).toBe("embedded");
    expect(INTENT_ARTEFACT.classes).toEqual(INTENTS);
    expect(INTENT_ARTEFACT.data.length).toBeLessThan(5 * 1024 * 1024);
  });

  it.each([
    ["사이즈 몇이에요", "question"],
    ["배송 언제 오나요?", "question"],
    ["뒷모습 보여주세요", "request"],
    ["한번 더 입어봐 주세요", "request"],
    ["ㅋㅋㅋㅋ 대박", "general"],
    ["언니 너무 예뻐요", "general"],
  ])("classifies %s as %s", (text, intent) => {
    const [result] = classify([text]);
    expect(result!.intent).toBe(intent);
    expect(result!.confidence).toBeGreaterThan(0.5);
  });

  it("preserves order and length of a batch", () => {
    const texts = ["뒷모습 보여주세요", "", "사이즈 몇이에요", "ㅋㅋㅋㅋ 대박"];
    const batch = classify(texts);
    expect(batch).toHaveLength(texts.length);
    expect(batch).toEqual(texts.map((t) => classify([t])[0]));
    expect(batch[1]!.intent).toBe("general");
  });
});

describe("shipped model file", () => {
  it("carries its training run", () => {
    expect(EMBEDDED_MODEL_VERSION).toMatch(/chats/);
  });

  it("refuses a truncated or hand-edited model file", () => {
    expect(parseArtefact(shipped)).toEqual(INTENT_ARTEFACT);
    expect(() => parseArtefact({ ...shipped, data: shipped.data.slice(0, -4) })).toThrow(/train:intent/);
    expect(() => parseArtefact({ ...shipped, scales: [1] })).toThrow(/train:intent/);
    expect(() => parseArtefact(null)).toThrow(/train:intent/);
  });
});
