import { describe, expect, it } from "vitest";
import { PredraftJobs, PredraftQueue } from "./predrafts.ts";

describe("PredraftQueue", () => {
  it("hands over at most one batch a second, the most asked clusters first", () => {
    const queue = new PredraftQueue({ intervalMs: 1000, maxJobs: 2 });
    queue.want("c1", "배송 언제 와요", 3);
    queue.want("c2", "색상 뭐 있어요", 9);
    queue.want("c3", "사이즈 추천", 5);
    expect(queue.take(10_000)).toEqual([
      { clusterId: "c2", question: "색상 뭐 있어요" },
      { clusterId: "c3", question: "사이즈 추천" },
    ]);
    queue.settle();
    expect(queue.take(10_500)).toBeNull();
    expect(queue.nextAt()).toBe(11_000);
    expect(queue.take(11_000)).toEqual([{ clusterId: "c1", question: "배송 언제 와요" }]);
  });

  it("sends one batch at a time: nothing more goes until the last one settles", () => {
    const queue = new PredraftQueue({ intervalMs: 1000 });
    queue.want("c1", "가격?", 3);
    expect(queue.take(0)).toHaveLength(1);
    queue.want("c2", "배송비?", 4);
    expect(queue.take(5000)).toBeNull();
    expect(queue.nextAt()).toBeNull();
    queue.settle();
    expect(queue.take(5000)).toEqual([{ clusterId: "c2", question: "배송비?" }]);
  });

  it("keeps the latest wording, ignores a cluster being drafted, and forgets dropped ones", () => {
    const queue = new PredraftQueue();
    queue.want("c1", "가격 얼마", 3);
    queue.want("c1", "가격 얼마예요?", 4);
    queue.want("c2", "배송 언제", 3);
    queue.drop("c2");
    const batch = queue.take(0);
    expect(batch).toEqual([{ clusterId: "c1", question: "가격 얼마예요?" }]);
    queue.want("c1", "가격은요", 5);
    expect(queue.pending).toBe(0);
  });

  it("validates jobs handed between objects", () => {
    expect(PredraftJobs.safeParse([{ clusterId: "c1", question: "가격?" }]).success).toBe(true);
    expect(PredraftJobs.safeParse([{ clusterId: "", question: "가격?" }]).success).toBe(false);
    expect(PredraftJobs.safeParse("x").success).toBe(false);
  });
});
