import { describe, expect, it } from "vitest";
import { backoffMs, classifyFailure } from "./errors.ts";
import { chatPostText, readPage } from "./live-chat.ts";
import { dailyQuotaOf, msUntilQuotaReset, planPoll, quotaDay, spend, unitsToday } from "./quota.ts";

const text = (id: string, message: string, name = "시청자") => ({
  id,
  snippet: {
    type: "textMessageEvent",
    publishedAt: "2026-12-03T01:02:03.456Z",
    displayMessage: message,
    textMessageDetails: { messageText: message },
  },
  authorDetails: { displayName: name, channelId: `UC-${name}` },
});

describe("readPage", () => {
  it("turns text messages into chats with YouTube's id, author and time, text unchanged", () => {
    const page = readPage([text("m1", "사이즈 몇이에요? <b>")]);
    expect(page.chats).toEqual([
      {
        sourceId: "m1",
        nickname: "시청자",
        message: "사이즈 몇이에요? <b>",
        commentType: "CHATTING",
        authorChannelId: "UC-시청자",
        byOwner: false,
        at: Date.parse("2026-12-03T01:02:03.456Z"),
      },
    ]);
  });

  it("marks Super Chats with their amount, with or without a comment", () => {
    const superChat = (id: string, userComment?: string) => ({
      id,
      snippet: {
        type: "superChatEvent",
        displayMessage: `₩5,000 from a: ${userComment ?? ""}`,
        superChatDetails: {
          amountMicros: "5000000000",
          currency: "KRW",
          amountDisplayString: "₩5,000",
          ...(userComment ? { userComment } : {}),
        },
      },
      authorDetails: { displayName: "a" },
    });
    const page = readPage([superChat("s1", "배송 언제 와요?"), superChat("s2")]);
    expect(page.chats.map((c) => [c.message, c.commentType, c.amount])).toEqual([
      ["배송 언제 와요?", "SUPER_CHAT", "₩5,000"],
      ["₩5,000 from a: ", "SUPER_CHAT", "₩5,000"],
    ]);
  });

  it("collects deletions, ignores other events and counts malformed items without losing the rest", () => {
    const page = readPage([
      text("m1", "안녕"),
      { id: "d1", snippet: { type: "messageDeletedEvent", messageDeletedDetails: { deletedMessageId: "m0" } } },
      { id: "n1", snippet: { type: "newSponsorEvent" } },
      { id: "b1", snippet: { type: "userBannedEvent" } },
      { snippet: { type: "textMessageEvent" } },
      "garbage",
      text("m2", ""),
      text("m3", "x".repeat(1001)),
      text("m4", "두번째"),
    ]);
    expect(page.chats.map((c) => c.sourceId)).toEqual(["m1", "m4"]);
    expect(page.deleted).toEqual(["m0"]);
    expect(page.ignored).toBe(2);
    expect(page.malformed).toBe(4);
  });
});

describe("chatPostText", () => {
  it("keeps a short answer whole", () => {
    expect(chatPostText(" 네, 오늘 출발해요. ")).toEqual({ text: "네, 오늘 출발해요.", cut: "" });
  });

  it("cuts past 200 characters by code point, ends with an ellipsis and says what was cut", () => {
    const long = `${"가".repeat(195)}😀😀😀😀😀나다라`;
    const { text: posted, cut } = chatPostText(long);
    expect(Array.from(posted)).toHaveLength(200);
    expect(posted.endsWith("😀😀😀😀…")).toBe(true);
    expect(cut).toBe("😀나다라");
    expect(posted.slice(0, -1) + cut).toBe(long);
  });
});

describe("classifyFailure", () => {
  const body = (reason: string) => ({ error: { code: 403, message: "x", errors: [{ reason, domain: "youtube" }] } });
  it.each([
    [403, body("quotaExceeded"), "quota"],
    [403, body("rateLimitExceeded"), "rate"],
    [429, {}, "rate"],
    [403, body("liveChatEnded"), "ended"],
    [404, body("liveChatNotFound"), "ended"],
    [400, body("pageTokenInvalid"), "page-token"],
    [500, {}, "retry"],
    [503, "not json", "retry"],
    [400, body("keyInvalid"), "fatal"],
    [403, body("forbidden"), "fatal"],
  ])("status %i %j is %s", (status, b, kind) => {
    expect(classifyFailure(status, b).kind).toBe(kind);
  });

  it("waits longer after each failure, up to a cap", () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n))).toEqual([1000, 2000, 4000, 8000, 60_000]);
  });
});

describe("quota", () => {
  // 2026-12-03 07:00 UTC is 2026-12-02 23:00 in Los Angeles (PST, UTC-8).
  const lateEvening = Date.UTC(2026, 11, 3, 7, 0, 0);

  it("counts per Pacific day and starts again after midnight there", () => {
    expect(quotaDay(lateEvening)).toBe("2026-12-02");
    expect(msUntilQuotaReset(lateEvening)).toBe(3600_000);
    const ledger = spend(spend(null, 5, lateEvening), 5, lateEvening);
    expect(ledger).toEqual({ day: "2026-12-02", units: 10 });
    expect(unitsToday(ledger, lateEvening + 3600_000)).toBe(0);
    expect(spend(ledger, 5, lateEvening + 3600_000)).toEqual({ day: "2026-12-03", units: 5 });
  });

  it("polls as the API asks below 80% of the daily quota", () => {
    expect(
      planPoll({
        pollingIntervalMillis: 3000,
        ledger: { day: "2026-12-02", units: 7999 },
        dailyQuota: 10_000,
        now: lateEvening,
      }),
    ).toEqual({ delayMs: 3000, warning: false });
  });

  it("warns at 80% and spreads the remaining units over the rest of the day", () => {
    // 2,000 units left = 400 list calls over one hour: one every 9 s.
    const plan = planPoll({
      pollingIntervalMillis: 3000,
      ledger: { day: "2026-12-02", units: 8000 },
      dailyQuota: 10_000,
      now: lateEvening,
    });
    expect(plan).toEqual({ delayMs: 9000, warning: true });
    // Never faster than the API asks.
    expect(
      planPoll({
        pollingIntervalMillis: 20_000,
        ledger: { day: "2026-12-02", units: 8000 },
        dailyQuota: 10_000,
        now: lateEvening,
      }).delayMs,
    ).toBe(20_000);
  });

  it("slows to once a minute over the quota rather than stopping", () => {
    expect(
      planPoll({
        pollingIntervalMillis: 3000,
        ledger: { day: "2026-12-02", units: 10_000 },
        dailyQuota: 10_000,
        now: lateEvening,
      }),
    ).toEqual({ delayMs: 60_000, warning: true });
  });

  it("reads the configured daily quota, 10,000 by default", () => {
    expect([undefined, "", "abc", "-5", "2.5", "50000"].map(dailyQuotaOf)).toEqual([
      10_000, 10_000, 10_000, 10_000, 10_000, 50_000,
    ]);
  });
});
