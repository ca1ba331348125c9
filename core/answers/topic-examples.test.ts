import { describe, expect, it } from "vitest";
import { TOPIC_EXAMPLES } from "./topic-examples.ts";
import { TOPICS, type Topic } from "./topics.ts";

const topics = Object.keys(TOPICS) as Topic[];
const everySentence = Object.values(TOPIC_EXAMPLES).flatMap(({ ask, line }) => [...ask, ...line]);

describe("TOPIC_EXAMPLES", () => {
  it("gives every topic enough asks and lines for a neighbour vote", () => {
    for (const topic of topics) {
      const examples = TOPIC_EXAMPLES[topic];
      expect(examples, topic).toBeDefined();
      expect(examples.ask.length, `${topic} ask`).toBeGreaterThanOrEqual(30);
      expect(examples.line.length, `${topic} line`).toBeGreaterThanOrEqual(10);
    }
    expect(Object.keys(TOPIC_EXAMPLES).sort()).toEqual([...topics].sort());
  });

  it("files each sentence once, so no sentence votes for two topics", () => {
    const seen = new Set<string>();
    const repeated = everySentence.filter((s) => seen.has(s.trim()) || !seen.add(s.trim()));
    expect(repeated).toEqual([]);
  });

  it("has no empty sentences", () => {
    expect(everySentence.filter((s) => s.trim() === "")).toEqual([]);
  });
});
