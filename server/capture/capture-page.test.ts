import { describe, expect, it } from "vitest";
import { encodeEventFrame } from "../../core/naver/frames.ts";
import type { ChatPage } from "../../core/naver/chat.ts";
import { PageCapture, type CdpSessionLike, type PageLike } from "./capture-page.ts";

type Handler = (params: unknown) => void;

/** A page whose CDP session we drive by hand: the frames are Naver's real `broadcast_chat` events. */
function scriptedPage() {
  const handlers = new Map<string, Handler>();
  const session: CdpSessionLike = {
    send: async () => ({}),
    on: (event, handler) => handlers.set(event, handler),
    detach: async () => {},
  };
  const page: PageLike = { createCDPSession: async () => session, goto: async () => null };
  const chatFrame = (...commentNos: number[]) => {
    const list = commentNos.map((n) => ({ commentNo: n, nickname: "v", message: `m${n}`, commentType: "CHATTING" }));
    handlers.get("Network.webSocketFrameReceived")!({
      requestId: "1",
      response: {
        opcode: 1,
        payloadData: encodeEventFrame("broadcast_chat", [JSON.stringify({ list, next: commentNos.at(-1) })]),
      },
    });
  };
  return { page, chatFrame };
}

const pageOf = (from: number, to: number): ChatPage => ({
  items: Array.from({ length: to - from + 1 }, (_, i) => ({
    commentNo: from + i,
    nickname: "v",
    message: `m${from + i}`,
    commentType: "CHATTING",
  })),
  malformed: 0,
  next: to,
});

describe("PageCapture gap repair", () => {
  it("retries a failing recent-comments page and forwards every chat once, in order", async () => {
    const { page, chatFrame } = scriptedPage();
    let calls = 0;
    const fetchRecent = async (next: number | null): Promise<ChatPage> => {
      calls++;
      if (calls <= 2) throw new Error("recent-comments: HTTP 503");
      return next === 10 ? pageOf(11, 15) : pageOf(16, 15);
    };
    const forwarded: number[] = [];
    const logs: string[] = [];
    const capture = new PageCapture({
      pageUrl: "http://x/lives/1",
      lastSeen: 10,
      fetchRecent,
      forward: (c) => forwarded.push(...c.map((x) => x.commentNo)),
      log: (l) => logs.push(l),
      repairRetryMs: 1,
    });
    await capture.start(page);
    chatFrame(14, 15, 16);
    chatFrame(17);
    await capture.settled();
    expect(forwarded).toEqual([11, 12, 13, 14, 15, 16, 17]);
    expect(logs.filter((l) => l.startsWith("gap repair failed"))).toHaveLength(2);
  });

  it("reads the backlog again until it reaches the first live chat, so chats sent before the page's socket framed any are not lost", async () => {
    const { page, chatFrame } = scriptedPage();
    // The backlog holds 11–12 at the first read; only then does the page's socket frame its
    // first chats (15, 16), and by then 13 and 14 were sent too.
    let newest = 12;
    let reads = 0;
    const fetchRecent = async (next: number | null): Promise<ChatPage> => {
      const page = pageOf((next ?? 0) + 1, newest);
      if (++reads === 1)
        setTimeout(() => {
          newest = 16;
          chatFrame(15, 16);
        });
      return page;
    };
    const forwarded: number[] = [];
    const capture = new PageCapture({
      pageUrl: "http://x/lives/1",
      lastSeen: 10,
      fetchRecent,
      forward: (c) => forwarded.push(...c.map((x) => x.commentNo)),
      repairPassMs: 5,
    });
    await capture.start(page);
    await capture.settled();
    expect(forwarded).toEqual([11, 12, 13, 14, 15, 16]);
    expect(capture.stats.repairs).toBe(1);
  });

  it("reads the backlog once more on the first live chats when the page's socket framed none within every pass", async () => {
    const { page, chatFrame } = scriptedPage();
    // Every pass finds 11–12 and no live chat; after the repair gave up waiting, 13 and 14 are
    // sent while the socket is still opening, and its first frame brings 15 and 16.
    let newest = 12;
    const fetchRecent = async (next: number | null): Promise<ChatPage> => pageOf((next ?? 0) + 1, newest);
    const forwarded: number[] = [];
    const capture = new PageCapture({
      pageUrl: "http://x/lives/1",
      lastSeen: 10,
      fetchRecent,
      forward: (c) => forwarded.push(...c.map((x) => x.commentNo)),
      repairPasses: 3,
      repairPassMs: 1,
    });
    await capture.start(page);
    await capture.settled();
    expect(forwarded).toEqual([11, 12]);
    newest = 16;
    chatFrame(15, 16);
    await capture.settled();
    chatFrame(17);
    await capture.settled();
    expect(forwarded).toEqual([11, 12, 13, 14, 15, 16, 17]);
    expect(capture.stats.repairs).toBe(2);
  });

  it("lets held chats go after the last attempt fails, and says the gap may be missing", async () => {
    const { page, chatFrame } = scriptedPage();
    const forwarded: number[] = [];
    const logs: string[] = [];
    const fetchRecent = async (): Promise<ChatPage> => {
      throw new Error("recent-comments: The operation was aborted due to timeout");
    };
    const capture = new PageCapture({
      pageUrl: "http://x/lives/1",
      lastSeen: 10,
      fetchRecent,
      forward: (c) => forwarded.push(...c.map((x) => x.commentNo)),
      log: (l) => logs.push(l),
      repairAttempts: 3,
      repairRetryMs: 1,
    });
    await capture.start(page);
    chatFrame(20, 21);
    await capture.settled();
    expect(forwarded).toEqual([20, 21]);
    expect(logs.filter((l) => l.startsWith("gap repair failed"))).toHaveLength(3);
    expect(logs.some((l) => l.includes("attempt 3/3; chats after 10 may be missing"))).toBe(true);
  });
});
