/**
 * One cheap pass over the raw chat (before normalisation folds digits and repeats), which
 * decides whether any of the precise rules needs to run: the regex-based personal
 * information and link rules only run on the few chats this scan lets through.
 */

/** Korean numerals as spelled in phone numbers (공일공 …), to their digits; -1 otherwise. */
export function koreanNumeral(c: number): number {
  switch (c) {
    case 0xacf5:
    case 0xc601:
      return 0; // 공 영
    case 0xc77c:
      return 1; // 일
    case 0xc774:
      return 2; // 이
    case 0xc0bc:
      return 3; // 삼
    case 0xc0ac:
      return 4; // 사
    case 0xc624:
      return 5; // 오
    case 0xc721:
    case 0xb959:
      return 6; // 육 륙
    case 0xce60:
      return 7; // 칠
    case 0xd314:
      return 8; // 팔
    case 0xad6c:
      return 9; // 구
    default:
      return -1;
  }
}

export interface Scan {
  /** ASCII and full-width digits. */
  digits: number;
  /** Korean numeral syllables (공, 일, 이, …): common words too, so only a prefilter. */
  numerals: number;
  at: boolean;
  /** `.` or `/` between two ASCII letters or digits: a link may be here. */
  dotted: boolean;
  /** A `<` or `:`: markup or a `javascript:` link may be here (markup.ts). */
  angled: boolean;
  /** Longest run of one code unit (spaces excluded). */
  longestRun: number;
  /** Emoji (astral code points and dingbats/symbols). */
  emoji: number;
  /** Hangul syllables, jamo and ASCII letters. */
  letters: number;
  /** ASCII letters alone (a messenger ID needs a few: contact.ts). */
  latin: number;
  /** Syllables that end the parts of a Korean address (구, 군, 로, 길, 동, 호). */
  addressy: number;
  /** A top-level domain said in Hangul (컴, 넷, 케이알) or a bracketed dot ([.], (.), 。): a spelled link may be here (spelled.ts). */
  saidDot: boolean;
  /** An @ said in words (골뱅이, 앳, a Latin " at "): a spelled email may be here. */
  saidAt: boolean;
}

const scan: Scan = {
  digits: 0,
  numerals: 0,
  at: false,
  dotted: false,
  angled: false,
  longestRun: 0,
  emoji: 0,
  letters: 0,
  latin: 0,
  addressy: 0,
  saidDot: false,
  saidAt: false,
};

const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Scans `text` into a shared object (valid until the next call): no allocation. */
export function scanChat(text: string): Scan {
  let digits = 0,
    numerals = 0,
    emoji = 0,
    letters = 0,
    latin = 0,
    addressy = 0,
    run = 1,
    longest = 0,
    prev = -1;
  let at = false,
    dotted = false,
    angled = false,
    saidDot = false,
    saidAt = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === prev) {
      if (++run > longest && c !== 32) longest = run;
    } else {
      run = 1;
      prev = c;
    }
    // Precomposed Hangul first: most of every chat.
    if (c >= 0xac00 && c <= 0xd7a3) {
      letters++;
      if (koreanNumeral(c) >= 0) numerals++;
      if (c === 0xad6c || c === 0xad70 || c === 0xb85c || c === 0xae38 || c === 0xb3d9 || c === 0xd638) addressy++;
      else if (c === 0xcef4 || c === 0xb137 || c === 0xcf00)
        saidDot = true; // 컴 넷 케(이알): 점 컴, 닷컴
      else if (c === 0xbc45 || c === 0xc573) saidAt = true; // (골)뱅(이) 앳
    } else if (c < 128) {
      if (c >= 48 && c <= 57) digits++;
      else if ((c | 32) >= 97 && (c | 32) <= 122) {
        latin++;
        // "at" standing alone, as in abc at gmail dot com or abc(at)gmail.com
        if ((c | 32) === 116 && i >= 2 && (text.charCodeAt(i - 1) | 32) === 97 && !isLetter(text.charCodeAt(i - 2)))
          if (!isLetter(text.charCodeAt(i + 1))) saidAt = true;
      } else if ((c === 91 || c === 40) && text.charCodeAt(i + 1) === 46)
        saidDot = true; // [.] (.)
      else if (c === 64) at = true;
      else if (c === 60 || c === 58) angled = true;
      else if (
        (c === 46 || c === 47) &&
        i > 0 &&
        i + 1 < n &&
        isAlnum(text.charCodeAt(i - 1)) &&
        isAlnum(text.charCodeAt(i + 1))
      )
        dotted = true;
    } else if (c >= 0x3131 && c <= 0x3163) letters++;
    else if (c >= 0xd800 && c <= 0xdbff) emoji++;
    else if (c >= 0xff10 && c <= 0xff19) digits++;
    else if (c === 0xff20) at = true;
    else if (c >= 0x2600 && c <= 0x27bf) emoji++;
    else if (c === 0x3002) saidDot = true;
  }
  if (longest === 0 && n > 0) longest = 1;
  scan.digits = digits;
  scan.numerals = numerals;
  scan.at = at;
  scan.dotted = dotted;
  scan.angled = angled;
  scan.longestRun = longest;
  scan.emoji = emoji;
  scan.letters = letters + latin;
  scan.latin = latin;
  scan.addressy = addressy;
  scan.saidDot = saidDot;
  scan.saidAt = saidAt;
  return scan;
}

/** Whether the personal-information rules need to run at all. */
export function mayHoldPersonalInfo(s: Scan): boolean {
  return (
    s.digits >= 6 ||
    s.at ||
    s.numerals >= 7 ||
    (s.digits >= 3 && s.numerals >= 4) ||
    (s.digits >= 1 && s.addressy >= 2) ||
    (s.saidAt && s.latin >= 5)
  );
}
