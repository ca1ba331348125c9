import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { embeddedModerator } from "./embedded.ts";

/** The curse rule as the moderator runs it (the letters pass fills what it reads). */
function curse(text: string): boolean {
  const [v] = embeddedModerator.classifyBatch([{ message: text, nickname: "c", at: 0 }]).verdicts;
  return v!.reasons.includes("rule:curse");
}

const curses = ["시발", "씨발", "씌발", "병신", "뷰웅신", "엠창", "느금마", "느금", "좆같", "조까라"];
/** Ways to slip a curse past a word list: digits, marks or spaces between its letters, a drawn-out vowel. */
const evade = fc.constantFrom(
  (w: string) => w,
  (w: string) => [...w].join("1"),
  (w: string) => [...w].join("."),
  (w: string) => [...w].join(" "),
  (w: string) => [...w].join("*"),
  (w: string) => (w.startsWith("씨") ? `씨이이${w.slice(1)}` : w),
);
const around = fc.constantFrom(["", ""], ["", " 배송 언제 와"], ["진행자 ", " 진짜"], ["아 ", "!!"], ["ㅋㅋ ", ""]);

describe("curses by rule", () => {
  it("are held through digits, marks, spaces between letters and drawn-out vowels", () => {
    fc.assert(
      fc.property(fc.constantFrom(...curses), evade, around, (w, f, [pre, post]) => {
        const text = `${pre}${f(w)}${post}`;
        expect(curse(text), text).toBe(true);
      }),
    );
  });

  it("are held typed on a Korean keyboard left in English mode, or romanised", () => {
    for (const text of [
      "tlqkf 또 품절",
      "qudtls 같은 방송",
      "sibal 뭐하냐",
      "SSIBAL 환불",
      "아 shibal",
      "s1bal 얼마냐",
      "ㄴㄱㅁ ㅋㅋ",
      "느금 ㅁ ㅏ 보다 못하네",
      "싀발 또 품절",
      "ㅄ",
      "ㅄ ㅋㅋㅋ 이걸 사네",
      "진행자 ㅂㅅ같이 웃네",
      "ㅂㅅ들 모였네",
    ])
      expect(curse(text), text).toBe(true);
  });

  it("are not words that only contain their letters across a space, places, or praise", () => {
    for (const text of [
      "반품 시 발송비 있어요?",
      "다시 발송해 주세요",
      "아저씨 발 사이즈 몇이에요",
      "가시 발라져 있어요?",
      "약병 신제품 나왔어요",
      "시발점이 어디에요",
      "3조까지 팔렸대요",
      "세트 구성조까지 보여주세요",
      "출시 발표 언제",
      "존나 예쁘다",
      "개이쁘다 미쳤다",
      "금요일에 느긋하게 볼게요",
      "늘 금방 품절되네",
      "ㄴㄴ 구매 말고 찜",
      "ㅂㅅ 언제 와요 (배송)",
      "값 얼마예요",
      "ㅂㅅ 같이 받을 수 있어요?",
    ])
      expect(curse(text), text).toBe(false);
  });
});
