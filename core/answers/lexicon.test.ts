import { describe, expect, it } from "vitest";
import { expandQuery, lexiconMatches, lexiconSize, lexiconTopics, statedKnowledge } from "./lexicon.ts";
import { lexiconKey } from "./lexicon-key.ts";

const concepts = (q: string) => lexiconMatches(q).map((m) => m.concept.id);

describe("Korean shopping paraphrase lexicon", () => {
  it("ships tens of thousands of viewer phrasings over many concepts", () => {
    const { concepts: n, entries } = lexiconSize();
    expect(n).toBeGreaterThanOrEqual(100);
    expect(entries).toBeGreaterThanOrEqual(30000);
  });

  it.each([
    ["전기세 많이 나와요?", "power-use", "소비전력"],
    ["소리 너무 커요?", "noise", "소음"],
    ["뜨거운 물 부어도 돼요?", "heat-resist", "내열"],
    ["마스카라 안 번져요?", "waterproof-makeup", "워터프루프"],
    ["김 서려요?", "fog", "김서림 방지"],
    ["바닥 미끄러워요?", "slip-mat", "논슬립"],
    ["털 날려요?", "lint", "털빠짐"],
  ])("%s names %s, worded in knowledge as %s", (question, id, knowledge) => {
    const matches = lexiconMatches(question);
    expect(matches.map((m) => m.concept.id)).toContain(id);
    expect(expandQuery(question, matches)).toContain(knowledge);
  });

  it("ignores spacing and intensifiers, and finds nothing in unrelated chat", () => {
    expect(concepts("소리가 진짜 커요")).toContain("noise");
    expect(concepts("소리가커요")).toContain("noise");
    expect(concepts("진짜 예뻐요 ㅎㅎ")).toEqual([]);
    expect(expandQuery("안녕하세요")).toBe("안녕하세요");
  });

  it("never keys a phrase of one syllable (진짜 must not read as 짜 = salty)", () => {
    expect(lexiconKey("짜")).toHaveLength(1);
    expect(concepts("진짜요?")).toEqual([]);
  });

  it("gives the concepts' topics and the knowledge words a source states", () => {
    const matches = lexiconMatches("전기세 많이 나와요?");
    expect(lexiconTopics(matches)).toEqual(["power"]);
    expect(statedKnowledge(matches, "소비전력: 40W")).toContain("소비전력");
    expect(statedKnowledge(matches, "색상: 블랙")).toEqual([]);
  });
});
