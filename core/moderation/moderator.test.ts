import { describe, expect, it } from "vitest";
import { embeddedClassifier } from "../intent/embedded.ts";
import { embeddedModerator } from "./embedded.ts";
import { FloodTracker } from "./flood.ts";
import { compileRules } from "./moderator.ts";
import { ModerationSettings } from "./settings.ts";

let clock = 1_000_000;
/** Chats from distinct nicknames, far apart in time, so flood rules stay quiet unless a test wants them. */
function judge(messages: string[], settings: Partial<ModerationSettings> = {}, nickname?: string) {
  const rules = compileRules(ModerationSettings.parse(settings));
  const chats = messages.map((message, i) => ({
    message,
    nickname: nickname ?? `n${clock}-${i}`,
    at: (clock += 60_000),
  }));
  return embeddedModerator.classifyBatch(chats, rules);
}

describe("the shared pass", () => {
  it("gives exactly the intents the intent classifier gives alone", () => {
    const texts = [
      "블랙 M 재고 있어요?",
      "3번 보여주세요",
      "와 예쁘다",
      "",
      "   ",
      "010-1234-5678",
      "ㅋㅋㅋㅋ",
      "배송 언제 와요",
    ];
    const alone = embeddedClassifier.classifyBatch(texts);
    expect(judge(texts).intents).toEqual(alone);
  });
});

describe("verdicts", () => {
  it("hold personal information, links and floods by rule, with the rule as reason", () => {
    const { verdicts } = judge([
      "제 번호 010-1234-5678 이에요",
      "bit.ly/3xYz9 부업 하실분",
      "ㅋ".repeat(30),
      "🔥".repeat(12),
      "사세요 사세요 사세요 사세요 사세요 사세요",
      "재택 부업 하루 10만 카톡 easyjob7",
      `<img src=x onerror="alert(1)">`,
    ]);
    expect(verdicts.map((v) => [v.category, v.reasons[0]])).toEqual([
      ["personal_info", "rule:phone"],
      ["spam", "rule:link"],
      ["spam", "rule:flood_characters"],
      ["spam", "rule:emoji_wall"],
      ["spam", "rule:flood_words"],
      ["spam", "rule:contact_handle"],
      ["spam", "rule:markup"],
    ]);
    for (const v of verdicts) expect(v).toMatchObject({ hold: true, score: 1 });
  });

  it("hold links spelled in words and one phrase repeated as a flood, by rule", () => {
    const { verdicts } = judge([
      "여기보다 싸요 cheapmall 점 컴",
      "winbig dot com 가입머니",
      "무료 쿠폰 받으세요 무료 쿠폰 받으세요 무료 쿠폰 받으세요",
      "맞팔해요맞팔해요맞팔해요맞팔해요맞팔해요",
    ]);
    expect(verdicts.map((v) => [v.category, v.reasons[0]])).toEqual([
      ["spam", "rule:spelled_link"],
      ["spam", "rule:spelled_link"],
      ["spam", "rule:flood_phrase"],
      ["spam", "rule:flood_phrase"],
    ]);
  });

  it("leave short repeats, shops named 점 and everyday dots alone", () => {
    const { verdicts } = judge([
      "대박대박대박",
      "예뻐요 예뻐요 예뻐요",
      "강남점 컴퓨터 매장 있나요",
      "별점 5점 줬어요",
    ]);
    for (const v of verdicts) expect(v.hold).toBe(false);
  });

  it("never hold a chat of under four letters as spam by model, even at sensitivity 4", () => {
    // ㄱㄱ scored 0.65 as spam (the sensitivity-2 threshold): an offer takes words; floods are the rules'.
    const { verdicts } = judge(["ㄱㄱ", "ㅇㅋ", "굿굿", "ㄱㄱㄱ", "고고", "ㅎㅇ"], { sensitivity: 4 });
    for (const v of verdicts) expect(v.category).not.toBe("spam");
  });

  it("leave blank chats, prices, sizes, order and customer-centre numbers alone", () => {
    const { verdicts } = judge([
      "",
      "39,900원 맞아요?",
      "55 사이즈 있나요",
      "주문번호 2024112512345 배송 언제",
      "고객센터 1588-1234 맞나요?",
      "ㅋㅋㅋㅋ",
      "<<오늘만 특가>> 언제까지에요? 8시: 마감",
    ]);
    for (const v of verdicts) expect(v).toEqual({ hold: false, category: null, score: 0, reasons: [] });
  });

  it("blocked words match through spacing, digits and punctuation; allowed domains pass", () => {
    const { verdicts } = judge(["이 제품 바 보 템", "바1보템", "바.보.템 이네", "smartstore.myshop.com/p/1 여기요"], {
      blockedWords: ["바보템"],
      allowedDomains: ["myshop.com"],
    });
    expect(verdicts.map((v) => v.reasons[0] ?? null)).toEqual([
      "rule:blocked_word",
      "rule:blocked_word",
      "rule:blocked_word",
      null,
    ]);
  });

  it("blocked patterns hold as spam", () => {
    const { verdicts } = judge(["경쟁사몰 가세요", "좋아요"], { blockedPatterns: ["경쟁사\\S*"] });
    expect(verdicts.map((v) => v.hold)).toEqual([true, false]);
  });

  it("the model holds abuse aimed at the host but not praise that sounds like a curse", () => {
    const { verdicts } = judge(["쓰레기 같은 진행자 꺼져", "와 미쳤다 이 가격 실화냐", "개이쁘다 진짜"]);
    expect(verdicts.map((v) => v.category)).toEqual(["abuse", null, null]);
    expect(verdicts[0]!.reasons).toEqual(["model"]);
  });

  it("sensitivity 0 turns the model off; rules still apply", () => {
    const { verdicts } = judge(["쓰레기 같은 진행자 꺼져", "010-1234-5678", "시1발 진행자 꺼져 병신아"], {
      sensitivity: 0,
    });
    expect(verdicts.map((v) => v.category)).toEqual([null, "personal_info", "abuse"]);
    expect(verdicts[2]!.reasons).toEqual(["rule:curse"]);
  });

  it("higher sensitivity never holds less", () => {
    const texts = ["진행자 좀 별로네", "아 짜증나", "시1발 진행자 꺼져 병신아", "사기꾼들"];
    let previous = -1;
    for (const sensitivity of [1, 2, 3, 4]) {
      const held = judge(texts, { sensitivity }).verdicts.filter((v) => v.hold).length;
      expect(held).toBeGreaterThanOrEqual(previous);
      previous = held;
    }
  });
});

describe("flood rules", () => {
  it("hold one nickname repeating within the window", () => {
    const rules = compileRules(
      ModerationSettings.parse({
        flood: {
          nicknameMaxChats: 3,
          nicknameWindowSeconds: 10,
          sameTextNicknames: 0,
          sameTextWindowSeconds: 30,
          sameTextMinLength: 12,
        },
      }),
    );
    const at = (clock += 600_000);
    const chats = ["하나", "둘", "셋", "넷"].map((message, i) => ({ message, nickname: "도배왕", at: at + i * 1000 }));
    expect(
      embeddedModerator.classifyBatch(chats, rules, new FloodTracker()).verdicts.map((v) => v.reasons[0] ?? null),
    ).toEqual([null, null, "rule:flood_nickname", "rule:flood_nickname"]);
    // Off by default (masked nicknames are shared by many viewers), and each broadcast has its own windows.
    expect(
      embeddedModerator.classifyBatch(chats.map((c) => ({ ...c, at: c.at + 600_000 }))).verdicts.some((v) => v.hold),
    ).toBe(false);
    const other = new FloodTracker();
    expect(embeddedModerator.classifyBatch(chats.slice(0, 2), rules, other).verdicts.some((v) => v.hold)).toBe(false);
  });

  it("hold one long text sent by many nicknames, not short common chats", () => {
    const at = (clock += 600_000);
    const long = "여기 댓글 보신 분들 제 방송도 놀러오세요";
    const chats = [0, 1, 2, 3].flatMap((i) => [
      { message: long, nickname: `copy${i}`, at: at + i * 1000 },
      { message: "예뻐요", nickname: `fan${i}`, at: at + i * 1000 },
    ]);
    const on = compileRules(
      ModerationSettings.parse({
        flood: {
          nicknameMaxChats: 0,
          nicknameWindowSeconds: 10,
          sameTextNicknames: 3,
          sameTextWindowSeconds: 30,
          sameTextMinLength: 12,
        },
      }),
    );
    const reasons = embeddedModerator
      .classifyBatch(chats, on)
      .verdicts.map((v) => v.reasons.includes("rule:flood_same_text"));
    expect(reasons).toEqual([false, false, false, false, true, false, true, false]);
    // Off by default: common chats repeat honestly in a busy broadcast.
    const later = chats.map((c) => ({ ...c, at: c.at + 600_000 }));
    expect(
      embeddedModerator.classifyBatch(later).verdicts.some((v) => v.reasons.includes("rule:flood_same_text")),
    ).toBe(false);
  });
});

describe("short chats mixing Latin, Hangul and digits", () => {
  it("are not held for looking like an ID or a curse", () => {
    const texts = [
      "last 메시지 1",
      "last 1",
      "next 상품 2",
      "size M 55",
      "ok 감사 3",
      "black 2개",
      "color 3번 보여줘요",
      "new 컬러 1",
    ];
    const { verdicts } = judge(texts);
    expect(verdicts.map((v) => v.hold)).toEqual(texts.map(() => false));
  });
});
