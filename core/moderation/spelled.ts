/**
 * Personal information and links spelled out to slip past the digit and link rules: a mobile
 * number read aloud in groups with words between them (공일공에 이칠팔삼에 …, 010 하고 1234 하고
 * 5678), with letters for digits (0l0-…), an email with its @ and dots in words (abc 골뱅이 daum
 * 점 net, abc at gmail dot com), and a link with its dot in words (cheapmall 점 컴, abc dot com).
 */
import type { PiiSpan } from "./pii.ts";

/** Three or four digits (l, I, O, o read as 1 and 0: 0l0), or three or four numeral syllables. */
const GROUP = /[0-9lIoO]{3,4}|[공영일이삼사오육륙칠팔구]{3,4}/g;
const NUMERAL_DIGIT: Record<string, string> = {
  공: "0",
  영: "0",
  일: "1",
  이: "2",
  삼: "3",
  사: "4",
  오: "5",
  육: "6",
  륙: "6",
  칠: "7",
  팔: "8",
  구: "9",
  l: "1",
  I: "1",
  o: "0",
  O: "0",
};
/** What people say between the groups of a number read aloud: particles, 하고, 다시, 그리고, 끝번호 … */
const GLUE =
  /^[\s\-.,~·:/)(]*(?:(?:에|에다가?|하고|이랑|랑|이구|이고|이에요|이요|요|은|는|다시|다음에?|그리고|가운데(?:는|가)?|중간(?:은|에)?|끝(?:번호|자리)?(?:는|은|에|에는)?|뒤(?:에|에는|는)?|앞(?:은|에)?|하이픈|대시|빼기)[\s\-.,~·:]*){0,4}$/;

function groupsOf(text: string): { digits: string; start: number; end: number }[] {
  const out: { digits: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(GROUP)) {
    const s = m[0];
    // Letters stand for digits only among digits: a group needs two real digits or to be all numerals.
    if (/[lIoO]/.test(s) && (s.match(/[0-9]/g)?.length ?? 0) < 2) continue;
    out.push({ digits: s.replace(/[^0-9]/g, (c) => NUMERAL_DIGIT[c] ?? c), start: m.index!, end: m.index! + s.length });
  }
  return out;
}

/** Mobile numbers read aloud: 01x, then 3–4 digits, then 4, each pair of groups joined only by GLUE. */
export function spokenPhones(text: string): PiiSpan[] {
  const groups = groupsOf(text);
  const spans: PiiSpan[] = [];
  for (let i = 0; i + 2 < groups.length; i++) {
    const [a, b, c] = [groups[i]!, groups[i + 1]!, groups[i + 2]!];
    if (!/^01[016789]$/.test(a.digits) || c.digits.length !== 4) continue;
    const gap1 = text.slice(a.end, b.start),
      gap2 = text.slice(b.end, c.start);
    if (gap1.length > 16 || gap2.length > 16 || !GLUE.test(gap1) || !GLUE.test(gap2)) continue;
    spans.push({ kind: "phone", start: a.start, end: c.end });
    i += 2;
  }
  return spans;
}

/** Mail hosts people name (their top-level domain may be left out or spelled). */
const MAIL_HOST = "(?:naver|gmail|daum|hanmail|kakao|nate|hotmail|outlook|icloud|yahoo)";
/** A dot said or bracketed: 점, 닷, 쩜, dot, (dot), [.], (.), 。 */
const SAID_DOT = "(?:\\s*(?:\\.|점|닷|쩜|。)\\s*|\\s*[([]\\s*(?:\\.|dot)\\s*[)\\]]\\s*|\\s+dot\\s+)";
const TLD = "(?:com|net|kr|co|org|shop|xyz|me|컴|넷|케이알)";
const SPELLED_EMAIL = new RegExp(
  `[A-Za-z][A-Za-z0-9._-]{2,}\\s*(?:골뱅이|앳|[([]\\s*at\\s*[)\\]]|\\s+at\\s+)\\s*(?:${MAIL_HOST}(?:${SAID_DOT}${TLD})?|[A-Za-z0-9-]{2,}${SAID_DOT}${TLD})(?![A-Za-z0-9])`,
  "gi",
);
const EMAIL_CUE = /골뱅이|앳|\bat\b/i;

/** Emails with the @ said in words (골뱅이, at, 앳). */
export function spelledEmails(text: string): PiiSpan[] {
  if (!EMAIL_CUE.test(text)) return [];
  return [...text.matchAll(SPELLED_EMAIL)].map((m) => ({
    kind: "email" as const,
    start: m.index!,
    end: m.index! + m[0].length,
  }));
}

/**
 * A link with its dot said in words or bracketed: `cheapmall 점 컴`, `abc dot com`, `abc[.]kr`,
 * `네이버 닷컴`. 컴 must end the word (강남점 컴퓨터 is a shop and a computer).
 */
const SPELLED_LINK =
  /(?:[A-Za-z0-9][A-Za-z0-9-]+|[가-힣]{2,})(?:\s*(?:점|닷|쩜|。)\s*(?:com|net|kr|shop|컴|넷|케이알)|\s+dot\s+(?:com|net|kr|shop)|\s*[([]\s*(?:\.|dot)\s*[)\]]\s*(?:com|net|kr|shop|me|co)|\s+\.\s*(?:com|net|kr|shop)|\s*닷컴)(?![A-Za-z0-9가-힣])/i;

/**
 * A Latin name with a said dot before a Latin top-level domain (jackpot 점 kr, free-coupon 닷 com), or a
 * spaced dot before a shortener's domain (bit . ly). The name must be Latin: 10점 me too is a score.
 */
const SAID_DOT_LATIN_TLD =
  /[A-Za-z][A-Za-z0-9-]+(?:\s*(?:점|닷|쩜)\s*(?:com|net|kr|shop|ly|me|io|co|xyz)|\s+\.\s*(?:ly|me|io|co|xyz|gl))(?![A-Za-z0-9가-힣])/i;

/** What every spelled link has, tested first: a said top-level domain, `dot`, a spaced or bracketed dot. */
const SPELLED_LINK_CUE = /[컴넷케。점닷쩜]|dot|\s\.\s*[a-z]|[[(]\./i;

/** Whether `text` spells a link out (behind the scan's cheap cue: scan.ts saidDot, or Latin letters). */
export function hasSpelledLink(text: string): boolean {
  return SPELLED_LINK_CUE.test(text) && (SPELLED_LINK.test(text) || SAID_DOT_LATIN_TLD.test(text));
}
