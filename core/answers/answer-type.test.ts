import { describe, expect, it } from "vitest";
import {
  askedUnits,
  asksColour,
  asksWhen,
  eventsAsked,
  namesEvents,
  ownFigures,
  partsAsked,
  statesColour,
  statesParts,
  statesTime,
  statesUnits,
} from "./answer-type.ts";
import { draftExtractive } from "./extractive-drafter.ts";
import { nearTopics } from "./topics.ts";
import type { KnowledgeSet } from "./types.ts";

describe("answer-type checks", () => {
  it("reads the unit a question asks a figure in", () => {
    expect(askedUnits("닭가슴살 한팩 먹으면 몇 칼로리에요?")).toEqual(["energy"]);
    expect(askedUnits("그래놀라 칼로리 얼마에요")).toEqual(["energy"]);
    expect(askedUnits("소음 몇 데시벨이에요")).toEqual(["noise"]);
    expect(askedUnits("몇와트예요")).toEqual(["power"]);
    expect(askedUnits("물 온도 몇도까지 돼요")).toEqual(["temperature"]);
    expect(askedUnits("완충하면 몇시간 가요")).toEqual(["hours"]);
    expect(askedUnits("몇 도 정도 되나요")).toEqual(["temperature"]);
    expect(askedUnits("배송 언제 와요")).toEqual([]);
    expect(askedUnits("몇도시락 들어가요")).toEqual([]);
  });

  it("reads a count asked (how many come or fit), not a period, a size or an order", () => {
    expect(askedUnits("3키로 시키면 몇개 들었어요??")).toEqual(["count"]);
    expect(askedUnits("폰 몇대까지 한번에 충전됨?")).toEqual(["count"]);
    expect(askedUnits("양말 몇 켤레 와요")).toEqual(["count"]);
    expect(askedUnits("한번 충전하면 몇번 완충돼요")).toEqual(["count"]);
    expect(askedUnits("텐트 몇명 자요")).toEqual(["people"]);
    expect(askedUnits("몇개월부터 먹여요")).toEqual([]);
    expect(askedUnits("77인데 몇 입어야됨?")).toEqual([]);
    expect(askedUnits("몇번째 상품이에요")).toEqual([]);
  });

  it("lets only a source stating a count answer a count question", () => {
    expect(statesUnits("과수: 10~13과", ["count"])).toBe(true);
    expect(statesUnits("동시 충전 최대 3대", ["count"])).toBe(true);
    expect(statesUnits("양말 두 켤레 구성", ["count"])).toBe(true);
    expect(statesUnits("중량: 3kg (±5%)", ["count"])).toBe(false);
    expect(statesUnits("용량 20,000mAh", ["count"])).toBe(false);
    expect(statesUnits("4인용 돔 텐트", ["people"])).toBe(true);
    expect(statesUnits("무게 4.2kg", ["people"])).toBe(false);
  });

  it("reads a share asked without a discount, and how long a drink keeps cold or hot", () => {
    expect(askedUnits("면 함량 몇퍼에요")).toEqual(["percent"]);
    expect(askedUnits("지금 몇프로 할인이에요")).toEqual([]);
    expect(askedUnits("얼음물 얼마나 시원하게 유지되나요")).toEqual(["keeps-cold"]);
    expect(askedUnits("커피 뜨거운거 몇시간 유지돼요")).toEqual(["hours", "keeps-hot"]);
    expect(askedUnits("얼음 정수기 필터 교체는요")).toEqual([]);
    expect(statesUnits("소재: 면 80%, 폴리 17%, 스판 3%", ["percent"])).toBe(true);
    expect(statesUnits("양말 10켤레 · 판매가 12,900원 (정가 25,000원, 48% 할인)", ["percent"])).toBe(false);
    expect(statesUnits("보냉: 24시간 8도 이하", ["keeps-cold"])).toBe(true);
    expect(statesUnits("보온: 12시간 70도 이상", ["keeps-cold"])).toBe(false);
    expect(statesUnits("보온: 12시간 70도 이상", ["keeps-hot"])).toBe(true);
  });

  it("lets only a source stating a figure in that unit answer", () => {
    expect(statesUnits("1팩 100g, 열량 120kcal", ["energy"])).toBe(true);
    expect(statesUnits("단백질 23g (1팩 기준)", ["energy"])).toBe(false);
    expect(statesUnits("소비전력 1,400W", ["power"])).toBe(true);
    expect(statesUnits("저소음 설계", ["noise"])).toBe(false);
    expect(statesUnits("최대 100℃", ["temperature"])).toBe(true);
    expect(statesUnits("아무 말", [])).toBe(true);
  });

  it("reads the viewer's own numbers as the situation, unless an option is asked as sold", () => {
    expect(ownFigures("키 160이면 데님 기장 길어요?", false)).toEqual(new Set(["160"]));
    expect(ownFigures("5살 애기한테 발라줘도 되나요", false)).toEqual(new Set(["5"]));
    expect(ownFigures("우리집 매트리스 28센치인데 방수커버 씌워질까요", false)).toEqual(new Set(["28"]));
    expect(ownFigures("24cm 사이즈도 있어요?", true)).toEqual(new Set());
    expect(ownFigures("영하 10도에도 안추워요?", false)).toEqual(new Set());
  });

  it("drafts a calorie question from the line stating kcal, not another figure", () => {
    const knowledge = (details: string[]): KnowledgeSet => ({
      broadcastId: `b-kcal-${details.length}`,
      title: "닭가슴살 특가",
      description: "",
      notes: [],
      products: [
        {
          key: "p1",
          name: "소스 닭가슴살 100g x 20팩",
          price: 29900,
          salePrice: null,
          discountRate: null,
          status: "SALE",
          details,
        },
      ],
      qna: [],
      benefits: [],
      answers: [],
    });
    const asked = (k: KnowledgeSet) => draftExtractive("닭가슴살 한팩 몇 칼로리에요?", { knowledge: k, passages: [] });
    expect(asked(knowledge(["단백질 23g (1팩 기준)", "맛: 오리지널"])).abstained).toBe(true);
    const stated = asked(knowledge(["단백질 23g (1팩 기준)", "1팩 100g, 열량 120kcal", "맛: 오리지널"]));
    expect(stated.abstained).toBe(false);
    expect(stated.answer).toContain("120kcal");
  });

  it("answers a viewer's own size from a line that does not repeat it", () => {
    const knowledge: KnowledgeSet = {
      broadcastId: "b-cover",
      title: "침구 라이브",
      description: "",
      notes: [],
      products: [
        {
          key: "p1",
          name: "방수 매트리스 커버",
          price: 39000,
          salePrice: null,
          discountRate: null,
          status: "SALE",
          details: ["호환 두께: 매트리스 높이 30cm까지", "소재: 면 100%"],
        },
      ],
      qna: [],
      benefits: [],
      answers: [],
    };
    const draft = draftExtractive("우리집 매트리스 28센치인데 커버 호환 두께 맞나요", { knowledge, passages: [] });
    expect(draft.answer).toContain("30cm");
    const sold = draftExtractive("매트리스 커버 28센치 사이즈도 있어요?", { knowledge, passages: [] });
    expect(sold.abstained).toBe(true);
  });
});

describe("colour and part questions", () => {
  it("asks a colour only in words about colour, and a source must name one", () => {
    expect(asksColour("에프 색상 뭐뭐있어요")).toBe(true);
    expect(asksColour("곱창 색 뭐뭐있어요")).toBe(true);
    expect(asksColour("구성품 뭐 있어요")).toBe(false);
    expect(statesColour("구성품: 회전 바스켓, 트레이 2개")).toBe(false);
    expect(statesColour("컬러: 블랙, 아이보리")).toBe(true);
    expect(statesColour("블랙 / 아이보리")).toBe(true);
  });

  it("reads a part asked as sold alone, not an amount bought", () => {
    expect(partsAsked("방향제 리필만 사면 얼마에요?")).toEqual(["리필"]);
    expect(partsAsked("칼날만 따로 살 수 있어요")).toEqual(["칼날"]);
    expect(partsAsked("뚜껑 따로 구매돼요?")).toEqual(["뚜껑"]);
    expect(partsAsked("케이스 하나만 사도 배송비 무료예요?")).toEqual([]);
    expect(partsAsked("2만원어치만 사면 배송비 붙어요?")).toEqual([]);
    expect(statesParts("차량용 방향제 클립 · 판매가 9,900원", ["리필"])).toBe(false);
    expect(statesParts("리필 단품 3,900원", ["리필"])).toBe(true);
  });
});

describe("neighbouring topics", () => {
  it("lets a cue topic reach the topics viewers name it for, and no further", () => {
    const near = nearTopics(["runtime"]);
    expect(near.has("runtime")).toBe(true);
    expect(near.has("expiry")).toBe(true);
    expect(near.has("price")).toBe(false);
    expect(nearTopics(["load"])).toEqual(new Set(["load"]));
  });
});

describe("when a question asks when", () => {
  it("reads 'when' and 'how long until', and a source's times", () => {
    for (const q of ["배송 언제 와요?", "며칠 걸려요", "얼마나 걸려요?", "언제 출발해요"])
      expect(asksWhen(q)).toBe(true);
    for (const q of ["배송비 있어요?", "사이즈 뭐 있어요?"]) expect(asksWhen(q)).toBe(false);
    for (const s of [
      "배송은 주문 후 이틀 안에 출발해요",
      "오늘 주문은 내일 출발합니다",
      "주문 후 2~3일",
      "12월 중순 입고",
    ])
      expect(statesTime(s)).toBe(true);
    for (const s of ["무료 배송입니다", "소재: 면 100%", "시즌 한정 색상"]) expect(statesTime(s)).toBe(false);
  });

  it("reads the event a 'when' question asks the time of, and whether a source names it", () => {
    const asked = (q: string) => eventsAsked(q).length;
    for (const q of ["다음 방송 언제 해요?", "라방 언제 또 해요", "재입고 언제 돼요?", "출시 언제예요"])
      expect(asked(q)).toBe(1);
    // Delivery questions and questions that do not ask when name no event.
    for (const q of ["배송 언제 와요?", "방송 보고 주문하면 언제 와요?", "다음 방송에서도 팔아요?"])
      expect(asked(q)).toBe(0);
    expect(namesEvents("오늘 주문은 내일 순차 출고됩니다", eventsAsked("다음 방송 언제 해요?"))).toBe(false);
    expect(namesEvents("다음 방송은 금요일 저녁 8시입니다", eventsAsked("다음 방송 언제 해요?"))).toBe(true);
    expect(namesEvents("품절 색상은 12월 중순 재입고 예정", eventsAsked("재입고 언제 돼요?"))).toBe(true);
    expect(namesEvents("주문 후 2~3일 소요", eventsAsked("재입고 언제 돼요?"))).toBe(false);
  });
});
