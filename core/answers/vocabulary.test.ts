import { describe, expect, it } from "vitest";
import { contentGrams, coverage, unitFigure } from "./candidates.ts";
import { RULES_ONLY, draftExtractive } from "./extractive-drafter.ts";
import { normalizeText } from "./tokenize.ts";
import { lineTopics, questionTopics } from "./topics.ts";
import { ABSTENTION, type KnowledgeSet } from "./types.ts";

const ask = (q: string) => questionTopics(normalizeText(q));

describe("topic vocabulary (second round)", () => {
  it.each([
    ["모니터 몇인치에요", "size"],
    ["선반 높이 얼마에요", "size"],
    ["오일 몇 미리?", "capacity"],
    ["견과 한봉 몇그램", "capacity"],
    ["립밤 알러지 있는데 괜찮을까요", "ingredient"],
    ["크림 향 있어요?", "ingredient"],
    ["김치 얼마나 두고 먹어요", "expiry"],
    ["아몬드 어디꺼에요", "origin"],
    ["코트 비오는날 입어도돼요?", "waterproof"],
    ["모니터 맥북 C타입 하나로 연결돼요?", "compat"],
    ["모니터 주사율 몇헤르츠", "spec"],
    ["모니터 세로로 돌릴수 있나요", "stand"],
    ["보조배터리 비행기 들고 탈수있어요?", "safety"],
    ["물걸레 한번 충전하면 얼마나 써요", "runtime"],
    ["선반 한칸에 몇키로까지 버텨요", "load"],
    ["블록 두돌 아기도 되나요", "age"],
    ["헤어오일 몇번 펌핑해요", "usage"],
    ["김치 많이 매워요?", "taste"],
  ])("%s asks about %s", (q, topic) => {
    expect(ask(q)).toContain(topic);
  });

  it("does not read 'how long' or a measure as a price question", () => {
    expect(ask("김치 얼마나 두고 먹어요")).not.toContain("price");
    expect(ask("선반 높이 얼마에요")).not.toContain("price");
    expect(ask("이거 얼마에요")).toContain("price");
  });

  it("lets a load question drop the weight topic", () => {
    expect(ask("최대 하중 몇키로까지 돼요?")).toEqual(["load"]);
    expect(ask("무게 몇키로에요")).toContain("weight");
  });

  it("reads new line cues", () => {
    expect(lineTopics("방수: 발수 가공 (가벼운 비)")).toContain("waterproof");
    expect(lineTopics("구성: 60피스")).toContain("capacity");
    expect(lineTopics("사용 연령: 신생아~만 4세 (0~18kg)")).toContain("load");
    expect(lineTopics("무게: 13.5kg")).not.toContain("load");
    expect(lineTopics("배터리: 4,000mAh, 최대 60분 사용")).toContain("runtime");
    expect(lineTopics("충전 시간: 약 3시간")).not.toContain("runtime");
  });
});

describe("units asked in Hangul", () => {
  it("are covered only by a figure in that unit", () => {
    expect(unitFigure("몇와트")).toBeDefined();
    expect(unitFigure("와트수")).toBeUndefined();
    const grams = contentGrams(["몇와트"]);
    expect(coverage(grams, "출력: USB-C PD 45W", ["spec"])).toBe(1);
    expect(coverage(grams, "용량: 20,000mAh", ["spec", "battery"])).toBe(0);
  });
});

const knowledge: KnowledgeSet = {
  broadcastId: "b2",
  title: "주방 라이브",
  description: "무쇠 냄비와 보조배터리",
  notes: [],
  products: [
    {
      key: "p1",
      name: "무쇠 냄비 22cm",
      price: 89000,
      salePrice: 89000,
      discountRate: 0,
      status: "SALE",
      details: ["크기: 지름 22cm, 높이 10cm", "무게: 3.2kg"],
    },
    {
      key: "p2",
      name: "20000mAh 보조배터리",
      price: 45000,
      salePrice: 36000,
      discountRate: 20,
      status: "SALE",
      details: ["용량: 20,000mAh", "출력: USB-C PD 45W"],
    },
  ],
  qna: [],
  benefits: [],
  answers: [],
};
const draft = (question: string, productKey?: string) =>
  draftExtractive(question, { knowledge, passages: [], productKey });

describe("extractive drafter with the new vocabulary", () => {
  it("answers a unit question from the line stating that unit (the rules; the second look may withhold it)", () => {
    expect(
      draftExtractive("보조배터리 몇와트 충전", { knowledge, passages: [], productKey: "p2" }, RULES_ONLY).answer,
    ).toContain("45W");
    const d = draft("보조배터리 몇와트 충전", "p2");
    if (!d.abstained) expect(d.answer).toContain("45W");
  });
  it("answers a measure asked with 얼마 from the size line, not the price", () => {
    expect(draft("냄비 높이 얼마에요", "p1").answer).toContain("10cm");
  });
  it("abstains when the question names a figure the sources do not state", () => {
    expect(draft("24cm 사이즈도 있어요?", "p1").answer).toBe(ABSTENTION);
  });
  it("abstains on a load question when only the product's own weight is known", () => {
    expect(draft("냄비 최대 하중 몇키로까지 돼요?", "p1").answer).toBe(ABSTENTION);
  });
});
