import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkGrounding, extractClaims, groundingReason } from "./grounding.ts";

const keys = (text: string) => extractClaims(text).map((c) => c.key);

describe("extractClaims", () => {
  it("reads amounts however they are written, with their unit family", () => {
    expect(keys("39,000원")).toEqual(["num:39000:won"]);
    expect(keys("3만 9천원")).toEqual(["num:39000:won"]);
    expect(keys("2만5천 원")).toEqual(["num:25000:won"]);
    expect(keys("3만 5000원")).toEqual(["num:35000:won"]);
    expect(keys("할인율 15%")).toEqual(["num:15:pct"]);
    expect(keys("무게 1.5kg")).toEqual(["num:1.5:kg"]);
  });

  it("keeps a list of numbers apart", () => {
    expect(keys("230, 240, 250mm")).toEqual(["num:230:", "num:240:", "num:250:mm"]);
  });

  it("reads dates and periods", () => {
    expect(keys("12월 3일 출고")).toEqual(expect.arrayContaining(["num:12:monthname", "num:3:day"]));
    expect(keys("2~3일 걸려요")).toEqual(expect.arrayContaining(["num:2:", "num:3:day"]));
  });

  it("folds colour and material synonyms into one claim", () => {
    expect(keys("검정색 있어요")).toContain("term:블랙");
    expect(keys("블랙 있어요")).toContain("term:블랙");
    expect(keys("소재는 면 100%")).toContain("term:면");
  });

  it("does not read one-syllable materials inside other words", () => {
    expect(keys("면접 보러 가요")).not.toContain("term:면");
    expect(keys("울산 배송")).not.toContain("term:울");
  });

  it("reads letter sizes only as whole tokens", () => {
    expect(keys("S/M/L 있어요")).toEqual(expect.arrayContaining(["size:S", "size:M", "size:L"]));
    expect(keys("1.5L 용량")).not.toContain("size:L");
    expect(keys("LED 조명")).toEqual([]);
  });

  it("reads the polarity of stock, compatibility and use claims", () => {
    expect(keys("재고 있습니다")).toContain("polar:stock:+");
    expect(keys("재고 없습니다")).toContain("polar:stock:-");
    expect(keys("인덕션 사용 가능합니다")).toContain("polar:usable:+");
    expect(keys("인덕션은 사용 안 돼요")).not.toContain("polar:usable:+");
    expect(keys("현재 품절입니다")).toContain("polar:soldout:+");
  });
});

describe("checkGrounding", () => {
  const sources = [
    "판매가 39000원, 할인율 20%",
    "색상: 블랙, 아이보리 / 사이즈 S, M",
    "소재 울 70% 캐시미어 30%, 드라이클리닝 권장",
  ];

  it("accepts a faithful draft, however its numbers are written", () => {
    expect(checkGrounding("가격은 3만 9천원이고 20% 할인돼요.", sources).grounded).toBe(true);
    expect(checkGrounding("검정색과 아이보리, S와 M 사이즈가 있습니다.", sources).grounded).toBe(true);
    expect(checkGrounding("울 70%, 캐시미어 30% 소재입니다.", sources).grounded).toBe(true);
  });

  it("withholds a changed number", () => {
    const result = checkGrounding("가격은 42,000원입니다.", sources);
    expect(result.grounded).toBe(false);
    expect(result.unsupported.map((c) => c.key)).toEqual(["num:42000:won"]);
    expect(groundingReason(result.unsupported)).toContain("42,000원");
  });

  it("withholds an invented colour, size or material", () => {
    expect(checkGrounding("네이비도 있습니다.", sources).grounded).toBe(false);
    expect(checkGrounding("XL 사이즈도 있어요.", sources).grounded).toBe(false);
    expect(checkGrounding("면 소재입니다.", sources).grounded).toBe(false);
  });

  it("withholds a claim with the opposite polarity", () => {
    expect(checkGrounding("재고 없어요.", ["재고 있습니다"]).grounded).toBe(false);
    expect(checkGrounding("재고 있어요.", ["재고 있습니다"]).grounded).toBe(true);
  });

  it("withholds shipping, gift and compatibility claims the sources do not make", () => {
    expect(checkGrounding("무료배송입니다.", sources).grounded).toBe(false);
    expect(checkGrounding("사은품도 드려요.", sources).grounded).toBe(false);
    expect(checkGrounding("식기세척기 사용 가능합니다.", sources).grounded).toBe(false);
  });

  it("judges only the sources it is given (a claim from an uncited source is not grounded)", () => {
    expect(checkGrounding("블랙 있어요.", [sources[0]!]).grounded).toBe(false);
  });

  it("accepts a draft that repeats any source sentence (property)", () => {
    const pieces = [
      "가격 12,000원",
      "사이즈 M",
      "색상 블랙",
      "재고 있음",
      "무료배송",
      "2~3일 소요",
      "할인 10%",
      "무게 2kg",
    ];
    fc.assert(
      fc.property(fc.subarray(pieces, { minLength: 1 }), fc.subarray(pieces), (cited, extra) => {
        const source = [...cited, ...extra].join(", ");
        expect(checkGrounding(`${cited.join(" ")}입니다.`, [source]).grounded).toBe(true);
      }),
    );
  });

  it("withholds any draft whose amount differs from every source amount (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }), (a, b) => {
        fc.pre(a !== b);
        expect(checkGrounding(`${b * 100}원입니다.`, [`가격 ${a * 100}원`]).grounded).toBe(false);
      }),
    );
  });
});

describe("model codes", () => {
  it("does not read digits inside a model code as a quantity that supports a claim", () => {
    expect(keys("거치대 DM-Q15")).toEqual([]);
    expect(checkGrounding("최대 15W 충전입니다.", ["무선충전 거치대 DM-Q15"]).grounded).toBe(false);
  });
});
