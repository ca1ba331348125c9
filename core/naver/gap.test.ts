import { describe, expect, it } from "vitest";
import type { ChatPage } from "./chat.ts";
import { repairGap } from "./gap.ts";

/** A backlog that pages like recent-comments: `next=N` → up to `size` chats after N. */
function backlog(total: number, size = 20) {
  const calls: (number | null)[] = [];
  const fetch = async (next: number | null): Promise<ChatPage> => {
    calls.push(next);
    const all = Array.from({ length: total }, (_, i) => ({
      commentNo: i + 1,
      nickname: "",
      message: `m${i + 1}`,
      commentType: "CHATTING",
    }));
    const items = next === null ? all.slice(-size) : all.filter((c) => c.commentNo > next).slice(0, size);
    return { items, malformed: 0, next: items.at(-1)?.commentNo ?? next };
  };
  return { fetch, calls };
}

describe("repairGap", () => {
  it("pages forward from the last chat seen until nothing newer comes", async () => {
    const { fetch, calls } = backlog(95);
    const result = await repairGap(fetch, 30);
    expect(result.chats.map((c) => c.commentNo)).toEqual(Array.from({ length: 65 }, (_, i) => 31 + i));
    expect(calls).toEqual([30, 50, 70, 90, 95]);
    expect(result.capped).toBe(false);
  });

  it("takes the latest page when nothing was seen, and stops at the page cap", async () => {
    expect((await repairGap(backlog(95).fetch, null)).chats).toHaveLength(20);
    const capped = await repairGap(backlog(500).fetch, 0, 3);
    expect(capped).toMatchObject({ capped: true, pages: 3 });
    expect(capped.chats).toHaveLength(60);
  });

  it("fails, rather than stopping short, when a page cannot be read", async () => {
    const { fetch } = backlog(95);
    const failing = async (next: number | null) => {
      if (next === 50) throw new Error("recent-comments: HTTP 503");
      return fetch(next);
    };
    await expect(repairGap(failing, 30)).rejects.toThrow("HTTP 503");
  });
});
