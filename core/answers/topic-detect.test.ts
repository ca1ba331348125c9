import { describe, expect, it } from "vitest";
import { askedTopics, spokenTopics } from "./topic-detect.ts";

describe("topics by cues and by the example model", () => {
  it.each([
    ["이 쌀 어디서 났어요", "origin"],
    ["비 맞아도 괜찮나요", "waterproof"],
    ["받고 며칠 안에 먹어야 돼요", "expiry"],
    ["얼굴 하얗게 뜨나요", "texture"],
    ["전기세 많이 나와요?", "power"],
  ] as const)("%s asks about %s", (question, topic) => {
    expect(askedTopics(question, question).topics).toContain(topic);
  });

  it("reads sentences the examples do not contain word for word", async () => {
    const { TOPIC_EXAMPLES } = await import("./topic-examples.ts");
    const known = new Set(
      Object.values(TOPIC_EXAMPLES)
        .flatMap((v) => [...v.ask, ...v.line])
        .map((s) => s.replace(/\s/g, "")),
    );
    for (const q of ["이 쌀 어디서 났어요", "얼굴 하얗게 뜨나요", "받고 며칠 안에 먹어야 돼요"])
      expect(known.has(q.replace(/\s/g, ""))).toBe(false);
  });

  it("keeps the cue table's topics when the model has no confident guess", () => {
    expect(askedTopics("ㅋㅋㅋ 소재", "ㅋㅋㅋ 소재").topics).toContain("material");
    expect(askedTopics("ㅋㅋㅋ", "ㅋㅋㅋ")).toMatchObject({ topics: [], guess: null });
  });

  it.each([
    ["원산지: 제주 서귀포", "origin"],
    ["겉감: 나일론 100%, 생활방수 코팅", "waterproof"],
    ["소비전력 1,500W", "power"],
  ] as const)("the line %s speaks to %s", (line, topic) => {
    expect(spokenTopics(line)).toContain(topic);
  });
});
