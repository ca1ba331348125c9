import { describe, expect, it } from "vitest";
import { meaningKey, meaningSimilarity, questionMeaning } from "./question-meaning.ts";

/** The similarity the clusters joined at before the learned scorer; published-answer reuse still reads the similarity. */
const DEFAULT_JOIN_AT = 0.45;
const same = (a: string, b: string) => meaningSimilarity(questionMeaning(a), questionMeaning(b));

describe("questionMeaning", () => {
  it("reads the same aspect through spacing, endings, particles and synonyms", () => {
    const keys = ["배송 언제 와요?", "배송 언제와요", "배송은 언제 와요?", "택배 언제 와요", "택배 언제 오나요??"].map(
      (q) => meaningKey(questionMeaning(q)),
    );
    expect(new Set(keys).size).toBe(1);
    expect(questionMeaning("배송 언제 와요?").aspects).toEqual(["ship"]);
  });

  it("tells a more specific question from its parent: the fee is not the arrival", () => {
    expect(questionMeaning("배송비 얼마예요?").aspects).toEqual(["ship-fee"]);
    expect(same("배송비 얼마예요?", "배송 언제 와요?")).toBeLessThan(0.66);
  });

  it("asks the price with 얼마 only when nothing else is asked", () => {
    expect(questionMeaning("얼마예요??").aspects).toEqual(["price"]);
    expect(questionMeaning("가격 얼마예요?").aspects).toEqual(["price"]);
    expect(questionMeaning("택배비 얼마에요").aspects).toEqual(["ship-fee"]);
  });

  it("uses the paraphrase lexicon for viewer wording: 전기세 is power use", () => {
    expect(questionMeaning("전기세 많이 나와요?").aspects).toContain("power");
    expect(same("전기세 많이 나와요?", "소비전력 얼마예요?")).toBeGreaterThanOrEqual(0.66);
  });

  it("reads a synonym group's words as its first word: loanwords, slang and other spellings of one thing", () => {
    const words = (q: string) => questionMeaning(q).words;
    expect(words("랩탑 들어가요?")).toContain("노트북");
    expect(words("통돌이에 넣어도 되나요")).toContain("세탁기");
    expect(words("에프에 구워도 돼요?")).toContain("에어프라이어");
    expect(meaningKey(questionMeaning("레프티 있나요"))).toBe(meaningKey(questionMeaning("왼손잡이 있나요")));
    // Two values of one aspect stay two questions.
    expect(same("노견 먹어도 돼요?", "퍼피 먹어도 돼요?")).toBe(0);
  });

  it("joins two spaced words the tables know written together, and reads a/s as one word", () => {
    expect(questionMeaning("에어 프라이어 돼요").words).toContain("에어프라이어");
    expect(questionMeaning("무료 배송이에요?").aspects).toEqual(["ship-fee"]);
    expect(questionMeaning("a/s 되나요").aspects).toEqual(["warranty"]);
    expect(meaningKey(questionMeaning("A/S 되나요"))).toBe(meaningKey(questionMeaning("AS 되나요?")));
  });

  it("keeps a known thing whole when the stemmer cuts into it, and reads no other spelling of a value as a typo", () => {
    expect(questionMeaning("그레이 있나요?").words).toContain("그레이");
    expect(questionMeaning("강아지도 먹어도 되나요").words).toContain("강아지");
    expect(questionMeaning("강아지도 먹어도 되나요").words).not.toContain("퍼피");
    expect(questionMeaning("아기강아지 먹어도 돼요").words).toContain("퍼피");
  });

  it("reads two aspects asked together as the question they make: a return's shipping fee is the return fee", () => {
    expect(questionMeaning("교환 택배비 따로 있나요").aspects).toEqual(["return-fee"]);
    expect(questionMeaning("배송비 얼마예요").aspects).toEqual(["ship-fee"]);
  });

  it("names a one-letter value left over inside a written-together stem", () => {
    expect(questionMeaning("퀸사이즈 있나요?").words).toContain("퀸");
    expect(same("퀸사이즈 있나요?", "슈퍼싱글 사이즈 있어요?")).toBe(0);
  });

  it("keeps different questions about one product apart", () => {
    expect(same("패딩 색상 뭐 있어요?", "패딩 사이즈 어떻게 돼요?")).toBeLessThan(0.66);
    expect(same("패딩 세탁 어떻게 해요?", "패딩 충전재 뭐예요?")).toBeLessThan(0.66);
  });

  it("keeps the same aspect of two named products apart, and joins a product-less rewording", () => {
    expect(same("패딩 가격 얼마예요", "부츠 가격 얼마예요")).toBeLessThan(0.66);
    expect(same("패딩 가격 얼마예요", "가격 얼마예요?")).toBeGreaterThanOrEqual(0.66);
  });

  it("does not read an aspect into a word it only starts (전기포트 is a kettle)", () => {
    expect(questionMeaning("전기포트 내부 재질 뭐예요").aspects).not.toContain("power");
  });

  it("falls back to the words of questions no aspect explains", () => {
    expect(questionMeaning("남자도 입어도 돼요?")).toMatchObject({
      aspects: [],
      words: expect.arrayContaining(["남자"]),
    });
    expect(same("남자도 입어도 돼요?", "남자도 입어도 되나요")).toBe(1);
    expect(questionMeaning("ㅋㅋㅋ?")).toEqual({ aspects: [], words: [] });
  });

  it("keeps the hard negatives apart: when, how much and where it ships; washer and dryer; two sizes, two phones", () => {
    const apart = [
      ["배송 언제 와요", "배송비 얼마"],
      ["배송 언제 와요", "제주도 배송 돼요"],
      ["배송비 얼마", "제주도 배송 돼요"],
      ["세탁기 돌려도 돼요?", "건조기 돌려도 돼요?"],
      ["245 있어요?", "250 있어요?"],
      ["3kg 몇 개 들어있어요?", "5kg 몇 개 들어있어요?"],
      ["아이폰도 연결돼요?", "갤럭시도 연결돼요?"],
      ["킹 사이즈 몇 센치예요?", "퀸 사이즈 몇 센치예요?"],
      ["L 사이즈 있어요?", "XL 사이즈 있어요?"],
      ["아이보리 있어요?", "블랙 있어요?"],
    ];
    for (const [a, b] of apart) expect(same(a!, b!), `${a} / ${b}`).toBeLessThan(DEFAULT_JOIN_AT);
  });

  it("joins rewordings that differ in spacing, a typo, a spelled number or a spelled size", () => {
    const together = [
      ["베개커버 포함이에요?", "베개 커버도 포함돼요?"],
      ["베개커버 포함이에요?", "베게커버도 포함돼요?"],
      ["L 사이즈 있어요?", "라지 있어요?"],
      ["5kg 얼마예요?", "오키로 얼마예요?"],
      ["5kg 얼마예요?", "5키로짜리 얼마예요??"],
      ["갤럭시도 연결돼요?", "겔럭시도 연결돼요?"],
      ["노견도 먹어도 돼요?", "13살 노견인데 괜찮을까요?"],
      ["L 총장 몇이에요?", "L사이즈 길이 얼마나 돼요?"],
    ];
    for (const [a, b] of together) expect(same(a!, b!), `${a} / ${b}`).toBeGreaterThanOrEqual(DEFAULT_JOIN_AT);
  });

  it("reads a lexicon phrase only where a word starts (몇시간이에요 is not salty)", () => {
    expect(questionMeaning("연속재생 몇시간이에요").aspects).not.toContain("salty");
  });

  it("marks an aspect only the lexicon read, and counts it less than one the aspect table read", () => {
    expect(questionMeaning("아이폰이랑 페어링 되나요").aspects).toEqual(["compat", "~#bluetooth"]);
    const table = { aspects: ["compat"], words: ["아이폰"] };
    const lexiconToo = { aspects: ["compat", "~#bluetooth"], words: ["아이폰"] };
    const tableToo = { aspects: ["compat", "#bluetooth"], words: ["아이폰"] };
    expect(meaningSimilarity(table, lexiconToo)).toBeGreaterThan(meaningSimilarity(table, tableToo));
  });
});
