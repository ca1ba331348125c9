import { describe, expect, it } from "vitest";
import { qualifier } from "./candidates.ts";
import { buildEmbeddedStore, draftWithStore, embeddedFilter } from "./embedded-answerer.ts";
import { RULES_ONLY, draftExtractive, statesFigures } from "./extractive-drafter.ts";
import { sentenceFromAnswer, sentenceFromLine, shortProductName } from "./sentence.ts";
import { ABSTENTION, type KnowledgeSet } from "./types.ts";

const knowledge: KnowledgeSet = {
  broadcastId: "b1",
  title: "봄 니트 라이브",
  description: "니트와 데님 팬츠 특가",
  notes: ["오늘 주문은 내일 순차 출고됩니다", "교환·반품은 수령 후 7일 이내 가능합니다"],
  products: [
    {
      key: "k1",
      name: "[소이] 울 블렌드 니트",
      price: 59000,
      salePrice: 39000,
      discountRate: 34,
      status: "SALE",
      details: ["소재: 울 30%, 아크릴 70%", "세탁: 드라이클리닝 권장", "색상: 아이보리, 블랙"],
    },
    {
      key: "k2",
      name: "와이드 데님 팬츠",
      price: 49000,
      salePrice: 49000,
      discountRate: 0,
      status: "OUTOFSTOCK",
      details: ["사이즈: S, M, L (S 허리 66cm)"],
    },
  ],
  qna: [
    {
      id: "q1",
      productKey: "k1",
      question: "보풀 많이 생기나요?",
      answer: "안녕하세요 고객님! 마찰 부위는 보풀이 생길 수 있어 세탁망을 권장드립니다. 감사합니다.",
    },
  ],
  benefits: ["라이브 전용 10% 쿠폰은 화면 하단에서 받으세요"],
  answers: [{ id: "a1", question: "라이브 끝나도 이 가격이에요?", answer: "방송 종료 후 3시간까지 같은 가격입니다." }],
};

const draft = (question: string, productKey?: string) =>
  draftExtractive(question, { knowledge, passages: [], productKey });

describe("extractive drafter", () => {
  it.each([
    ["니트 가격 얼마예요?", "39,000원"],
    ["니트 할인 몇프로에요", "34%"],
    ["니트 소재 뭐에요?", "울 30%"],
    ["니트 세탁 어떻게 해요", "드라이클리닝"],
    ["니트 색상 뭐 있어요?", "아이보리"],
    ["데님 재고 있어요?", "품절"],
    ["데님 허리 사이즈 알려주세요", "66cm"],
    ["배송 언제 출발해요?", "내일"],
    ["반품 가능한가요?", "7일"],
    ["니트 보풀 생겨요?", "세탁망"],
    ["라이브 끝나고도 이 가격인가요?", "3시간"],
  ])("answers %s with %s", (question, fact) => {
    const d = draft(question);
    expect(d.abstained).toBe(false);
    expect(d.answer).toContain(fact);
    expect(d.sources.length).toBeGreaterThan(0);
    expect(d.confidence).toBeGreaterThan(0);
  });

  it("rules answer 쿠폰 어디서 받아요? from the coupon line; the second look may withhold it, and the line still leads the suggestions", async () => {
    const rules = draftExtractive("쿠폰 어디서 받아요?", { knowledge, passages: [] }, RULES_ONLY);
    expect(rules.answer).toContain("화면 하단");
    const store = await buildEmbeddedStore(knowledge);
    const d = await draftWithStore(store, knowledge, "쿠폰 어디서 받아요?");
    if (!d.abstained) expect(d.answer).toContain("화면 하단");
    expect(d.suggestions[0]?.text).toContain("화면 하단");
  });

  it.each(["다음 방송 언제 해요?", "니트 정전기 심한가요?", "데님 물빠짐 있나요?", "와 예쁘다", "모델 키 몇이에요?"])(
    "abstains on %s",
    (question) => {
      expect(draft(question)).toMatchObject({ abstained: true, answer: ABSTENTION, sources: [] });
    },
  );

  it("abstains on a price question when several products exist and none is named", () => {
    expect(draft("가격 얼마예요?").abstained).toBe(true);
    expect(draft("가격 얼마예요?", "k2").answer).toContain("49,000원");
  });

  it("answers in one sentence without greetings", () => {
    const d = draft("니트 보풀 생겨요?");
    expect(d.answer).toBe("마찰 부위는 보풀이 생길 수 있어 세탁망을 권장드립니다.");
    expect(d.sources[0]).toMatchObject({ id: "b1:qna:q1", kind: "qna", productKey: "k1" });
  });

  it("names the product in a detail answer when the broadcast has several", () => {
    expect(draft("니트 소재 뭐에요?").answer).toBe("울 블렌드 니트의 소재는 울 30%, 아크릴 70%입니다.");
  });
});

describe("sentences", () => {
  it("turns labelled lines into sentences with the right particle", () => {
    expect(sentenceFromLine("소재: 면 100%")).toBe("소재는 면 100%입니다.");
    expect(sentenceFromLine("색상: 블랙")).toBe("색상은 블랙입니다.");
    expect(sentenceFromLine("사용: 인덕션 사용 가능")).toBe("사용은 인덕션 사용 가능합니다.");
    expect(sentenceFromLine("오늘 주문은 내일 출고됩니다")).toBe("오늘 주문은 내일 출고됩니다.");
  });
  it("takes the first substantive sentence of a seller answer", () => {
    expect(sentenceFromAnswer("안녕하세요 고객님. 네 가능합니다! 감사합니다.")).toBe(
      "네 가능합니다!".replace("!", "."),
    );
  });
  it("shortens product names", () => {
    expect(shortProductName("[퓨어메르] 리셋 비타씨 앰플 (5g x 8ea)")).toBe("리셋 비타씨 앰플");
  });
});

describe("embedded store through LangChain", () => {
  it("retrieves with the fused score, filtered per broadcast and product", async () => {
    const store = await buildEmbeddedStore(knowledge);
    const docs = await store.similaritySearch("니트 소재", 3, embeddedFilter("b1", "k1"));
    expect(docs[0]?.pageContent).toBe("울 블렌드 니트 · 소재: 울 30%, 아크릴 70%");
    expect(docs.every((d) => d.metadata.productKey === "k1" || d.metadata.productKey === "")).toBe(true);
    expect(await store.similaritySearch("니트 소재", 3, embeddedFilter("other"))).toEqual([]);
  });
  it("works as a LangChain retriever and deletes by id", async () => {
    const store = await buildEmbeddedStore(knowledge);
    const retriever = store.asRetriever({ k: 1, filter: embeddedFilter("b1") });
    const [doc] = await retriever.invoke("쿠폰 어디서 받아요");
    expect(doc?.metadata.kind).toBe("coupon");
    await store.delete({ ids: [String(doc?.metadata.id)] });
    expect((await retriever.invoke("쿠폰 어디서 받아요"))[0]?.metadata.kind).not.toBe("coupon");
  });
  it("drafts through retrieval then the extractive drafter", async () => {
    const store = await buildEmbeddedStore(knowledge);
    const d = await draftWithStore(store, knowledge, "데님 사이즈 어떻게 돼요?");
    expect(d.answer).toContain("S, M, L");
  });
});

describe("statesFigures", () => {
  it.each([
    ["사이즈: 22cm, 23cm", ["24"], false],
    ["사이즈: 22cm, 24cm", ["24"], true],
    ["S(10~18kg), M(18~25kg)", ["20"], true],
    ["S(10~18kg), M(18~25kg)", ["30"], false],
    ["높이 조절 52~76cm", ["70"], true],
    ["용량 1.5L", ["1.5"], true],
    ["용량 1.5L", ["15"], false],
    ["가격 12,000원", ["12000"], true],
  ] as const)("%s states %j: %s", (text, figures, expected) => {
    expect(statesFigures(text, figures)).toBe(expected);
  });
});

describe("qualifiers of a topic cue", () => {
  it.each([
    ["해외배송", "해외"],
    ["새벽배송", "새벽"],
    ["배송비", null],
    ["무료배송", null],
    ["비오는날", null],
  ] as const)("%s → %s", (stem, expected) => {
    expect(qualifier(stem)).toBe(expected);
  });

  it("abstains when the source speaks of another kind of the topic", () => {
    expect(draft("해외배송 되나요?").abstained).toBe(true);
    expect(draft("배송 언제 출발해요?").answer).toContain("내일");
  });

  it("answers price and stock from the product fields only when the question is about the product itself", () => {
    expect(draft("니트 단추만 따로 살 수 있어요?").abstained).toBe(true);
    expect(draft("데님 살 수 있어요?").answer).toContain("품절");
  });
});

describe("generic cues", () => {
  it("reads a place followed by 산 as where a product comes from", async () => {
    const { lineTopics } = await import("./topics.ts");
    expect(lineTopics("구성: 알배추, 소고기 목심(호주산), 버섯 3종")).toContain("origin");
    expect(lineTopics("원료: 노르웨이산 정제어유")).toContain("origin");
    expect(lineTopics("장우산, 자동 우산")).not.toContain("origin");
  });

  it("treats the unit after 몇 as the content a source must state", async () => {
    const { contentGrams } = await import("./candidates.ts");
    expect(contentGrams(["몇브릭스"]).map((g) => g.gram)).toEqual(["브릭", "릭스"]);
  });
});
