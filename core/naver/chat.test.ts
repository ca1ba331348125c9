import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseChatList, parseNotices, parseReplayComments, toIngestChat } from "./chat.ts";
import { decodeViewerFrame } from "./events.ts";

const naverChat = {
  commentType: "CHATTING",
  idNo: "chxLt",
  commentNo: 41088326,
  nickname: "xin",
  message: "사이즈 몇이에요?",
};

describe("Naver chat items", () => {
  it("become ingest chats, with unknown fields ignored", () => {
    expect(toIngestChat({ ...naverChat, badge: { x: 1 }, profile: "p" })).toEqual({
      commentNo: 41088326,
      nickname: "xin",
      message: "사이즈 몇이에요?",
      commentType: "CHATTING",
    });
  });

  it("take replay times and fill missing nickname and type", () => {
    const replay = {
      id: 9,
      commentNo: "17",
      message: "재방 보는 중",
      createdAt: "2025-01-02T03:04:05.000+09:00",
      createdAtMilli: 1735754645000,
      hasAnswer: false,
      recordStartedAt: 1,
    };
    expect(toIngestChat(replay)).toEqual({
      commentNo: 17,
      nickname: "",
      message: "재방 보는 중",
      commentType: "CHATTING",
      at: 1735754645000,
    });
    expect(toIngestChat({ commentNo: 5, message: "x", createdAt: "2025-01-02T03:04:05Z" })?.at).toBe(
      Date.UTC(2025, 0, 2, 3, 4, 5),
    );
  });

  it("skip and count malformed items without losing the batch", () => {
    const page = parseChatList({
      list: [
        naverChat,
        { commentNo: "abc", message: "x" },
        { commentNo: 2 },
        null,
        { ...naverChat, commentNo: 41088327, message: "" },
        { ...naverChat, commentNo: 41088328 },
      ],
      next: 41088328,
    });
    expect(page?.items.map((c) => c.commentNo)).toEqual([41088326, 41088328]);
    expect(page?.malformed).toBe(4);
    expect(page?.next).toBe(41088328);
  });

  it("never throws whatever the list holds", () => {
    fc.assert(
      fc.property(fc.anything(), (list) => {
        const page = parseChatList({ list, next: 1 });
        expect(page).not.toBeNull();
      }),
    );
  });

  it("read replay comment pages", () => {
    const page = parseReplayComments({
      comments: [{ ...naverChat, createdAtMilli: 5 }],
      hasNext: true,
      lastCommentNo: 41088326,
    });
    expect(page).toMatchObject({ hasNext: true, lastCommentNo: 41088326, malformed: 0 });
    expect(page?.items[0]?.at).toBe(5);
    expect(parseReplayComments("nope")).toBeNull();
  });

  it("read notices, one or many", () => {
    expect(parseNotices({ id: 3, message: "7시 쿠폰 오픈!", deleted: false }).items).toEqual([
      { id: "3", message: "7시 쿠폰 오픈!", deleted: false },
    ]);
    expect(parseNotices([{ id: "a", message: "m" }, { message: "no id" }])).toMatchObject({
      malformed: 1,
      items: [{ id: "a", deleted: false }],
    });
  });
});

describe("decodeViewerFrame", () => {
  it("turns a broadcast_chat frame into chats", () => {
    const payload = JSON.stringify({ list: [naverChat], next: 41088326 });
    const event = decodeViewerFrame(`42${JSON.stringify(["broadcast_chat", payload])}`);
    expect(event).toMatchObject({
      type: "chats",
      malformed: 0,
      next: 41088326,
      chats: [{ commentNo: 41088326, message: "사이즈 몇이에요?" }],
    });
  });

  it("recognises product, notice and state frames, and ignores transport frames", () => {
    const product = { key: "1", productNo: 1, name: "앰플", price: 1000, salePrice: 900, discountRate: 10 };
    expect(
      decodeViewerFrame(`42${JSON.stringify(["broadcast_shopping_product", JSON.stringify([product])])}`),
    ).toMatchObject({ type: "products", malformed: 0 });
    expect(
      decodeViewerFrame(`42${JSON.stringify(["broadcast_fixed_notice", JSON.stringify({ id: 1, message: "공지" })])}`),
    ).toMatchObject({ type: "notice", fixed: true });
    expect(decodeViewerFrame('42["broadcast","{\\"status\\":\\"END\\"}"]')).toEqual({ type: "broadcast-changed" });
    expect(decodeViewerFrame("2").type).toBe("ignored");
    expect(decodeViewerFrame('42["viewer_count","3"]').type).toBe("ignored");
    expect(decodeViewerFrame('42["broadcast_chat","{oops"]').type).toBe("malformed");
  });
});
