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
/** Chats the first stage finds somewhat abusive but below its hold threshold. */
const borderline = [
  "진행자 말투 왜저래",
  "아 진짜 짜증나네",
  "저 여자 목소리 듣기 싫다",
  "판매자 양심 없네",
  "사장 미쳤나",
  "니네 장사 그따위로 하냐",
  "목소리 거슬려",
  "설명 좀 제대로 해라",
  "진짜 어이없네",
].filter((t) => {
  const p = moderationProbabilities(first, t);
  return 1 - p[0]! >= 0.05 && 1 - p[0]! < first.thresholds[2]! && p[1]! >= p[2]! && p[1]! >= p[3]!;
});

describe("the second stage", () => {
  it("holds borderline abuse the first stage lets through when it says yes, and only then", () => {
    expect(borderline.length).toBeGreaterThan(0);
    expect(moderate(withSecond(0, -5, 0.05), borderline).map((v) => v.hold)).toEqual(borderline.map(() => false));
    for (const v of moderate(withSecond(0, 5, 0.05), borderline))
      expect(v).toMatchObject({ hold: true, category: "abuse", reasons: ["model"] });
  });

  it("never clears what the first stage holds, and is not consulted below its screen", () => {
    for (const t of abusive) expect(1 - moderationProbabilities(first, t)[0]!).toBeGreaterThan(first.thresholds[2]!);
    expect(moderate(withSecond(0, -5, 0.05), abusive).map((v) => v.hold)).toEqual([true, true, true]);
    expect(moderate(withSecond(0, 5, 0.99), borderline).map((v) => v.hold)).toEqual(borderline.map(() => false));
  });

  it("is not consulted for chats the rules already hold or the first stage finds clean", () => {
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
