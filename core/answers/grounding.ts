/**
 * The grounding check for generated drafts: a language model may only state what its cited
 * sources say. Every checkable claim in a draft (an amount, a percentage, a size or weight, a
 * date or period, a colour or other option, and what it says about stock, shipping, gifts or
 * compatibility, with its polarity) must be found in the cited sources' text; otherwise the
 * draft is withheld with the claims that were not found. Pure: used by every LLM drafter.
 */

/** One checkable statement in a text: a normalised key and the words it came from. */
export interface Claim {
  key: string;
  text: string;
}

export interface GroundingResult {
  grounded: boolean;
  /** Claims of the draft that no cited source supports. */
  unsupported: Claim[];
}

/**
 * One piece of a number as written in Korean shopping text: `39,000`, `1.5`, `3만`, `9천`.
 * Digits right after a letter belong to a model code (`DM-Q15`, `VP65U`), not a quantity.
 */
const NUMBER_PIECE = /(?<![A-Za-z\d.])(\d+(?:,\d{3})*(?:\.\d+)?)(\s*(만|천|백))?/gu;
const PLACE: Record<string, number> = { 만: 10_000, 천: 1000, 백: 100 };
/** Units after a number, longest first; a unit names the family a value is compared within. */
const UNITS: [RegExp, string][] = [
  [/^(원|₩)/u, "won"],
  [/^(%|퍼센트|프로)/u, "pct"],
  [/^(mm|밀리)/iu, "mm"],
  [/^(cm|센치|센티)/iu, "cm"],
  [/^(kg|킬로)/iu, "kg"],
  [/^(ml|mL|㎖|미리)/u, "ml"],
  [/^(g|그램)/iu, "g"],
  [/^(l|ℓ|리터)/iu, "l"],
  [/^(m|미터)(?![a-z])/iu, "m"],
  [/^(w|와트)/iu, "w"],
  [/^(db|데시벨)/iu, "db"],
  [/^(인치|inch)/iu, "inch"],
  [/^(개월|달)/u, "month"],
  [/^(주|週)(?!문)/u, "week"],
  [/^(일|日)/u, "day"],
  [/^(시간)/u, "hour"],
  [/^(시)/u, "clock"],
  [/^(분)/u, "minute"],
  [/^(월)/u, "monthname"],
  [/^(년)/u, "year"],
  [/^(호|사이즈)/u, "size"],
  [/^(개|매|장|벌|켤레|입|팩|세트|병|봉|포)/u, "count"],
  [/^(도|℃|°)/u, "deg"],
  [/^(mah)/iu, "mah"],
];

/**
 * Words whose presence is a claim, grouped so that synonyms count as one (`검정` is `블랙`).
 * Colours and materials are options a model likes to invent; sizes by letter are handled apart.
 */
const TERM_GROUPS: string[][] = [
  ["블랙", "검정", "검은색", "검정색"],
  ["화이트", "흰색", "하얀색", "백색"],
  ["아이보리"],
  ["크림"],
  ["베이지"],
  ["그레이", "회색", "그레이색"],
  ["차콜"],
  ["네이비", "남색"],
  ["블루", "파란색", "파랑"],
  ["스카이블루", "하늘색"],
  // Longer words that contain a colour are claims of their own (the longest match wins).
  ["블루투스"],
  ["레드", "빨간색", "빨강"],
  ["와인", "버건디"],
  ["핑크", "분홍색", "분홍"],
  ["퍼플", "보라색", "보라", "라벤더"],
  ["그린", "초록색", "초록", "녹색"],
  ["카키", "올리브"],
  ["민트"],
  ["옐로우", "노란색", "노랑"],
  ["오렌지", "주황색", "주황"],
  ["브라운", "갈색", "카멜", "모카"],
  ["실버", "은색"],
  ["골드", "금색"],
  ["로즈골드"],
  ["캐시미어"],
  ["울", "양모", "메리노"],
  ["면", "코튼", "순면"],
  ["린넨"],
  ["폴리에스터", "폴리"],
  ["나일론"],
  ["스판", "스판덱스", "폴리우레탄"],
  ["레이온", "비스코스"],
  ["아크릴"],
  ["구스다운", "거위털"],
  ["덕다운", "오리털"],
  ["가죽", "소가죽", "천연가죽"],
  ["인조가죽", "합성피혁", "레자"],
  ["스테인리스", "스텐"],
  ["실리콘"],
  ["유리"],
  ["세라믹"],
  ["원목"],
  ["사은품"],
  ["증정"],
  ["샘플"],
  ["1+1", "원플러스원"],
  ["무료배송", "무배"],
  ["배송비"],
  ["당일출고", "당일발송", "오늘출발"],
  ["당일배송"],
  ["새벽배송"],
  ["익일", "다음날", "내일"],
  ["예약배송", "예약판매"],
  ["해외배송", "해외직구"],
  ["제주", "도서산간"],
  ["한정수량", "한정판매"],
  ["재입고"],
  ["인덕션"],
  ["식기세척기", "식세기"],
  ["전자레인지"],
  ["오븐"],
  ["에어프라이어"],
  ["가스레인지"],
  ["아이폰"],
  ["갤럭시"],
  ["c타입", "usb-c"],
  ["무선"],
  ["방수"],
  ["교환"],
  ["반품"],
  ["환불"],
  ["국내산", "국산"],
  ["수입산", "수입품"],
];

/**
 * Claims with a polarity: the keyword, and whether the words right after it deny it
 * (`재고 없어요` is not `재고 있어요`). Each is checked as `keyword:+` or `keyword:-`.
 */
const POLAR: [RegExp, string][] = [
  [/품절|매진|솔드아웃/gu, "soldout"],
  [/재고/gu, "stock"],
  [/구매\s*가능|구입\s*가능|주문\s*가능/gu, "buyable"],
  [/호환/gu, "compatible"],
  [/사용\s*가능|사용\s*할\s*수|쓸\s*수/gu, "usable"],
  [/세탁기|물세탁|손세탁/gu, "washable"],
  [/드라이클리닝/gu, "dryclean"],
  [/무료/gu, "free"],
  [/가능/gu, "possible"],
];
const NEGATION = /^[^.,!?。\n]{0,8}?(없|않|안\s|안돼|안 돼|불가|못|어렵|X|x|✗|아니|미지원|제외)/u;
const NEGATION_BEFORE = /(안|못)\s*$/u;

/** Letter sizes are claims only as whole tokens (`M 사이즈`, `S/M/L`), never inside words. */
const LETTER_SIZE = /(?<![A-Za-z0-9])(XXS|XS|S|M|L|XL|XXL|XXXL|2XL|3XL|4XL|FREE|프리)(?![A-Za-z])/gu;

/**
 * The claim keys of colours (the groups before the materials), options a viewer names when
 * asking whether one is sold: the drafter's near-miss check (options.ts) uses them too.
 */
export const COLOUR_CLAIMS: ReadonlySet<string> = new Set(
  TERM_GROUPS.slice(
    0,
    TERM_GROUPS.findIndex((g) => g[0] === "캐시미어"),
  )
    .filter((g) => g[0] !== "블루투스")
    .map((g) => `term:${compact(g[0]!)}`),
);

const termIndex = new Map<string, string>();
for (const group of TERM_GROUPS) for (const word of group) termIndex.set(compact(word), compact(group[0]!));
const longTerms = [...termIndex.keys()].filter((w) => w.length > 1);
const termPattern = new RegExp(
  longTerms
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|"),
  "giu",
);
/**
 * One-syllable words (`면`, `울`) are claims only standing alone before a particle, a space or
 * a number (`면 100%`, `울은`), never inside other words (`면접`, `울산`).
 */
const shortTerms = [...termIndex.keys()].filter((w) => w.length === 1);
const shortPattern = new RegExp(
  `(?<![가-힣])(${shortTerms.map(escapeRegExp).join("|")})(?=$|[\\s\\d%,.)]|[은는이가을를의와과로](?![가-힣]))`,
  "gu",
);

/** Every checkable claim a text makes, in order, without duplicates. */
export function extractClaims(text: string): Claim[] {
  const claims = new Map<string, Claim>();
  const add = (key: string, words: string) => {
    if (!claims.has(key)) claims.set(key, { key, text: words.trim() });
  };
  for (const { value, unit, text: words } of numbers(text)) add(`num:${value}:${unit}`, words);
  const squashed = compact(text);
  for (const m of squashed.matchAll(termPattern)) add(`term:${termIndex.get(m[0].toLowerCase())}`, m[0]);
  for (const m of text.normalize("NFKC").matchAll(shortPattern)) add(`term:${termIndex.get(m[1]!)}`, m[1]!);
  for (const m of text.normalize("NFKC").matchAll(LETTER_SIZE))
    add(`size:${m[1]!.toUpperCase().replace("프리", "FREE")}`, m[0]);
  for (const [pattern, name] of POLAR) {
    for (const m of text.normalize("NFKC").matchAll(pattern)) {
      const start = m.index ?? 0;
      const after = text.normalize("NFKC").slice(start + m[0].length);
      const before = text.normalize("NFKC").slice(Math.max(0, start - 3), start);
      const negative = NEGATION.test(after) || NEGATION_BEFORE.test(before);
      add(`polar:${name}:${negative ? "-" : "+"}`, m[0]);
    }
  }
  return [...claims.values()];
}

/**
 * Whether every claim of `answer` is found in the cited `sources`. A number matches a source
 * number of the same value and unit family (or a source's bare number of that value); a term or a
 * polar claim must appear in a source with the same polarity.
 */
export function checkGrounding(answer: string, sources: readonly string[]): GroundingResult {
  const supported = new Set<string>();
  for (const source of sources) for (const claim of extractClaims(source)) supported.add(claim.key);
  const unsupported = extractClaims(answer).filter((claim) => !isSupported(claim.key, supported));
  return { grounded: unsupported.length === 0, unsupported };
}

/** Why a draft was withheld, in words a manager reads. */
export function groundingReason(unsupported: readonly Claim[]): string {
  return `근거 자료에 없는 내용: ${unsupported.map((c) => c.text).join(", ")}`;
}

function isSupported(key: string, supported: ReadonlySet<string>): boolean {
  if (supported.has(key)) return true;
  if (key.startsWith("num:")) {
    const [, value, unit] = key.split(":");
    // A source's bare number supports the draft's value with a unit ("39000" → "39,000원");
    // a bare number in the draft needs the same bare number in a source.
    return unit !== "" && supported.has(`num:${value}:`);
  }
  return false;
}

interface NumberMention {
  value: string;
  unit: string;
  text: string;
}

/**
 * The numbers in a text with their values and unit families. Pieces joined by Korean place
 * words are one number (`3만 9천` is 39000); a comma-separated list is several (`3, 4`).
 */
function numbers(text: string): NumberMention[] {
  const normal = text.normalize("NFKC");
  const found: NumberMention[] = [];
  let open: { value: number; place: number; start: number; end: number } | null = null;
  const close = () => {
    if (!open) return;
    const rest = normal.slice(open.end).trimStart();
    const unit = UNITS.find(([pattern]) => pattern.test(rest));
    const words = normal.slice(open.start, open.end).trim();
    const value = String(Math.round(open.value * 1000) / 1000);
    found.push({ value, unit: unit?.[1] ?? "", text: unit ? `${words}${rest.match(unit[0])![0]}` : words });
    open = null;
  };
  for (const m of normal.matchAll(NUMBER_PIECE)) {
    const start = m.index ?? 0;
    const n = Number(m[1]!.replace(/,/g, ""));
    const place = m[3] ? PLACE[m[3]]! : 1;
    // A smaller place right after a larger one continues the number ("3만 9천", "2만5천원").
    const continues = open !== null && place < open.place && /^\s*$/u.test(normal.slice(open.end, start));
    if (!continues) close();
    if (open !== null && continues) {
      open.value += n * place;
      open.place = place;
      open.end = start + m[0].length;
    } else {
      open = { value: n * place, place: place === 1 ? 0 : place, start, end: start + m[0].length };
    }
    if (place === 1) close();
  }
  close();
  return found;
}

function compact(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
