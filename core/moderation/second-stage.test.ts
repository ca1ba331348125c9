import { describe, expect, it } from "vitest";
import { decodeArtefact } from "../intent/artefact.ts";
import { INTENT_ARTEFACT } from "../intent/embedded.ts";
import { decodeModerationArtefact, encodeModerationArtefact, parseModerationArtefact } from "./artefact.ts";
import { MODERATION_ARTEFACT } from "./embedded.ts";
import { type ModerationModel, extractSplit, moderationProbabilities } from "./model.ts";
import { createModerator } from "./moderator.ts";
import { probabilityOf } from "./second-stage.ts";
import { MAX_MODERATION_FEATURES } from "./features.ts";

const first = decodeModerationArtefact(MODERATION_ARTEFACT);
const bits = 12;
/** A second stage whose every weight is `w` (its p(abuse) then depends on w and the bias alone). */
function withSecond(w: number, bias: number, screen: number): ModerationModel {
  const { second: _, ...rest } = first;
  return {
    ...rest,
    second: {
      bits,
      weights: new Float32Array(1 << bits).fill(w),
      scale: 1,
      bias,
      screen,
      thresholds: [0.9, 0.7, 0.5, 0.3, 0.1],
    },
  };
}
const moderate = (model: ModerationModel, texts: string[]) =>
  createModerator(
    () => decodeArtefact(INTENT_ARTEFACT),
    () => model,
  ).classifyBatch(texts.map((message, i) => ({ message, nickname: `s${i}`, at: i * 60_000 }))).verdicts;

const abusive = ["진행자 존나 못생겼네", "씨발 사기꾼들", "ㅅㅂ 병신같은 방송"];

describe("the second stage", () => {
  it("decides the chats the first stage screens as abuse: a stage that says no clears them, one that says yes holds them", () => {
    for (const t of abusive) expect(1 - moderationProbabilities(first, t)[0]!).toBeGreaterThan(0.5);
    expect(moderate(withSecond(0, -5, 0.5), abusive).map((v) => v.hold)).toEqual([false, false, false]);
    const held = moderate(withSecond(0, 5, 0.5), abusive);
    for (const v of held) expect(v).toMatchObject({ hold: true, category: "abuse", reasons: ["model"] });
  });

  it("is not consulted below its screen, nor for chats the rules already hold", () => {
    const v = moderate(withSecond(0, 5, 0.5), ["와 예쁘다 살게요", "제 번호 010-1234-5678 이에요"]);
    expect(v[0]!.hold).toBe(false);
    expect(v[1]).toMatchObject({ category: "personal_info", reasons: ["rule:phone"] });
  });

  it("scales its sum by 1/√n, so its probability is the same for a chat read twice in a row", () => {
    const model = withSecond(0.1, 0, 0.5).second!;
    const buf = new Int32Array(MAX_MODERATION_FEATURES);
    const shell = { featureVersion: 2, intentBits: INTENT_ARTEFACT.bits, bits };
    const { intentCount, count } = extractSplit(shell, "배송 언제 와요", buf);
    const p = probabilityOf(model, buf, intentCount, count - intentCount);
    expect(p).toBeCloseTo(1 / (1 + Math.exp(-0.1 * Math.sqrt(count - intentCount))), 6);
  });

  it("round-trips through the artefact as int8 weights", () => {
    const model = withSecond(0.25, -0.5, 0.4);
    const back = decodeModerationArtefact(
      parseModerationArtefact(JSON.parse(JSON.stringify(encodeModerationArtefact(model, "t")))),
    );
    expect(back.second).toMatchObject({ bits, bias: -0.5, screen: 0.4, thresholds: [0.9, 0.7, 0.5, 0.3, 0.1] });
    expect(back.second!.weights[7]! * back.second!.scale).toBeCloseTo(0.25, 6);
  });
});
