import { describe, expect, it } from "vitest";
import type { PublishedAnswer } from "../../core/protocol/index.ts";
import { applyPublished, applyUnpublished, fromApi, mergeLoaded } from "./answers-state.ts";

const pair = (id: string, at: number, answer = `a ${id}`) => ({ id, question: `q ${id}`, answer, at });

describe("published answers on a board", () => {
  it("puts a new pair on top and replaces an edited one in place", () => {
    let list = applyPublished([], pair("a1", 1));
    list = applyPublished(list, pair("a2", 2));
    list = applyPublished(list, pair("a1", 3, "edited"));
    expect(list.map((p) => [p.id, p.answer])).toEqual([
      ["a2", "a a2"],
      ["a1", "edited"],
    ]);
  });

  it("ignores an older version of a pair it already holds", () => {
    const list = applyPublished([pair("a1", 10, "new")], pair("a1", 5, "old"));
    expect(list[0]!.answer).toBe("new");
  });

  it("drops an unpublished pair and keeps the list when the id is unknown", () => {
    const list = [pair("a1", 1), pair("a2", 2)];
    expect(applyUnpublished(list, "a1").map((p) => p.id)).toEqual(["a2"]);
    expect(applyUnpublished(list, "zz")).toBe(list);
  });

  it("keeps only published rows from the API", () => {
    const row = (id: string, status: "published" | "unpublished"): PublishedAnswer => ({
      id,
      broadcastId: "b",
      question: "q",
      answer: "a",
      sourceCommentNo: null,
      status,
      createdAt: 1,
      updatedAt: 2,
    });
    expect(fromApi([row("a1", "published"), row("a2", "unpublished")]).map((p) => p.id)).toEqual(["a1"]);
  });

  it("merges a late API list under frames that arrived first, minus ones taken down meanwhile", () => {
    const current = [pair("a3", 30)];
    const loaded = [pair("a3", 20, "stale"), pair("a2", 10), pair("a1", 5)];
    const merged = mergeLoaded(current, loaded, new Set(["a1"]));
    expect(merged.map((p) => [p.id, p.answer])).toEqual([
      ["a3", "a a3"],
      ["a2", "a a2"],
    ]);
  });
});
