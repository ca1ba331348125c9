import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_FEATURES, extractFeatures } from "../intent/features.ts";
import { decodeModerationArtefact } from "./artefact.ts";
import { MODERATION_ARTEFACT } from "./embedded.ts";
import { MAX_MODERATION_FEATURES, appendLeanFeatures, leanSums, moderationPass, packWeights } from "./features.ts";
import { logitsFromFeatures } from "./model.ts";

const model = decodeModerationArtefact(MODERATION_ARTEFACT);
const packed = packWeights(model.weights as Int8Array);
const features = new Int32Array(Math.max(MAX_FEATURES, MAX_MODERATION_FEATURES));

/** The moderation logits the way training and the CLIs compute them: features written out, then summed. */
function reference(text: string): { logits: number[]; letters: number[] } {
  const intentCount = extractFeatures(text, features, model.intentBits);
  const count = intentCount + appendLeanFeatures(features, intentCount, model.bits);
  const p = new Float64Array(4);
  logitsFromFeatures(model, features, intentCount, count, p);
  return {
    logits: [p[1]!, p[2]!, p[3]!],
    letters: Array.from(moderationPass.letters.subarray(0, moderationPass.lettersLength)),
  };
}

/** The hub's path (moderator.ts): summed in the letters pass from the packed table. */
function fused(text: string): { logits: number[]; letters: number[] } {
  extractFeatures(text, features, model.intentBits);
  const sums = new Int32Array(3);
  leanSums(packed, model.bits, sums);
  const s = model.scales!;
  return {
    logits: [sums[0]! * s[0]!, sums[1]! * s[1]!, sums[2]! * s[2]!],
    letters: Array.from(moderationPass.letters.subarray(0, moderationPass.lettersLength)),
  };
}

// Hangul syllables and jamo, Latin, digits, spaces, punctuation, emoji: what chat is made of.
const piece = fc.oneof(
  fc.constantFrom(..."가나다라마바사아자차카타파하시발존나개미친ㅋㅎㅠㅅㅂㄱㅆㄲ"),
  fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x3131, max: 0x3163 }).map((c) => String.fromCharCode(c)),
  fc.constantFrom(..."abcXYZ0123456789 .,!?~@/-"),
  fc.constantFrom("  ", "\t", "🔥", "❤️", "😂", "ｆｕｌｌ", "１２３"),
);
const chat = fc.array(piece, { maxLength: 80 }).map((p) => p.join(""));

describe("moderation logits summed in the letters pass", () => {
  it("equal the written-out features summed, exactly, with the same letters for the word rules", () => {
    for (const text of [
      "",
      "블랙 M 재고 있어요?",
      "시1발 ㅅㅂ 씨발",
      "bit.ly/3xYz9 부업 하실분",
      "제 번호 010-1234-5678 이에요",
      "ㅋ".repeat(600),
      "사세요 ".repeat(200),
    ]) {
      expect(fused(text)).toEqual(reference(text));
    }
    fc.assert(
      fc.property(chat, (text) => {
        expect(fused(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("packs each bucket's three int8 weights into one word and reads them back signed", () => {
    const weights = Int8Array.from([-128, 127, 0, -1, 1, -2, 5, -100, 100]);
    const words = packWeights(weights);
    const back = Array.from(words, (v) => [(v << 24) >> 24, (v << 16) >> 24, (v << 8) >> 24]).flat();
    expect(back).toEqual(Array.from(weights));
  });
});
