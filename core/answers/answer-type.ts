import { colours } from "./options.ts";
import { normalizeText } from "./tokenize.ts";

/**
 * Answer-type checks: what kind of value a question asks for, so that only a source holding
 * that kind of value answers it. "몇 칼로리예요" is not answered by "단백질 20g", "몇시간 가요"
 * not by "완충 2시간 충전"'s neighbour "용량 5,000mAh", "소음 몇 데시벨" not by "풍량 3단계".
 * A viewer asks in words (`몇와트`, `칼로리 얼마`), the source states a figure (`45W`,
 * `120kcal`). The check is a gate for the rules and the second look alike: the suggestions
 * still show every line.
 */

/** Counting words (classifiers) that follow a number of things: 개, 대, 켤레, 과 (fruit), 장, 팩… */
const COUNTERS = "개|대|과|장|매|팩|봉|알|켤레|피스|pcs|구|통|병|포|입|벌|세트|번|회|마리|캔|롤|권|족|ea";
/** Native Korean numbers before a counter ("두 개", "세 켤레"). */
const NUMBER_WORDS = "한|두|세|네|다섯|여섯|일곱|여덟|아홉|열";

/** A unit family: how a viewer asks for it, and the figure a source must state. */
interface UnitFamily {
  name: string;
  asked: RegExp;
  stated: RegExp;
}

/**
 * Asked in the normalized question (lower case, punctuation dropped). A unit word right after
 * `몇` asks for that unit; a quantity's name followed by `몇`/`얼마` asks too (`칼로리 얼마`,
 * `소음 몇`). Words that also mean other things are left out (`몇분` is "how many people"
 * as often as "how many minutes").
 */
const FAMILIES: UnitFamily[] = [
  {
    name: "energy",
    asked: /몇\s*(칼로리|kcal)|(칼로리|열량|kcal)\s*(가|이|는|은)?\s*(몇|얼마|어느)/,
    stated: /\d\s*(kcal|칼로리)/,
  },
  {
    name: "power",
    asked: /몇\s*(와트|w(?![a-z]))|소비\s*전력\s*(이|은)?\s*(몇|얼마)/,
    stated: /\d\s*(k?w(?![a-z])|와트)/,
  },
  { name: "noise", asked: /몇\s*(데시벨|db)|(소음|데시벨)\s*(이|은)?\s*(몇|얼마)/, stated: /\d\s*(db|데시벨)/ },
  { name: "frequency", asked: /몇\s*(헤르츠|hz)|주사율\s*(이|은)?\s*(몇|얼마)/, stated: /\d\s*(hz|헤르츠)/ },
  { name: "battery", asked: /몇\s*(mah|밀리암페어)/, stated: /\d\s*mah/ },
  { name: "hours", asked: /몇\s*시간/, stated: /\d\s*(시간|h(?![a-z]))|(하루|반나절|종일)/ },
  { name: "inches", asked: /몇\s*(인치|inch)/, stated: /\d\s*(인치|형|inch|")/ },
  {
    name: "weight",
    asked: /몇\s*(키로|킬로|kg|그램|그람|g(?![a-z]))|(무게|중량)\s*(가|이|는|은)?\s*(몇|얼마)/,
    stated: /\d\s*(kg|g(?![a-z])|그램|킬로|키로)/,
  },
  { name: "length", asked: /몇\s*(센치|센티|cm|mm|미터)/, stated: /\d\s*(cm|mm|m(?![a-z])|센치|미터|인치)/ },
  { name: "volume", asked: /몇\s*(리터|밀리리터|ml|l(?![a-z]))/, stated: /\d\s*(ml|l(?![a-z])|리터|cc)/ },
  { name: "temperature", asked: /몇\s*도(?![가-힣])|온도\s*(가|는|은)?\s*(몇|얼마)/, stated: /\d\s*(도|°|℃)/ },
  { name: "servings", asked: /몇\s*인분/, stated: /\d\s*(인분|인용|인\b|인\s)/ },
  // How many come or fit ("몇개 들었어요", "몇대까지 충전", "몇켤레", "몇번 완충"): a weight
  // ("중량 3kg") or a capacity ("20,000mAh") is not a count; "과수: 10~13과", "최대 3대" are.
  // `몇개월` asks a period, `몇 입어요` a size, `몇번째` an order, `몇 구매` nothing countable.
  {
    name: "count",
    asked: new RegExp(`몇\\s*(${COUNTERS})(?!월|째|매|성|화|어|으|니|는|고|을)`),
    stated: new RegExp(`(\\d|${NUMBER_WORDS})\\s*(${COUNTERS})`),
  },
  { name: "people", asked: /몇\s*(명|인용)/, stated: /\d\s*(명|인용|인(?![가-힣]))/ },
  // A share asked with no discount in sight ("면 함량 몇퍼에요") is not the sale's "48% 할인".
  {
    name: "percent",
    asked: /^(?!.*(할인|세일|디씨|dc|off|싸|저렴)).*몇\s*(퍼|프로|%)/,
    stated: /\d\s*(%|퍼센트|프로)(?!\s*(할인|off|세일))/,
  },
  // How long a drink stays cold, or hot: "보온 12시간 70도 이상" does not answer the cold one.
  {
    name: "keeps-cold",
    asked:
      /(시원|차갑|차가|얼음|아이스|보냉).*(유지|얼마나|몇\s*시간|오래)|(유지|얼마나|몇\s*시간|오래).*(시원|차갑|차가|얼음|아이스|보냉)/,
    stated: /보냉|냉|차갑|차가|시원|얼음|\d\s*(도|℃)\s*이하/,
  },
  {
    name: "keeps-hot",
    asked: /(따뜻|뜨거|뜨끈|보온).*(유지|얼마나|몇\s*시간|오래)|(유지|얼마나|몇\s*시간|오래).*(따뜻|뜨거|뜨끈|보온)/,
    stated: /보온|따뜻|뜨거|뜨끈|\d\s*(도|℃)\s*이상/,
  },
];

/** The unit families a question asks for (usually none or one). */
export function askedUnits(question: string): string[] {
  const text = normalizeText(question);
  return FAMILIES.filter((f) => f.asked.test(text)).map((f) => f.name);
}

/** Whether a source states a figure of every unit family asked. */
export function statesUnits(source: string, units: readonly string[]): boolean {
  if (units.length === 0) return true;
  const text = source.normalize("NFKC").toLowerCase().replace(/,/g, "");
  return units.every((name) => FAMILIES.find((f) => f.name === name)!.stated.test(text));
}

/**
 * A number the viewer gives about themselves or their use ("키 160이면", "5살 애기", "매트리스
 * 28센치인데", "허리 27이면"): it is the situation, not the value asked for, so a source need not
 * repeat it ("만 3세 이상", "30cm까지", "26~28인치" answer). A number asked as an option that is
 * sold ("24cm 사이즈도 있어요?", "6키로 대용량은 안팔아요?") is still the value asked for.
 */
const OWN_FIGURE =
  /(\d+(?:\.\d+)?)\s*(?:살|세|개월|키로|킬로|kg|센치|센티|cm|인치|호|평|mm|사이즈)?\s*(?:정도|쯤)?\s*(?=인데|이면|면|입는데|신는데|쓰는데|되는데|살|세|개월)/g;

/** The question's numbers that describe the viewer's situation (see OWN_FIGURE), unless it asks whether something is sold. */
export function ownFigures(question: string, asksAvailability: boolean): Set<string> {
  if (asksAvailability) return new Set();
  return new Set([...normalizeText(question).matchAll(OWN_FIGURE)].map((m) => m[1]!));
}

/** "색상 뭐뭐있어요", "무슨 색": a colour is asked, so a source must name a colour (not "구성: 바스켓, 트레이"). */
const ASKS_COLOUR = /색상|컬러|색깔|무슨\s*색|어떤\s*색|색\s*(은|이)?\s*(뭐|몇|종류)/;

/** Whether the question asks which colours there are. */
export function asksColour(question: string): boolean {
  return ASKS_COLOUR.test(normalizeText(question));
}

/** Whether a source can answer a colour question: it names a colour or speaks of colours. */
export function statesColour(source: string): boolean {
  return /색상|컬러|색깔|(?<![가-힣])\S*색(?![가-힣])/.test(source) || colours(source).length > 0;
}

/**
 * A part asked as sold on its own ("리필만 사면 얼마에요", "칼날만 따로 살 수 있어요", "뚜껑
 * 따로 구매돼요"): a source must name the part; the product's own price or a line on another
 * part answers another question.
 */
const PART_ONLY = [
  /([가-힣a-z]{2,8})만\s*(따로|낱개|별도|단품|추가|사|구매|구입|주문|팔|파)/g,
  /([가-힣a-z]{2,8}?)(?:은|는|도|만)?\s*(따로|낱개로|단품으로|별도로)\s*(사|살|구매|구입|주문|팔|파)/g,
];

/** How much is bought, not what ("하나만 사도", "2만원어치만", "이거만"). */
const NOT_A_PART = /원어치|하나|^[한두세네]|개$|것$|거$|^이|^그|^저/;

/** The parts the question asks about as sold on their own (see PART_ONLY). */
export function partsAsked(question: string): string[] {
  const text = normalizeText(question);
  const parts = PART_ONLY.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
  return [...new Set(parts.filter((p) => !NOT_A_PART.test(p)))];
}

/** Whether a source names every part asked about (spaces ignored). */
export function statesParts(source: string, parts: readonly string[]): boolean {
  const compact = normalizeText(source).replace(/\s+/g, "");
  return parts.every((p) => compact.includes(p));
}

/**
 * "배송 언제 와요", "며칠 걸려요", "얼마나 걸려요": the question asks when, or how long until.
 * Without it the second look reads "배송 언제 와요" as "배송" alone (언제 is a word of asking),
 * and a shipping-time line and a free-shipping line look alike.
 */
const ASKS_WHEN = /언제|며칠|몇\s*일(?!분)|얼마나\s*(걸|있다가|지나)|걸려|걸리|도착/;

/** A time, a date or how long: "이틀 안에", "내일 출발", "당일 출고", "2~3일", "오후 2시", "12월 중순". */
const STATES_TIME =
  /\d\s*(일|시(?!즌|리즈|계)|주|개월|달|월|분(?!량)|시간|년)|이틀|사흘|나흘|하루|내일|모레|당일|익일|오늘|다음\s*날|주말|평일|[월화수목금토]요일|영업일|순차|즉시|이번\s*주|다음\s*주|초순|중순|하순|월말|연말/;

/** Whether the question asks when, or how long until (see ASKS_WHEN). */
export function asksWhen(question: string): boolean {
  return ASKS_WHEN.test(normalizeText(question));
}

/** Whether a source states a time, a date or a length of time (see STATES_TIME). */
export function statesTime(source: string): boolean {
  return STATES_TIME.test(normalizeText(source));
}

/**
 * Events a viewer asks the time of, other than the order's own delivery: a "when" question
 * about one is answered only by a source that names it. "다음 방송 언제 해요?" is not answered by
 * "오늘 주문은 내일 출고됩니다", nor "재입고 언제돼요?" by a shipping time: each states the time
 * of something else.
 */
const EVENTS: readonly { asked: RegExp; named: RegExp }[] = [
  // The broadcast as the subject ("다음 방송", "라방 언제"), not "방송 보고 주문하면 언제 와요".
  {
    asked: /(다음|담|또|다른)\s*(방송|라방|라이브|생방)|(방송|라방|라이브|생방)\s*(은|는|도)?\s*(언제|몇\s*시)/,
    named: /방송|라방|라이브|생방|편성/,
  },
  { asked: /재입고|입고\s*(언제|일|예정|되)|리오더|재판매/, named: /입고|리오더|재판매|재고/ },
  { asked: /출시|발매|런칭|론칭/, named: /출시|발매|런칭|론칭/ },
];

/** The events a "when" question asks the time of (see EVENTS); none for other questions. */
export function eventsAsked(question: string): RegExp[] {
  const text = normalizeText(question);
  return ASKS_WHEN.test(text) ? EVENTS.filter((e) => e.asked.test(text)).map((e) => e.named) : [];
}

/** Whether a source names every event asked about. */
export function namesEvents(source: string, events: readonly RegExp[]): boolean {
  const text = normalizeText(source);
  return events.every((e) => e.test(text));
}
