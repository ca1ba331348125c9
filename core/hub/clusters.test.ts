import { describe, expect, it } from "vitest";
import { ClusterIndex, wordWeight } from "./clusters.ts";
import { PAIR_FEATURES } from "./pair-features.ts";

let seq = 0;
const q = (message: string, at = 1000 + seq) => ({ seq: ++seq, message, at });

describe("ClusterIndex", () => {
  it("groups rewordings of the same question and keeps the latest wording", () => {
    const index = new ClusterIndex();
    const a = index.add(q("사이즈 몇이에요"));
    const b = index.add(q("사이즈 몇 나와요?"));
    const c = index.add(q("사이즈 몇까지 나와요??"));
    expect(b.id).toBe(a.id);
    expect(c.id).toBe(a.id);
    expect(c).toMatchObject({ count: 3, latest: "사이즈 몇까지 나와요??", status: "open" });
  });

  it("keeps different questions apart", () => {
    const index = new ClusterIndex();
    const size = index.add(q("사이즈 몇이에요"));
    const ship = index.add(q("배송 언제 와요"));
    const color = index.add(q("블랙 색상 있어요?"));
    expect(new Set([size.id, ship.id, color.id]).size).toBe(3);
    expect(index.size).toBe(3);
  });

  it("joins near-duplicates with small typos by similarity", () => {
    const index = new ClusterIndex();
    const a = index.add(q("쿠폰 어디서 받아요"));
    const b = index.add(q("쿠폰은 어디서 받나요?"));
    expect(b.id).toBe(a.id);
  });

  it("groups content-free questions only when they are the same text", () => {
    const index = new ClusterIndex();
    const a = index.add(q("몇이에요?"));
    const b = index.add(q("몇이에요?"));
    const c = index.add(q("언제요?"));
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
  });

  it("ranks by count, then recency", () => {
    const index = new ClusterIndex();
    for (let i = 0; i < 3; i++) index.add(q("배송비 얼마예요"));
    index.add(q("사이즈 몇이에요"));
    index.add(q("색상 뭐 있어요"));
    expect(index.top(2).map((c) => c.latest)).toEqual(["배송비 얼마예요", "색상 뭐 있어요"]);
  });

  it("forgets the least recently asked clusters beyond its bound", () => {
    const index = new ClusterIndex({ maxClusters: 2 });
    const first = index.add(q("배송 언제 와요"));
    index.add(q("사이즈 몇이에요"));
    index.add(q("배송 언제 와요?")); // touches the first
    index.add(q("색상 뭐 있어요"));
    expect(index.size).toBe(2);
    expect(index.get(first.id)).toBeDefined();
    expect(index.top(5).map((c) => c.latest)).not.toContain("사이즈 몇이에요");
  });

  it("restores clusters and continues their ids and counts", () => {
    const index = new ClusterIndex();
    const a = index.add(q("사이즈 몇이에요"));
    const restored = new ClusterIndex(
      {},
      index.top(10).map((c) => ({ ...c })),
    );
    expect(restored.add(q("사이즈 몇 나와요")).id).toBe(a.id);
    expect(restored.get(a.id)?.count).toBe(2);
    expect(restored.add(q("배송 언제 와요")).id).not.toBe(a.id);
  });

  it("counts a repeated text without re-tokenizing it, even after its cluster was forgotten", () => {
    const index = new ClusterIndex({ maxClusters: 1 });
    const a = index.add(q("가격 얼마예요?", 10));
    expect(index.add(q("가격 얼마예요?", 11))).toMatchObject({ id: a.id, count: 2, firstAt: 10, lastAt: 11 });
    index.add(q("배송 언제 와요", 12)); // evicts the price cluster
    const again = index.add(q("가격 얼마예요?", 13));
    expect(again.id).not.toBe(a.id);
    expect(again).toMatchObject({ count: 1, firstAt: 13, lastAt: 13, latest: "가격 얼마예요?" });
  });
});

describe("ClusterIndex on rewordings", () => {
  it("puts rewordings of 'when does it ship' in one cluster, and the fee and the size apart", () => {
    const index = new ClusterIndex();
    const ship = [
      "배송 언제 와요?",
      "배송 언제와요",
      "배송은 언제 와요?",
      "택배 언제 와요",
      "택배 언제 오나요??",
      "배송 언제 되나요",
    ].map((m) => index.add(q(m)).id);
    expect(new Set(ship).size).toBe(1);
    const fee = index.add(q("배송비 얼마예요?")).id;
    const size = index.add(q("사이즈 정사이즈인가요?")).id;
    expect(new Set([ship[0], fee, size]).size).toBe(3);
  });

  it("re-keys clusters stored with the older stem keys from their latest wording", () => {
    const restored = new ClusterIndex({}, [
      {
        id: "c4",
        key: "배송 와",
        count: 5,
        latest: "배송 언제 와요",
        latestSeq: 9,
        firstAt: 1,
        lastAt: 2,
        status: "open",
      },
    ]);
    expect(restored.add(q("택배 언제 오나요")).id).toBe("c4");
    expect(restored.add(q("색상 뭐 있어요")).id).toBe("c5");
  });
});

describe("ClusterIndex exemplars and word weights", () => {
  it("compares a question with a cluster's first few wordings, so a grown cluster meets more rewordings", () => {
    // A scorer reading letters only (jamo overlap ≥ 0.6): the third wording is near the second, not the first.
    const weights = PAIR_FEATURES.map((f) => (f === "bias" ? -6 : f === "contentJamo" ? 10 : 0));
    const model = { weights, joinAt: 0.5 };
    const alone = new ClusterIndex({ model, exemplars: 1 });
    const grown = new ClusterIndex({ model });
    for (const index of [alone, grown]) {
      const first = index.add(q("베개커버 따로 파나요")).id;
      expect(index.add(q("베개커버 따로 사야돼요")).id).toBe(first);
    }
    expect(grown.add(q("커버 따로 사야돼요")).id).toBe(grown.top(1)[0]!.id);
    expect(alone.add(q("커버 따로 사야돼요")).id).not.toBe(alone.top(1)[0]!.id);
  });

  it("keeps a wording that names no value out of a value's exemplars, so other values stay out", () => {
    const index = new ClusterIndex();
    const large = index.add(q("L 사이즈 있어요?")).id;
    expect(index.add(q("L 있나요?")).id).toBe(large);
    index.add(q("사이즈 있어요?"));
    expect(index.add(q("XL 사이즈 있어요?")).id).not.toBe(large);
    expect(index.add(q("S 사이즈 있어요?")).id).not.toBe(large);
  });

  it("keeps the hard negatives in their own clusters", () => {
    const index = new ClusterIndex();
    const ids = ["배송 언제 와요", "배송비 얼마", "제주도 배송 돼요", "세탁기 돼요", "건조기 돼요"].map(
      (m) => index.add(q(m)).id,
    );
    expect(new Set(ids).size).toBe(5);
    expect(index.add(q("배송 언제와요?")).id).toBe(ids[0]);
    expect(index.add(q("배송비 얼마에요")).id).toBe(ids[1]);
    expect(index.add(q("제주 배송 가능한가요")).id).toBe(ids[2]);
  });

  it("weighs a word by how often the broadcast has asked it; values always in full", () => {
    expect(wordWeight("규격", 1)).toBe(0.25);
    expect(wordWeight("규격", 4)).toBe(1);
    expect(wordWeight("245", 1)).toBe(1);
    expect(wordWeight("아이보리", 1)).toBe(1);
  });
});
