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
 * the 1,402 held-out chats no moderation model trains on; round 8 holds none of them and 10 of the held-out chats.
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
