import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPersonalInfo, maskPersonalInfo } from "./pii.ts";
import { mayHoldPersonalInfo, scanChat } from "./scan.ts";

const digit = fc.constantFrom(..."0123456789");
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(""));
const NUMERALS = ["공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"];
const spellKorean = (d: string) => [...d].map((c) => (c === "0" ? "공" : NUMERALS[Number(c)]!)).join("");
const separator = fc.constantFrom("", "-", " ", ".", " - ");
const mobile = fc.tuple(fc.constantFrom("010", "011", "016", "017", "019"), digits(4), digits(4));
const filler = fc.constantFrom("", "제 번호 ", "연락주세요 ", "응모합니다 ", "당첨되면 ");
const tail = fc.constantFrom("", " 이에요", " 로 연락주세요", " 김민지", "!!");

/** Whether the rules (behind their prefilter, as the moderator runs them) find `kind` in `text`. */
function finds(text: string, kind: string): boolean {
  return mayHoldPersonalInfo(scanChat(text)) && findPersonalInfo(text).some((s) => s.kind === kind);
}

describe("phone numbers", () => {
  it("are found in any separator spelling, with words around them", () => {
    fc.assert(
      fc.property(mobile, separator, separator, filler, tail, ([a, b, c], s1, s2, before, after) => {
        expect(finds(`${before}${a}${s1}${b}${s2}${c}${after}`, "phone")).toBe(true);
      }),
    );
  });

  it("are found spelled in Korean numerals or full-width digits", () => {
    fc.assert(
      fc.property(mobile, separator, filler, tail, ([a, b, c], s, before, after) => {
        expect(finds(`${before}${spellKorean(a)}${s}${spellKorean(b)}${s}${spellKorean(c)}${after}`, "phone")).toBe(
          true,
        );
        const wide = `${a}${b}${c}`.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
        expect(finds(`${before}${wide}${after}`, "phone")).toBe(true);
      }),
    );
  });

  it("are masked with the text around them kept and the length unchanged", () => {
    fc.assert(
      fc.property(mobile, separator, filler, tail, ([a, b, c], s, before, after) => {
        const text = `${before}${a}${s}${b}${s}${c}${after}`;
        const masked = maskPersonalInfo(text);
        expect(masked.length).toBe(text.length);
        expect(masked).not.toMatch(/[0-9]{4}/);
        expect(masked.startsWith(before)).toBe(true);
        expect(masked.endsWith(after)).toBe(true);
      }),
    );
  });
});

describe("numbers a shop chat is full of", () => {
  it("are not personal information: prices, sizes, order, tracking and customer-centre numbers", () => {
    const price = fc.integer({ min: 100, max: 9_999_999 }).map((n) => `${n.toLocaleString("en-US")}원`);
    const order = fc
      .tuple(fc.constantFrom("주문번호 ", "송장 ", "운송장번호 ", "상품번호 "), digits(13))
      .map(([w, d]) => `${w}${d}`);
    const centre = fc
      .tuple(fc.constantFrom("1588", "1544", "1577", "1600", "1661", "1899"), digits(4))
      .map(([a, b]) => `고객센터 ${a}-${b}`);
    const size = fc
      .tuple(fc.integer({ min: 44, max: 120 }), fc.integer({ min: 150, max: 190 }), fc.integer({ min: 40, max: 99 }))
      .map(([s, h, w]) => `${s} 사이즈 키 ${h} 몸무게 ${w}`);
    fc.assert(
      fc.property(
        fc.oneof(price, order, centre, size),
        fc.constantFrom("", " 맞나요?", " 언제 와요", " 배송 언제"),
        (chat, after) => {
          const text = chat + after;
          expect(mayHoldPersonalInfo(scanChat(text)) ? findPersonalInfo(text) : []).toEqual([]);
        },
      ),
    );
  });

  it("a courier's tracking number is not an account, though 우체국 is also a bank", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("우체국택배", "우체국 택배", "우체국 등기", "CJ대한통운", "한진택배"),
        fc.constantFrom([4, 4, 4], [4, 4, 4, 1], [3, 4, 4, 2]),
        fc.constantFrom(" 조회 안돼요", " 어디쯤이에요", ""),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (courier, groups, after, seed) => {
          const number = groups
            .map((n, i) =>
              String(seed * (i + 7))
                .padStart(n, "3")
                .slice(-n),
            )
            .join(" ");
          // One that begins 010 (or 02) in groups of 3-4-4 is written exactly like a phone number: held, rightly.
          if (/^0(1[016789]|2)/.test(number)) return;
          const text = `${courier} ${number}${after}`;
          expect(mayHoldPersonalInfo(scanChat(text)) ? findPersonalInfo(text) : [], text).toEqual([]);
        },
      ),
    );
    expect(finds("우체국 110-234-567890 으로 입금해 주세요", "account")).toBe(true);
  });

  it("everyday words made of numeral syllables (이, 사, 오) are not a number", () => {
    for (const text of [
      "이거 사이즈 이쁘다 사고싶어 오늘 오후에 사요",
      "일일이 삼삼오오 구경와요",
      "오이 사이다 이사 오구오구",
    ]) {
      expect(findPersonalInfo(text)).toEqual([]);
    }
  });
});

describe("other personal information", () => {
  it("finds emails, accounts beside a bank, resident numbers and street addresses", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9._]{2,12}$/),
        fc.constantFrom("naver.com", "gmail.com", "daum.net"),
        (user, host) => {
          expect(finds(`${user}@${host} 로 보내주세요`, "email")).toBe(true);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom("국민", "신한", "카카오뱅크", "농협", "계좌"),
        digits(3),
        digits(6),
        digits(5),
        (bank, a, b, c) => {
          expect(finds(`${bank} ${a}-${b}-${c} 홍길동`, "account")).toBe(true);
        },
      ),
    );
    expect(finds("주민번호 900101-1234567 인데 인증이 안돼요", "resident_number")).toBe(true);
    expect(finds("901231-2345678", "resident_number")).toBe(true);
    expect(finds("생년월일 900101 뒷자리 1", "resident_number")).toBe(true);
    expect(finds("서울시 강남구 테헤란로 12길 34 101동 1503호 로 보내주세요", "address")).toBe(true);
  });

  it("never reports a span outside the text, and spans come in order", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        let last = 0;
        for (const span of findPersonalInfo(text)) {
          expect(span.start).toBeGreaterThanOrEqual(last);
          expect(span.end).toBeLessThanOrEqual(text.length);
          expect(span.end).toBeGreaterThan(span.start);
          last = span.start;
        }
      }),
    );
  });
});

describe("personal information spelled to slip past simple rules", () => {
  it("finds mobile numbers mixing digits and numerals, with other separators or a country code", () => {
    fc.assert(
      fc.property(mobile, fc.constantFrom("/", "ㅡ", " / ", "+", "*"), filler, tail, ([a, b, c], s, before, after) => {
        expect(finds(`${before}${a}${s}${b}${s}${c}${after}`, "phone")).toBe(true);
        expect(finds(`${before}${spellKorean(a)} ${b} ${spellKorean(c)}${after}`, "phone")).toBe(true);
        expect(finds(`${before}${a} ${spellKorean(b)} ${c}${after}`, "phone")).toBe(true);
      }),
    );
    expect(finds("+82 10-1234-5678 로 연락주세요", "phone")).toBe(true);
    expect(finds("01012345678이에요", "phone")).toBe(true);
    expect(finds("０１０－１２３４－５６７８ 연락주세요", "phone")).toBe(true);
    expect(finds("제 번호 1234 5678 이요 010은 빼고", "phone")).toBe(true);
  });

  it("finds resident numbers written with the sex digit and stars, emails without a top-level domain", () => {
    expect(finds("900101-1****** 이걸로 본인인증 돼요?", "resident_number")).toBe(true);
    expect(finds("abc123@naver 로 보내주세요", "email")).toBe(true);
    expect(finds("abc.def @ gmail . com", "email")).toBe(true);
  });

  it("finds addresses with the province shortened or left out", () => {
    expect(finds("서울 강남구 테헤란로 123 으로 보내주세요", "address")).toBe(true);
    expect(finds("경기 성남시 분당구 판교역로 235 에이치동", "address")).toBe(true);
    expect(finds("주소 강남구 역삼동 123-45 입니다", "address")).toBe(true);
    expect(finds("부산 해운대구 우동 1408 아파트 101동 1203호", "address")).toBe(true);
  });

  it("finds a district and dong with an apartment complex's number, and not a complex named alone", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("수원시 영통구", "마포구", "해운대구", "달서구", "양평군"),
        fc.constantFrom("망원동", "광교동", "좌동", "월성동", "양근동"),
        fc.constantFrom("", "햇살마을 ", "푸른숲 아파트 ", "리버뷰 APT "),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom("단지", " 단지", "차"),
        filler,
        (district, dong, name, n, unit, before) => {
          for (const text of [
            `${before}${district} ${dong} ${name}${n}${unit} 산대요`,
            `${district} ${dong} ${name}${n}단지래요`,
          ])
            expect(finds(text, "address"), text).toBe(true);
        },
      ),
    );
    for (const text of ["우리 아파트 3단지 택배함에 놔주세요", "마포구 사는데 2차 입고 언제예요", "망원동 1차 완판"])
      expect(finds(text, "address"), text).toBe(false);
  });

  it("keeps the shop's numbers and everyday sizes and counts apart from them", () => {
    for (const text of [
      "주문번호 1234 5678 배송 언제 와요",
      "2개 구매했어요 로즈골드로",
      "230 사이즈 2개요 동생 꺼",
      "5678 이에요 사이즈는",
      "1+1 이에요? 2/3 남았대요",
      "고객센터 1588-1234 연락해도 안받아요",
      "이거 사이즈 구매 로 2 개",
    ]) {
      expect(findPersonalInfo(text), text).toEqual([]);
    }
  });
});

/** `d` with its last digit replaced so that it passes the Luhn check (as every issued card number does). */
function withLuhn(d: string): string {
  const body = d.slice(0, -1);
  for (let c = 0; c <= 9; c++) {
    const n = body + c;
    let sum = 0;
    for (let i = 0; i < n.length; i++) {
      let x = Number(n[n.length - 1 - i]);
      if (i % 2 === 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return n;
  }
  return d;
}

describe("card numbers", () => {
  const groupSep = fc.constantFrom(" ", "-", "");
  it("are found beside a word for a card, in any grouping", () => {
    fc.assert(
      fc.property(digits(16), groupSep, fc.constantFrom("카드번호 ", "신용카드 ", "체크카드 ", ""), (d, s, cue) => {
        const text = `${cue || "카드 "}${d.slice(0, 4)}${s}${d.slice(4, 8)}${s}${d.slice(8, 12)}${s}${d.slice(12)} 결제가 안돼요`;
        expect(finds(text, "card"), text).toBe(true);
      }),
    );
  });

  it("are found in four groups of four without a word when the Luhn check passes", () => {
    fc.assert(
      fc.property(digits(16).map(withLuhn), fc.constantFrom(" ", "-"), (d, s) => {
        const text = `이거 ${d.slice(0, 4)}${s}${d.slice(4, 8)}${s}${d.slice(8, 12)}${s}${d.slice(12)} 로 해주세요`;
        expect(finds(text, "card"), text).toBe(true);
      }),
    );
  });

  it("are not order or tracking numbers", () => {
    for (const text of [
      "주문번호 1234 5678 9012 3456 카드 결제했어요",
      "송장 1234567890123456 카드로 샀는데 언제 와요",
    ])
      expect(finds(text, "card"), text).toBe(false);
  });
});

describe("identity document numbers", () => {
  it("are found beside a passport, a driver's licence or the customs clearance code", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("여권번호 M", "여권 S", "개인통관고유부호 P", "통관부호 P", "운전면허 ", "면허번호 "),
        // Leading 0 left out: 02… or 010… of that length is a phone number, held all the same.
        fc.tuple(fc.constantFrom(..."123456789"), digits(11)).map(([a, b]) => a + b),
        fc.constantFrom(8, 11, 12),
        (cue, d, n) => {
          const text = `${cue}${d.slice(0, n)} 이거 맞나요`;
          expect(finds(text, "id_number"), text).toBe(true);
        },
      ),
    );
    expect(finds("운전면허 11-22-334455-66 본인인증에 넣으면 돼요?", "id_number")).toBe(true);
  });

  it("are not counts, prices or order numbers beside those words", () => {
    for (const text of [
      "여권 지갑 2개 주문번호 20261203123",
      "면허 따고 차 샀어요 1500만원",
      "통관 언제 돼요 송장 123456789012",
    ])
      expect(finds(text, "id_number"), text).toBe(false);
  });
});
