import { describe, expect, it } from "vitest";
import { TopicModel } from "./topic-model.ts";

const model = new TopicModel({
  origin: { ask: ["어디서 난 쌀이에요?", "원산지 어디에요", "국산 맞나요"], line: ["원산지: 국내산", "산지: 제주"] },
  waterproof: {
    ask: ["비 오는 날 신어도 되나요", "물 들어가나요", "방수 돼요?"],
    line: ["생활방수 코팅", "IPX4 방수"],
  },
  care: { ask: ["세탁기 돌려도 돼요?", "빨래 어떻게 해요"], line: ["세탁: 손세탁 권장", "드라이클리닝 금지"] },
});

describe("TopicModel", () => {
  it("puts a new wording beside the examples it shares character grams with", () => {
    const [top] = model.classify("이거 어디서 난거에요??");
    expect(top?.topic).toBe("origin");
    expect(top?.neighbours[0]).toBe("어디서 난 쌀이에요?");
  });

  it("ignores spacing, which viewers use at random", () => {
    expect(model.classify("비오는날신어도되나요")[0]?.topic).toBe("waterproof");
    expect(model.classify("세탁 기 돌려 도 돼요")[0]?.topic).toBe("care");
  });

  it("classifies knowledge lines with the same examples", () => {
    expect(model.classify("원산지: 강원 횡성")[0]?.topic).toBe("origin");
    expect(model.classify("겉감 생활방수 처리")[0]?.topic).toBe("waterproof");
  });

  it("says nothing about text that shares nothing with any example", () => {
    expect(model.classify("ㅋㅋㅋ")).toEqual([]);
    expect(model.classify("")).toEqual([]);
  });

  it("splits the vote between topics, best first, summing to one", () => {
    const guesses = model.classify("세탁기에 물 들어가나요");
    expect(guesses.length).toBeGreaterThan(1);
    expect(guesses.reduce((s, g) => s + g.vote, 0)).toBeCloseTo(1, 6);
    for (let i = 1; i < guesses.length; i++) expect(guesses[i - 1]!.vote).toBeGreaterThanOrEqual(guesses[i]!.vote);
    for (const g of guesses) expect(g.similarity).toBeGreaterThan(0);
  });

  it("weighs rare grams over common ones: a shared question ending decides nothing", () => {
    const guesses = model.classify("국산 돼요?");
    expect(guesses[0]?.topic).toBe("origin");
  });
});

describe("TopicModel vocabulary", () => {
  const vocab = new TopicModel({
    origin: { ask: ["어디서 난거에요", "이거 어디서 난거죠", "원산지 어디"], line: ["원산지: 국내산"] },
    care: { ask: ["세탁 어떻게 해요", "세탁기 돼요"], line: ["세탁: 손세탁"] },
  });

  it("knows the bigrams a topic is worded with: used by ≥ 2 of its examples and mostly by it", () => {
    expect(vocab.speaksOf("origin", "난거")).toBe(true);
    expect(vocab.speaksOf("care", "세탁")).toBe(true);
    expect(vocab.speaksOf("origin", "세탁")).toBe(false);
    // One example alone does not make a topic's wording.
    expect(vocab.speaksOf("care", "탁기")).toBe(false);
  });
});
