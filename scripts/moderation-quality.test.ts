import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ModerationExample, parseBeep, parseModerationTsv } from "../core/moderation/corpus.ts";
import { embeddedModerator } from "../core/moderation/embedded.ts";
import { holdRates, shopChats } from "./lib/moderation-training.ts";

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");

/** Held or not, per chat (default rules, sensitivity 2), as the hub decides. */
function held(examples: ModerationExample[]): boolean[] {
  const chats = examples.map((e, i) => ({ message: e.text, nickname: `q${i}`, at: i * 60_000 }));
  return embeddedModerator.classifyBatch(chats).verdicts.map((v) => v.hold);
}

function holdRatesOf(gold: boolean[], pred: boolean[]) {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  gold.forEach((g, i) => (pred[i] ? (g ? tp++ : fp++) : g ? fn++ : tn++));
  return holdRates(tp, fp, fn, tn);
}

/**
 * The shipped moderation model (data/models/moderation.json) keeps its measured quality:
 * README's figures (clean live-commerce split clean2.tsv, now consulted: hold F1 0.996, no false
 * holds; BEEP! dev macro-F1 0.735) less a small margin for retraining noise. A retrained or damaged model file
 * that loses quality fails here.
 */
describe("shipped moderation quality", () => {
  it("holds what the clean live-commerce split holds, and little else", () => {
    const clean = parseModerationTsv(read("data/moderation/clean2.tsv"));
    const rates = holdRatesOf(
      clean.map((e) => e.label !== "ok"),
      held(clean),
    );
    expect(rates.f1).toBeGreaterThan(0.96);
    expect(rates.falseHold).toBeLessThanOrEqual(0.03);
  });

  it("keeps macro-F1 on BEEP! dev (hate and offensive held, none not)", () => {
    const beep = parseBeep(read("data/beep/dev.tsv"));
    const rates = holdRatesOf(
      beep.map((e) => e.label !== "ok"),
      held(beep),
    );
    expect(rates.macro).toBeGreaterThan(0.72);
  });
});

/**
 * Shoppers' chat is what the hub sees most, so a false hold there costs most: round 6 held 3 of the
 * 4,746 corpus chats (구매 인증 완료, 상의만 구매 가능?, 클로즈업 좀); round 7 held one of them and 9 of
 * the 1,402 held-out chats no moderation model trains on; round 7b holds none of them and 6 of the held-out chats.
 */
describe("shop chat is not held", () => {
  it("holds at most 1 in 1,000 of the corpus chats the model trains on as ok", () => {
    const chats = shopChats(false);
    expect(chats.length).toBeGreaterThan(4000);
    const n = held(chats).filter(Boolean).length;
    expect(n).toBeLessThanOrEqual(Math.floor(chats.length / 1000));
  });

  it("holds at most 1 in 100 of the held-out chats", () => {
    const chats = shopChats(true);
    expect(chats.length).toBeGreaterThan(1000);
    expect(held(chats).filter(Boolean).length).toBeLessThanOrEqual(Math.floor(chats.length / 100));
  });
});

/**
 * Round 8 held "재시작 후 채팅 3" (the dashboard's restart test) as abuse and round 7 holds "채팅창 내용이
 * 금방 사라져요": a chat about the stream itself carries little the model knows, so it scores near the bias
 * alone, just under the threshold, and words seen only in abuse and spam tip it. These chats, written for
 * this test and in no training file, keep that in view without the browser.
 */
describe("plain chat about the stream is not held", () => {
  it("holds none of a viewer's lines about starting, testing, reconnecting and the chat", () => {
    const lines = [
      "재시작 후 채팅 3",
      "재시작 전 채팅 1",
      "테스트 채팅",
      "채팅 12",
      "시작합니다",
      "다시 시작해요",
      "채팅 테스트 해봅니다",
      "방송 벌써 시작됐네",
      "페이지 다시 열었어요",
      "막 입장했어요",
      "채팅 일등이다",
      "확인 테스트 5",
      "카메라 점검 중이신가요",
      "첫 판매 개시하셨네요",
      "시발점 근처 식당 가봤어요",
      "채팅창 내용이 금방 사라져요",
      "내일도 라이브 하세요?",
      "재부팅 했더니 잘 돼요",
      "사회생활 힘들다",
      "지금 들어온 사람 손",
    ];
    const verdicts = held(lines.map((text) => ({ text, label: "ok" as const })));
    expect(lines.filter((_, i) => verdicts[i])).toEqual([]);
  });
});
