/**
 * Precise rules for personal information: phone numbers in any spelling (digits with any
 * separators, full-width digits, Korean numerals 공일공…), bank account numbers, resident
 * registration numbers (or fragments beside 주민), emails and street addresses. Only run
 * when scan.ts's prefilter lets a chat through. Customer-centre numbers (15xx-xxxx),
 * order numbers (long digit runs) and prices are not personal information.
 */
import { koreanNumeral } from "./scan.ts";
import { spelledEmails, spokenPhones } from "./spelled.ts";

export type PiiKind = "phone" | "account" | "card" | "id_number" | "resident_number" | "email" | "address";

export interface PiiSpan {
  kind: PiiKind;
  /** UTF-16 offsets in the original text, end exclusive: what masking replaces. */
  start: number;
  end: number;
}

const SEPARATOR = /[\s\-.)(·_~,/ㅡ—–+*:|－]/;
const BANK = new RegExp(
  `(${[
    "은행",
    "국민",
    "신한",
    "우리",
    "하나",
    "농협",
    "기업",
    "카카오\\s*뱅크",
    "카뱅",
    "토스",
    "새마을",
    "우체국(?!\\s*(택배|소포|등기))",
  ]
    .concat(["신협", "수협", "케이뱅크", "SC제일", "씨티", "계좌", "예금주", "입금", "송금", "이체"])
    .join("|")})`,
);
/** Numbers the shop gives out (order, tracking, product, model numbers): not an account beside them. */
const SHOP_NUMBER = /(주문|송장|운송장|상품\s*번호|모델|품번|시리얼|쿠폰|적립)/;
const RESIDENT = /(주민|생년월일|주번|뒷자리|앞자리)/;
/** Words naming a payment card: its number is a card number, not an order number. */
const CARD = /(카드|신용|체크\s*카드|card)/i;
/**
 * Words naming an identity document whose number is personal: passport, driver's licence, the customs
 * clearance code (개인통관고유부호) buyers of overseas goods are asked for, alien registration.
 */
const ID_DOCUMENT = /(여권|면허|통관\s*(고유)?\s*부호|통관\s*번호|외국인\s*등록|passport)/i;
/** Words saying a number is a phone number. */
const PHONE_WORDS = /(연락|전화|폰|핸드폰|휴대폰|번호\s*(남|드|줄|알려|적|보내)|문자|카톡|010|공일공)/;
/** Mail hosts people name without their top-level domain (abc@naver). */
const MAIL_HOSTS = "naver|gmail|daum|hanmail|kakao|nate|hotmail|outlook|icloud|yahoo";
const EMAIL = new RegExp(
  `[A-Za-z0-9._%+-]+\\s*[@＠]\\s*(?:[A-Za-z0-9-]+(\\s*\\.\\s*[A-Za-z0-9-]+)*\\s*\\.\\s*[A-Za-z]{2,}|(?:${MAIL_HOSTS})\\b)`,
  "gi",
);
/** What may follow a numbered road or dong: 번지/번길, then the building's 동 and the flat's 호. */
const ADDRESS_TAIL = "(\\s*[0-9]+\\s*동)?(\\s*[0-9]+\\s*호)?";
const ADDRESS = new RegExp(
  `[가-힣]+(시|도)\\s*[가-힣]+(구|군|시)\\s*[가-힣0-9]+(로|길|동|읍|면|리)(\\s*[0-9]+(-[0-9]+)?(번지|번길|길)?)?${ADDRESS_TAIL}`,
  "g",
);
const UNIT = /[0-9]+\s*동\s*[0-9]+\s*호/g;
/** A district, town or dong named before a flat number (a 동 after digits is the building's, not an area). */
const AREA_BEFORE = /[가-힣]{1,5}(구|군|읍|면|(?<![0-9\s])동)(\s|$)/;
/** A province or metropolitan city, as people shorten it (서울 강남구 …), then a district and a numbered road or dong. */
const REGIONS =
  "서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|충청[남북]도|전북|전남|전라[남북]도|경북|경남|경상[남북]도|제주";
const REGION_ADDRESS = new RegExp(
  `(${REGIONS})[가-힣]*\\s*([가-힣]+(시|군|구)\\s*){1,2}[가-힣0-9]+(로|길|동|읍|면|리|가)\\s*[0-9]+(-[0-9]+)?(\\s*(번지|번길|길))?${ADDRESS_TAIL}`,
  "g",
);
/** A district and a numbered road or dong without the city (강남구 역삼동 123-45). */
const DISTRICT_ADDRESS = /[가-힣]+(구|군)\s*[가-힣0-9]+(로|길|동|읍|면)\s*[0-9]+(-[0-9]+)?(\s*(번지|번길|길))?/g;
/**
 * A district and dong, then an apartment complex by name and number (연수구 송도동 한빛마을 아파트 3단지): where
 * someone lives, with no road number, as a rumour about a host's home reads.
 */
const COMPLEX_ADDRESS =
  /[가-힣]+(구|군)\s*[가-힣0-9]+(동|읍|면)\s*([가-힣A-Za-z]+\s*){0,3}[0-9]+\s*(단지|차(?![가-힣]))/g;

/** A run of digits (or numeral syllables) with separators: its digits and where it lies. */
interface Run {
  digits: string;
  /** Offset of each digit in the text. */
  at: number[];
  start: number;
  end: number;
  numerals: number;
}

function digitOf(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

/** Runs of ≥ 7 digits where separators may sit between digits (not two in a row). */
function digitRuns(text: string): Run[] {
  const runs: Run[] = [];
  let digits = "",
    start = -1,
    end = -1,
    numerals = 0,
    gap = 0;
  let at: number[] = [];
  const close = () => {
    if (digits.length >= 7) runs.push({ digits, at, start, end, numerals });
    digits = "";
    at = [];
    start = -1;
    numerals = 0;
    gap = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let d = digitOf(c);
    let numeral = false;
    if (d < 0) {
      d = koreanNumeral(c);
      numeral = d >= 0;
    }
    // A run mixing digits and numerals (공일공 1234 오육칠팔) is kept whole only while it can still be a
    // mobile number (classifyWhole asks numeral runs to start like one): 5678 이에요 is not a 9-digit number.
    if (d >= 0 && start >= 0 && numeral !== numerals > 0 && !/^0(1[016789]?)?$|^01[016789]/.test(digits)) close();
    if (d >= 0) {
      if (start < 0) start = i;
      digits += String(d);
      at.push(i);
      end = i + 1;
      gap = 0;
      if (numeral) numerals++;
    } else if (start >= 0 && SEPARATOR.test(text[i]!) && gap < 3) {
      gap++;
    } else if (start >= 0) {
      close();
    }
  }
  close();
  return runs;
}

function validBirthDate(s: string): boolean {
  const m = Number(s.slice(2, 4)),
    d = Number(s.slice(4, 6));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** The Luhn check digit test every payment card number passes. */
function luhn(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
    sum += x;
  }
  return sum % 10 === 0;
}

/**
 * What a digit run is, judged from its digits and the words around the chat, and where it
 * ends (a phone number followed by more digits, "010-1234-5678 2개", ends at its 11th).
 */
function classifyRun(run: Run, text: string): { kind: PiiKind; end: number } | null {
  // Only where something separates the 11th digit from the next: 0101234567890 in one piece is an order number.
  // Or where the spelling changes there: 01012345678이에요 is a number and a word.
  const isNumeral = (i: number) => koreanNumeral(text.charCodeAt(run.at[i]!)) >= 0;
  if (
    /^01[016789]/.test(run.digits) &&
    run.digits.length > 11 &&
    (run.at[11]! > run.at[10]! + 1 || isNumeral(11) !== isNumeral(10))
  )
    return { kind: "phone", end: run.at[10]! + 1 };
  const kind = classifyWhole(run, text);
  return kind ? { kind, end: run.end } : null;
}

function classifyWhole(run: Run, text: string): PiiKind | null {
  const d = run.digits;
  const spelled = text.slice(run.start, run.end);
  // A numeral-spelled run must be mostly numerals *and* start like a phone number: 이 and 사 are everyday words.
  if (run.numerals > 0 && !/^01[016789]/.test(d)) return null;
  if (/^01[016789]/.test(d) && (d.length === 10 || d.length === 11)) return "phone";
  // The country code for a mobile number: +82 10-1234-5678.
  if (/^8210/.test(d) && d.length === 12) return "phone";
  // A mobile number given without its 010 ("번호 1234 5678"), only where the chat says it is a phone number.
  // Company numbers (1588-xxxx, 1600-xxxx …) are 8 digits too, and the shop gives them out.
  if (
    d.length === 8 &&
    !/^1[5-9]/.test(d) &&
    /^[0-9]{4}\D{1,3}[0-9]{4}$/.test(spelled) &&
    PHONE_WORDS.test(text) &&
    !SHOP_NUMBER.test(text)
  )
    return "phone";
  if (/^0(2|[3-6][1-5]|70)/.test(d) && d.length >= 9 && d.length <= 11) return "phone";
  // Written like one (YYMMDD-NNNNNNN), or any 13 digits beside 주민/생년월일: 13-digit order numbers are common.
  if (
    d.length === 13 &&
    validBirthDate(d) &&
    /[1-4]/.test(d[6]!) &&
    (/^[0-9]{6}\s*-\s*[0-9]{7}$/.test(spelled) || RESIDENT.test(text))
  )
    return "resident_number";
  if (d.length >= 6 && d.length <= 7 && RESIDENT.test(text)) return "resident_number";
  // A birth date, a dash and the sex digit (900101-1, often followed by ******) is how a resident number is written.
  if (d.length === 7 && validBirthDate(d) && /^[0-9]{6}\s*-\s*[1-4]$/.test(spelled)) return "resident_number";
  if (d.length >= 10 && d.length <= 16 && BANK.test(text) && !SHOP_NUMBER.test(text)) return "account";
  // Card numbers: 15 or 16 digits beside a word for a card, or 16 in four groups of four that pass the Luhn check.
  if ((d.length === 15 || d.length === 16) && CARD.test(text) && !SHOP_NUMBER.test(text)) return "card";
  if (d.length === 16 && /^[0-9]{4}(\D{1,3}[0-9]{4}){3}$/.test(spelled) && luhn(d)) return "card";
  // An identity document's number (여권 M12345678, 통관부호 P123456789012, 면허 12-34-567890-12) beside its name.
  if (d.length >= 8 && d.length <= 13 && ID_DOCUMENT.test(text) && !SHOP_NUMBER.test(text)) return "id_number";
  return null;
}

/** Every span of personal information in `text`, in order of appearance. */
export function findPersonalInfo(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const run of digitRuns(text)) {
    const found = classifyRun(run, text);
    if (found) spans.push({ kind: found.kind, start: run.start, end: found.end });
  }
  if (RESIDENT.test(text)) {
    // Beside 주민/생년월일, a birth date (YYMMDD) with or without the first digits after it.
    for (const m of text.matchAll(/(?<![0-9])[0-9]{6}(\s*-?\s*[1-4]([0-9]{0,6})?)?(?![0-9])/g)) {
      if (validBirthDate(m[0]) && !spans.some((s) => s.start <= m.index! && s.end > m.index!))
        spans.push({ kind: "resident_number", start: m.index!, end: m.index! + m[0].length });
    }
  }
  if (text.includes("@") || text.includes("＠")) {
    for (const m of text.matchAll(EMAIL)) spans.push({ kind: "email", start: m.index!, end: m.index! + m[0].length });
  }
  for (const re of [ADDRESS, REGION_ADDRESS, DISTRICT_ADDRESS, COMPLEX_ADDRESS]) {
    for (const m of text.matchAll(re)) {
      const overlaps = spans.some((s) => s.kind === "address" && s.start < m.index! + m[0].length && s.end > m.index!);
      if (/[0-9]/.test(m[0]) && !overlaps)
        spans.push({ kind: "address", start: m.index!, end: m.index! + m[0].length });
    }
  }
  if (!spans.some((s) => s.kind === "address")) {
    // A building's 동 and a flat's 호 beside a word for a home, or after a district or dong (수성구 범어동 … 105동 2301호).
    for (const m of text.matchAll(UNIT))
      if (/(아파트|빌라|주소|배송지|오피스텔)/.test(text) || AREA_BEFORE.test(text.slice(0, m.index!)))
        spans.push({ kind: "address", start: m.index!, end: m.index! + m[0].length });
  }
  // Numbers read aloud in groups and emails with the @ said in words, where no span covers them yet.
  for (const extra of [...spokenPhones(text), ...spelledEmails(text)])
    if (!spans.some((s) => s.start < extra.end && s.end > extra.start)) spans.push(extra);
  return spans.sort((a, b) => a.start - b.start);
}

/** `text` with every span replaced by `＊` of the same length (so offsets keep meaning). */
export function maskSpans(text: string, spans: readonly PiiSpan[]): string {
  if (spans.length === 0) return text;
  let out = "",
    from = 0;
  for (const s of spans) {
    if (s.start < from) continue;
    out += text.slice(from, s.start) + "＊".repeat(s.end - s.start);
    from = s.end;
  }
  return out + text.slice(from);
}

/** The chat with its personal information masked (empty list: unchanged). */
export function maskPersonalInfo(text: string): string {
  return maskSpans(text, findPersonalInfo(text));
}
