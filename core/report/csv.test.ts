import { describe, expect, it } from "vitest";
import { assembleReport } from "./assemble.ts";
import { answersCsv, BOM, clustersCsv } from "./csv.ts";
import type { HubReportData } from "./types.ts";

const T = 1_800_000_000_000;
const hub: HubReportData = {
  chats: 3,
  counters: { question: 3 },
  uniqueChatters: 2,
  minutes: [],
  clustersTotal: 2,
  clusters: [
    { id: "c1", text: '=HYPERLINK("http://x") 가격?', count: 2, firstAt: T, lastAt: T, status: "answered" },
    { id: "c2", text: "사이즈, 있나요\n정말?", count: 1, firstAt: T + 1000, lastAt: T + 1000, status: "open" },
  ],
  answerLinks: [{ answerId: "a-1", clusterId: "c1", publishedAt: T + 45_000, by: "@지수" }],
  statusMarks: [],
  firstChatAt: T,
  lastChatAt: T,
  captureEvents: [],
};
const report = assembleReport(
  hub,
  {
    broadcastId: "b",
    title: "t",
    products: [{ key: "p1", name: "가격표" }],
    answers: [{ id: "a-1", question: "+가격", answer: "-9,900원", status: "published", createdAt: T + 45_000 }],
  },
  T,
);

describe("clustersCsv", () => {
  const csv = clustersCsv(report);

  it("starts with a BOM and puts open questions first", () => {
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split("\n");
    expect(lines[0]).toBe("id,question,count,firstAskedAt,status,answeredAt,timeToAnswerSec,answer,by,product");
    expect(lines[1]!.startsWith("c2,")).toBe(true);
    expect(csv).toContain(`c2,"사이즈, 있나요\n정말?",1,${new Date(T + 1000).toISOString()},open,,,,,가격표\n`);
  });

  it("defuses formulas in every text cell", () => {
    expect(csv).toContain(
      `c1,"'=HYPERLINK(""http://x"") 가격?",2,${new Date(T).toISOString()},answered,${new Date(T + 45_000).toISOString()},45,"'-9,900원",'@지수,가격표\n`,
    );
  });
});

describe("answersCsv", () => {
  it("lists answers with a BOM, defused", () => {
    expect(answersCsv(report)).toBe(
      `${BOM}id,question,answer,publishedAt,by,status,clusterId,timeToAnswerSec\na-1,'+가격,"'-9,900원",${new Date(T + 45_000).toISOString()},'@지수,published,c1,45\n`,
    );
  });
});
