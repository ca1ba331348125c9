import { describe, expect, it } from "vitest";
import { parseLabelledTsv } from "./corpus.ts";
import { poisson, mulberry32 } from "./random.ts";
import { createReplay } from "./replay.ts";

const corpus = parseLabelledTsv(
  "label\ttext\nquestion\t사이즈 몇이에요\nrequest\t뒷모습 보여주세요\ngeneral\t예쁘다 ㅋㅋ\n",
).rows;

function run(ratePerMin: number, seconds: number, seed = 7, options = {}) {
  const replay = createReplay({ corpus, ratePerMin, seed, burstChancePerSec: 0, ...options });
  const out = [];
  for (let t = 0; t <= seconds * 1000; t += 100) out.push(...replay.tick(t));
  return out;
}

describe("parseLabelledTsv", () => {
  it("reads labelled lines and counts bad ones", () => {
    const { rows, skipped } = parseLabelledTsv(
      "label\ttext\nquestion\t몇 키로?\nnope\tx\ngeneral\t\n\nrequest\t링크 주세요\r\n",
    );
    expect(rows).toEqual([
      { label: "question", text: "몇 키로?" },
      { label: "request", text: "링크 주세요" },
    ]);
    expect(skipped).toBe(2);
  });
});

describe("createReplay", () => {
  it("emits chats at the asked rate on average", () => {
    const chats = run(600, 60);
    expect(chats.length).toBeGreaterThan(540);
    expect(chats.length).toBeLessThan(660);
  });

  it("numbers chats like Naver: increasing commentNo, masked nicknames, times within the tick", () => {
    const chats = run(300, 10);
    expect(chats.map((c) => c.commentNo)).toEqual(chats.map((_, i) => i + 1));
    for (const c of chats) expect(c.nickname).toMatch(/^[a-z]{4}\*{4}$/);
    const times = chats.map((c) => c.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("is reproducible from its seed and differs across seeds", () => {
    expect(run(300, 10, 3)).toEqual(run(300, 10, 3));
    expect(run(300, 10, 3)).not.toEqual(run(300, 10, 4));
  });

  it("multiplies the rate during bursts", () => {
    const calm = run(600, 30).length;
    const bursty = run(600, 30, 7, { burstChancePerSec: 1, burstFactor: 4, burstSeconds: 1000 }).length;
    expect(bursty).toBeGreaterThan(calm * 3);
  });

  it("refuses an empty corpus", () => {
    expect(() => createReplay({ corpus: [], ratePerMin: 1 })).toThrow(/empty/);
  });
});

describe("poisson", () => {
  it("has the asked mean for small and large lambdas", () => {
    const random = mulberry32(11);
    for (const lambda of [0.5, 4, 80]) {
      let sum = 0;
      for (let i = 0; i < 20_000; i++) sum += poisson(lambda, random);
      expect(sum / 20_000).toBeCloseTo(lambda, 0);
    }
    expect(poisson(0, random)).toBe(0);
  });
});
