import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPersonalInfo } from "./pii.ts";
import { mayHoldPersonalInfo, scanChat } from "./scan.ts";
import { hasSpelledLink, spelledEmails, spokenPhones } from "./spelled.ts";

const digit = fc.constantFrom(..."0123456789");
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(""));
const NUMERALS = ["공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"];
const spell = (d: string) => [...d].map((c) => NUMERALS[Number(c)]!).join("");
/** Words said between the groups of a number read aloud. */
const glue = fc.constantFrom(
  " ",
  "에 ",
  " 하고 ",
  " 다시 ",
  "이구 ",
  " 그리고 가운데 ",
  " 끝에 ",
  " - ",
  "에다가 ",
  " 다음에 ",
);
const before = fc.constantFrom("", "연락처 ", "제 폰 ", "휴대폰 ", "당첨되면 ");
const after = fc.constantFrom("", " 이에요", " 입니다", "요", " 연락주세요");

/** Whether the personal-information rules (behind their prefilter, as the moderator runs them) find `kind`. */
function finds(text: string, kind: string): boolean {
  return mayHoldPersonalInfo(scanChat(text)) && findPersonalInfo(text).some((s) => s.kind === kind);
}

describe("mobile numbers read aloud", () => {
  it("are found in digits or numerals with words between the groups, and masked whole", () => {
    fc.assert(
      fc.property(digits(4), digits(4), glue, glue, before, after, fc.boolean(), (b, c, g1, g2, pre, post, said) => {
        // 이구 after numerals reads as two more digits (공일공이구): said only after digits.
        if (said && (g1 === "이구 " || g2 === "이구 ")) return;
        const text = said
          ? `${pre}공일공${g1}${spell(b)}${g2}${spell(c)}${post}`
          : `${pre}010${g1}${b}${g2}${c}${post}`;
        expect(finds(text, "phone"), text).toBe(true);
        const span = spokenPhones(text)[0] ?? findPersonalInfo(text).find((s) => s.kind === "phone")!;
        expect(text.slice(span.start, span.end).startsWith(said ? "공일공" : "010")).toBe(true);
      }),
    );
  });

  it("are found with letters for digits (0l0-48l2-…)", () => {
    fc.assert(
      fc.property(digits(4), digits(4), (b, c) => {
        const text = `0l0-${b.slice(0, 2)}l${b.slice(3)}-${c} 연락 주세요`;
        expect(finds(text, "phone"), text).toBe(true);
      }),
    );
  });

  it("are not prices, counts or sizes joined by the same words", () => {
    for (const text of [
      "3900원 하고 4500원 하고 1200원 합치면 얼마",
      "100개 하고 200개 다시 300개",
      "사이즈 230 하고 240 다음에 250",
      "일일이 삼삼오오 다시 구경와요",
      "고객센터 1588 하고 1234 맞아요?",
      "look at 010 size",
    ])
      expect(findPersonalInfo(text), text).toEqual([]);
  });
});

describe("emails with the @ said in words", () => {
  it("are found with 골뱅이, 앳 or at, and the dot said or written", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9_]{2,10}$/),
        fc.constantFrom(" 골뱅이 ", "골뱅이", " at ", " 앳 ", "(at)", " [at] "),
        fc.constantFrom("naver", "gmail", "daum", "hanmail"),
        fc.constantFrom("", ".com", " dot com", " 점 net", " 닷컴", "(dot)net"),
        (user, at, host, tld) => {
          const text = `회신은 ${user}${at}${host}${tld} 으로요`;
          expect(finds(text, "email"), text).toBe(true);
        },
      ),
    );
  });

  it("are not English words around at", () => {
    for (const text of ["look at this color", "sale at 8pm 맞나요", "best at home 세트"])
      expect(spelledEmails(text), text).toEqual([]);
  });
});

describe("links with the dot said in words", () => {
  it("are found for Latin or Hangul names with 점, 닷, dot or a bracketed dot", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("cheapmall", "win-bet7", "네이버", "쿠팡", "goodbuy"),
        fc.constantFrom(" 점 컴", "닷컴", " 쩜 컴", " dot com", "[.]kr", "(.)net", " . com", "。com", " 점 넷"),
        fc.constantFrom(["", ""], ["여기보다 싸요 ", ""], ["", " 들어가보세요"]),
        (name, dot, [pre, post]) => {
          const text = `${pre}${name}${dot}${post}`;
          // Hangul names take only the Hangul spellings (네이버 dot com is not how people write it).
          if (/[가-힣]/.test(name) && /dot|\[|\(|\. |。/.test(dot)) return;
          const s = scanChat(text);
          expect(s.saidDot || s.latin >= 6, text).toBe(true);
          expect(hasSpelledLink(text), text).toBe(true);
        },
      ),
    );
  });

  it("are found with a Latin top-level domain after 점 or 닷, or a spaced dot before a shortener", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("jackpot", "free-coupon", "secure-login", "betwin7", "yesbuy"),
        fc.constantFrom(" 점 kr", " 닷 com", "점com", " 쩜 net", " 점 shop", " 닷 me"),
        fc.constantFrom(["", ""], ["주소는 ", " 들어가세요"], ["당첨 확인 ", ""]),
        (name, dot, [pre, post]) => {
          const text = `${pre}${name}${dot}${post}`;
          const s = scanChat(text);
          expect(s.saidDot || s.latin >= 6, text).toBe(true);
          expect(hasSpelledLink(text), text).toBe(true);
        },
      ),
    );
    for (const text of ["bit . ly / ab3cd 에서 입력", "여기 goo . gl / xyz12 확인", "tinyurl . me 로 오세요"])
      expect(hasSpelledLink(text), text).toBe(true);
  });

  it("are not shops, computers, scores or dots in shopping chat", () => {
    for (const text of [
      "강남점 컴퓨터 매장 있나요",
      "직영점 컴백 언제",
      "점 무늬 원피스",
      "dot 패턴 있나요",
      "장점 단점 알려주세요",
      "별점 5점 줬어요",
      "닷 무늬 귀여워요",
      "본점 컴 앞에서 봐요 ㅋㅋ",
      "10점 me too 저도 만점",
      "별점 kr 후기 보고 샀어요",
      "size M 점 무늬 있나요",
    ])
      expect(hasSpelledLink(text), text).toBe(false);
  });
});
