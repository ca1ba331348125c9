import { describe, expect, it } from "vitest";
import { BroadcastIndexes } from "./broadcast-indexes.ts";
import { knowledgeChunks } from "./chunks.ts";
import type { KnowledgeSet } from "./types.ts";

const set = (broadcastId: string, notes: string[]): KnowledgeSet => ({
  broadcastId,
  title: "",
  description: "",
  notes,
  products: [],
  qna: [],
  benefits: [],
  answers: [],
});

describe("BroadcastIndexes", () => {
  it("keeps each broadcast's retrieval statistics its own", async () => {
    const quiet = set("a", ["배송은 내일 출발합니다", "반품은 7일 이내"]);
    const alone = new BroadcastIndexes();
    alone.sync("a", knowledgeChunks(quiet));
    const before = await alone.retrieve("a")("배송 언제", 2);

    // Another broadcast where 배송 is in every line must not change how "a" ranks and scores.
    const shared = new BroadcastIndexes();
    shared.sync("a", knowledgeChunks(quiet));
    shared.sync(
      "b",
      knowledgeChunks(
        set(
          "b",
          Array.from({ length: 30 }, (_, i) => `배송 안내 ${i}`),
        ),
      ),
    );
    const after = await shared.retrieve("a")("배송 언제", 2);
    expect(after.map((p) => [p.chunk.id, p.score])).toEqual(before.map((p) => [p.chunk.id, p.score]));
    expect(after.every((p) => p.chunk.broadcastId === "a")).toBe(true);
  });

  it("drops the least recently used broadcast beyond its limit", () => {
    const indexes = new BroadcastIndexes(2);
    indexes.sync("a", knowledgeChunks(set("a", ["a"])));
    indexes.sync("b", knowledgeChunks(set("b", ["b"])));
    indexes.retrieve("a"); // a is now the most recently used
    indexes.sync("c", knowledgeChunks(set("c", ["c"])));
    expect([indexes.has("a"), indexes.has("b"), indexes.has("c")]).toEqual([true, false, true]);
    expect(indexes.size).toBe(2);
  });

  it("syncs edits: removed lines leave the index, changed lines replace theirs", async () => {
    const indexes = new BroadcastIndexes();
    indexes.sync("a", knowledgeChunks(set("a", ["배송은 내일 출발", "반품은 7일 이내"])));
    indexes.sync("a", knowledgeChunks(set("a", ["배송은 모레 출발"])));
    expect(
      indexes
        .store("a")
        .index.entries()
        .map((c) => c.text),
    ).toEqual(["배송은 모레 출발"]);
  });
});
