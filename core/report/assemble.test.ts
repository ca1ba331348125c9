import { describe, expect, it } from "vitest";
import { assembleReport, checklistOrder, summarizeTimes } from "./assemble.ts";
import type { HubReportData, StoredReportData } from "./types.ts";

const T = 1_800_000_000_000; // a minute boundary
const M = 60_000;

function hub(overrides: Partial<HubReportData> = {}): HubReportData {
  return {
    chats: 120,
    counters: {
      general: 70,
      request: 20,
      question: 30,
      malformed: 3,
      held: 4,
      held_abuse: 1,
      held_spam: 2,
      held_personal_info: 1,
    },
    uniqueChatters: 41,
    minutes: [
      { minute: T / M, general: 10, request: 5, question: 5 },
      { minute: T / M + 2, general: 60, request: 15, question: 25 },
    ],
    clusters: [
      { id: "c1", text: "니트 사이즈 있나요?", count: 5, firstAt: T + 1000, lastAt: T + 5000, status: "answered" },
      { id: "c2", text: "배송 언제 와요?", count: 12, firstAt: T + 2000, lastAt: T + 9000, status: "open" },
      { id: "c3", text: "텀블러 용량이 얼마예요?", count: 8, firstAt: T + 3000, lastAt: T + 4000, status: "dismissed" },
      { id: "c4", text: "니트 색상 뭐 있어요?", count: 5, firstAt: T + 500, lastAt: T + 800, status: "answered" },
    ],
    clustersTotal: 9,
    answerLinks: [
      { answerId: "a-1", clusterId: "c1", publishedAt: T + 61_000, by: "지수" },
      { answerId: "a-2", clusterId: null, publishedAt: T + 2 * M + 5000, by: null },
    ],
    statusMarks: [
      { clusterId: "c4", status: "answered", at: T + 30_500, by: "민호" },
      { clusterId: "c4", status: "answered", at: T + 90_000, by: "다른 사람" },
    ],
    firstChatAt: T + 10,
    lastChatAt: T + 2 * M + 59_000,
    captureEvents: [
      { at: T, state: "capturing", message: null },
      { at: T + 30_000, state: "reconnecting", message: "socket closed" },
      { at: T + 40_000, state: "capturing", message: null },
    ],
    ...overrides,
  };
}

const stored: StoredReportData = {
  broadcastId: "b1",
  title: "겨울 니트 라이브",
  products: [
    { key: "p1", name: "라운드 울 니트", brandName: "울브랜드" },
    { key: "p2", name: "스텐 텀블러 500ml" },
  ],
  answers: [
    { id: "a-2", question: "쿠폰?", answer: "라이브 쿠폰 10%", status: "published", createdAt: T + 2 * M + 5000 },
    { id: "a-1", question: "니트 사이즈", answer: "S, M, L 있어요", status: "published", createdAt: T + 61_000 },
    { id: "a-3", question: "old", answer: "내렸어요", status: "unpublished", createdAt: T + 3 * M },
  ],
};

describe("assembleReport", () => {
  const report = assembleReport(hub(), stored, T + 10 * M);

  it("keeps the contract's totals, with held and moderation from the hub's counters", () => {
    expect(report.broadcastId).toBe("b1");
    expect(report.title).toBe("겨울 니트 라이브");
    expect(report.totals).toEqual({ chats: 120, general: 70, request: 20, question: 30, held: 4, uniqueChatters: 41 });
    expect(report.moderation).toEqual({ abuse: 1, spam: 2, personal_info: 1 });
  });

  it("counts held and moderation as 0 when no moderation counters exist", () => {
    const bare = assembleReport(hub({ counters: { general: 1 } }), stored, T);
    expect(bare.totals.held).toBe(0);
    expect(bare.moderation).toEqual({ abuse: 0, spam: 0, personal_info: 0 });
    expect(bare.totals.question).toBe(0);
  });

  it("gives every minute of the broadcast in epoch ms, quiet ones as zeros, and the peak", () => {
    expect(report.perMinute.map((m) => m.minute)).toEqual([T, T + M, T + 2 * M]);
    expect(report.perMinute[1]).toEqual({ minute: T + M, general: 0, request: 0, question: 0 });
    expect(report.peakMinute).toEqual({ minute: T + 2 * M, chats: 100 });
  });

  it("sorts clusters by count and joins answers, who answered and time to answer", () => {
    expect(report.clusters.map((c) => c.id)).toEqual(["c2", "c3", "c4", "c1"]);
    const c1 = report.clusters.find((c) => c.id === "c1")!;
    expect(c1).toMatchObject({
      answered: true,
      answeredAt: T + 61_000,
      answer: "S, M, L 있어요",
      by: "지수",
      timeToAnswerMs: 60_000,
      productKey: "p1",
    });
    const c4 = report.clusters.find((c) => c.id === "c4")!;
    // Marked answered on a board without a published answer: the first mark counts.
    expect(c4).toMatchObject({
      answered: true,
      answeredAt: T + 30_500,
      answer: null,
      by: "민호",
      timeToAnswerMs: 30_000,
    });
    const c2 = report.clusters.find((c) => c.id === "c2")!;
    expect(c2).toMatchObject({
      answered: false,
      answeredAt: null,
      answer: null,
      timeToAnswerMs: null,
      dismissed: false,
      productKey: null,
    });
    expect(report.clusters.find((c) => c.id === "c3")).toMatchObject({
      answered: false,
      dismissed: true,
      productKey: "p2",
    });
  });

  it("counts questions per product by the product each cluster names, the rest apart", () => {
    expect(report.products).toEqual([
      { key: "p1", name: "라운드 울 니트", questions: 10 },
      { key: "p2", name: "스텐 텀블러 500ml", questions: 8 },
    ]);
    expect(report.unassignedQuestions).toBe(12);
  });

  it("lists answers in publishing order with the minutes they went out", () => {
    expect(report.answers.map((a) => [a.id, a.publishedAt, a.by, a.clusterId, a.timeToAnswerMs])).toEqual([
      ["a-1", T + 61_000, "지수", "c1", 60_000],
      ["a-2", T + 2 * M + 5000, null, null, null],
      ["a-3", T + 3 * M, null, null, null],
    ]);
    // Unpublished answers are listed but draw no marker.
    expect(report.answerMinutes).toEqual([T + M, T + 2 * M]);
    expect(report.timeToAnswer).toEqual({ answered: 2, medianMs: 30_000, maxMs: 60_000 });
  });

  it("reports capture outages and the broadcast's span", () => {
    expect(report.captureOutages).toEqual([
      { from: T + 30_000, to: T + 40_000, state: "reconnecting", message: "socket closed" },
    ]);
    expect([report.firstChatAt, report.lastChatAt, report.clustersTotal, report.generatedAt]).toEqual([
      T + 10,
      T + 2 * M + 59_000,
      9,
      T + 10 * M,
    ]);
  });

  it("reports an empty broadcast without failing", () => {
    const empty = assembleReport(
      {
        chats: 0,
        counters: {},
        uniqueChatters: 0,
        minutes: [],
        clusters: [],
        clustersTotal: 0,
        answerLinks: [],
        statusMarks: [],
        firstChatAt: null,
        lastChatAt: null,
        captureEvents: [],
      },
      { broadcastId: "e", title: "빈 방송", products: [], answers: [] },
      T,
    );
    expect(empty.perMinute).toEqual([]);
    expect(empty.peakMinute).toBeNull();
    expect(empty.timeToAnswer).toEqual({ answered: 0, medianMs: null, maxMs: null });
  });
});

describe("checklistOrder", () => {
  it("puts open questions first, most asked first, then answered, then dismissed", () => {
    const report = assembleReport(hub(), stored, T);
    expect(checklistOrder(report.clusters).map((c) => c.id)).toEqual(["c2", "c4", "c1", "c3"]);
  });
});

describe("summarizeTimes", () => {
  it("takes the lower middle as the median", () => {
    expect(summarizeTimes([40, 10, 30, 20])).toEqual({ answered: 4, medianMs: 20, maxMs: 40 });
    expect(summarizeTimes([5])).toEqual({ answered: 1, medianMs: 5, maxMs: 5 });
  });
});
