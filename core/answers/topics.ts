/**
 * What a question asks about, and which knowledge lines speak to it. One table serves both
 * sides so a question cue and a line cue for the same topic never drift apart.
 */

export type Topic =
  | "price"
  | "discount"
  | "stock"
  | "size"
  | "fit"
  | "material"
  | "care"
  | "shipping"
  | "returns"
  | "options"
  | "benefit"
  | "ingredient"
  | "capacity"
  | "expiry"
  | "origin"
  | "storage"
  | "usage"
  | "skin"
  | "age"
  | "safety"
  | "warranty"
  | "battery"
  | "runtime"
  | "weight"
  | "load"
  | "waterproof"
  | "compat"
  | "spec"
  | "gift"
  | "taste"
  | "stand"
  | "texture"
  | "power"
  | "temperature";

interface TopicCues {
  /** Cues in a question (matched on the normalized text without spaces). */
  ask: RegExp;
  /** Cues in a knowledge line or its label. */
  line: RegExp;
}

/** Structured topics are answered from Naver's product fields before any text. */
export const STRUCTURED_TOPICS: ReadonlySet<Topic> = new Set(["price", "discount", "stock"]);

export const TOPICS: Record<Topic, TopicCues> = {
  price: {
    ask: /가격|(?<!높이|길이|무게|용량|크기|사이즈|기간|시간|기장)얼마(?!나|마다|만|동안|간격|큼)|금액|판매가|정가|몇원|가격대|price/,
    line: /가격|판매가|정가|원$/,
  },
  discount: { ask: /할인|세일|몇프로|몇퍼|%|특가|dc/, line: /할인|세일|특가/ },
  // "얼마에 살 수 있어요" asks the price and "상의만 따로 살 수 있어요" the options, not the stock.
  stock: {
    ask: /재고|품절|남았|남아|매진|(?<!따로|만)구매가능|(?<!얼마에|따로|만)살수있|재입고/,
    line: /재고|품절|재입고|한정/,
  },
  size: {
    ask: /사이즈|크기|치수|기장|총장|어깨|가슴단면|허리|발볼|호수|몇cm|몇센치|길이|정사이즈|프리사이즈|빅사이즈|작게나|크게나|[5-9][5-9](사이즈|도|입|까지|반)|인치|몇형|높이|가로|세로길이|너비|폭이|깊이/,
    line: /사이즈|크기|치수|기장|총장|어깨|가슴|허리|발볼|cm|센치|mm|길이|free|프리|인치|\d형|높이|가로|너비|깊이/,
  },
  fit: {
    ask: /핏|정사이즈|작게나|크게나|여유|타이트|오버핏|키\d|몸무게|kg.*입|입어도/,
    line: /핏|정사이즈|작게|크게|여유|타이트|추천|모델/,
  },
  material: {
    ask: /소재|재질|원단|면이에요|면인가|면100|폴리|울혼방|울소재|울이에요|울인가|캐시미어|가죽|비침|두께|두꺼|얇|신축|스판|보풀|재료|나무|스텐|스테인|유리|플라스틱/,
    line: /소재|재질|원단|혼용|면\s?\d|폴리|울\s?\d|캐시미어|가죽|비침|두께|신축|스판|스테인|유리|플라스틱|원목|실리콘/,
  },
  care: {
    ask: /세탁|빨래|손빨래|빨(수|아|면|어)|드라이|건조기|세탁기|식세기|식기세척|관리|다림/,
    line: /세탁|손빨래|드라이|건조기|식기세척|다림|관리/,
  },
  shipping: {
    ask: /배송|택배|출고|발송|출발|도착|언제와|언제받|배송비|무료배송|오늘주문/,
    line: /배송|택배|출고|발송|출발|도착|배송비/,
  },
  returns: { ask: /반품|교환|환불|반송|취소/, line: /반품|교환|환불|반송/ },
  options: {
    ask: /색상|컬러|색깔|무슨색|어떤색|옵션|구성|종류|몇가지|블랙|화이트|베이지|네이비|그레이|핑크|맛/,
    line: /색상|컬러|옵션|구성|종류|맛/,
  },
  benefit: { ask: /쿠폰|혜택|적립|포인트|이벤트|추가할인|중복/, line: /쿠폰|혜택|적립|포인트|이벤트|중복/ },
  gift: { ask: /사은품|증정|덤|선물|샘플/, line: /사은품|증정|덤|샘플|선물/ },
  ingredient: {
    ask: /성분|함량|원재료|알레르기|알러|함유|첨가물|비건|무향|향이|향은|향있|향나|향어|향기|무슨향|어떤향|냄새|칼로리|당류/,
    line: /성분|함량|원재료|알레르기|알러|함유|첨가물|비건|향|칼로리|kcal|당류/,
  },
  capacity: {
    ask: /용량|중량|몇g|몇ml|^ml$|몇미리|^미리$|몇그램|몇개|개입|몇매|몇팩|수량|몇인분|몇봉|한봉|한팩|한포|몇포|몇피스|몇알|몇정|몇캡슐|양이|양은|리터/,
    line: /용량|중량|\dg|\dml|\d개(?!월)|\d매|\d팩|\d인분|\d봉|\d포|\d피스|\dpcs|\d알|\d정|\d캡슐|리터|\dl\b/,
  },
  expiry: {
    ask: /유통기한|소비기한|사용기한|제조일|언제까지|먹어야|기한|두고(먹|드|써|쓰)|보관기간/,
    line: /유통기한|소비기한|제조일|기한|섭취/,
  },
  // Lines also name a place with 산 ("호주산", "노르웨이산"), but not 우산, 등산, 생산 and the like.
  origin: {
    ask: /원산지|국산|국내산|수입|어디산|제조국|made|어느나라|생산지|산지|어디(꺼|거|것|께)|어디서(만들|생산)|[중미]국산/,
    line: /원산지|국산|국내산|수입|제조국|made|생산|(?<![가-힣])(?![가-힣]*(우|양|등|생|계|예|출|화)산)[가-힣]{2,4}산(?=[\s,)/]|$)/,
  },
  storage: { ask: /보관|냉동|냉장|실온|해동/, line: /보관|냉동|냉장|실온|해동/ },
  usage: {
    ask: /사용법|사용방법|사용량|어떻게써|어떻게사용|바르|발라|먹는법|조리|데우|데워|조립|전자레인지|에어프라이|레시피|설치|펌핑|펌프|다는법|장착|아이소픽스|isofix/,
    line: /사용법|사용 방법|사용방법|바르|조리|데우|전자레인지|에어프라이|설치|조립|방법|펌프|isofix/,
  },
  skin: { ask: /피부|민감|지성|건성|트러블|자극|여드름/, line: /피부|민감|지성|건성|트러블|자극|저자극/ },
  age: {
    ask: /몇살|연령|나이|개월|아기|유아|신생아|초등|사용연령|[두세]돌|돌아기|돌쟁이|몇돌|\d돌/,
    line: /\d세|연령|개월|신생아|유아|초등|세이상|세부터/,
  },
  safety: {
    ask: /인증|kc|안전|유해|bpa|무독성|검사|기내|비행기|항공/,
    line: /인증|kc|안전|유해|bpa|무독성|검사|기내|항공/,
  },
  warranty: { ask: /(?<![a-z])as(?![a-z])|보증|수리|고장|무상/, line: /(?<![a-z])a\/?s(?![a-z])|보증|수리|무상/ },
  battery: { ask: /배터리|충전|사용시간|완충|전원|몇시간(써|사용|가)/, line: /배터리|충전|사용\s?시간|연속|완충|mah/ },
  // How long one charge lasts, apart from how long charging takes: both are battery lines.
  runtime: {
    ask: /한번충전|얼마나(써|쓰|사용|가)|오래가|사용시간|재생시간|(몇시간|몇분)(써|쓰|사용|가)/,
    line: /사용\s?시간|재생|연속|최대\s?[\d.]+\s?(분|시간)/,
  },
  weight: { ask: /무게|무거|가벼|몇키|몇kg|그램/, line: /무게|kg|\dg\b/ },
  // What it carries, apart from what it weighs ("최대 하중 100kg", "0~18kg" for a car seat).
  load: { ask: /하중|버티|견디|몇(키|kg)(로)?까지/, line: /하중|~\s?\d+(\.\d+)?\s?kg|\d\s?kg\s?(까지|이하)/ },
  waterproof: {
    ask: /방수|생활방수|물에|젖|비오|비맞|빗물|우천|발수|워터프루프/,
    line: /방수|ipx|ip\d|발수|워터프루프/,
  },
  compat: {
    ask: /호환|연결|블루투스|아이폰|갤럭시|안드로이드|맥북|지원|c타입|타입c|usb|hdmi|단자|포트/,
    line: /호환|연결|블루투스|지원|아이폰|갤럭시|단자|포트|usb|hdmi|c타입/,
  },
  spec: {
    ask: /사양|스펙|성능|해상도|출력|소음|전력|와트|용량|주사율|헤르츠|hz/,
    line: /사양|스펙|성능|해상도|출력|소음|전력|w\b|db|주사율|hz/,
  },
  stand: { ask: /피벗|세로|회전|돌려|돌릴|각도|틸트|높이조절/, line: /피벗|틸트|스위블|각도|높이\s?조절|회전/ },
  taste: {
    ask: /매워|매운|맵나|맵기|맵지|달아|달달|단가요|짜요|짠가|싱거|당도|식감|비린/,
    line: /맵기|매운|맵|당도|단맛|짠맛|식감|달콤/,
  },
  // How a cosmetic or fabric feels and finishes on skin, apart from what it is made of (material).
  texture: {
    ask: /발림|백탁|끈적|제형|촉감|마무리감|흡수|촉촉|보송|뽀송|산뜻|번들|텍스처|텍스쳐|까슬|까끌/,
    line: /발림|백탁|끈적|제형|촉감|마무리감|흡수|촉촉|보송|뽀송|산뜻|텍스처|텍스쳐/,
  },
  // What it draws from the wall and costs to run, apart from charging a battery.
  power: {
    ask: /소비전력|전기세|전기요금|전기료|전압|110v|220v|프리볼트|에너지등급|효율등급|에너지효율/,
    line: /소비전력|대기전력|정격\s?(전압|소비)|전압|110v|220v|프리볼트|에너지.{0,4}등급|효율\s?\d등급|전기요금/,
  },
  // Temperatures it reaches or withstands, including how long it keeps warm or cold.
  temperature: { ask: /온도|몇도|내열|내한|보온|보냉|℃|°c/, line: /온도|내열|내한|보온|보냉|\d\s?(℃|°c)/ },
};

const ORDER = Object.keys(TOPICS) as Topic[];

/**
 * A narrower topic that replaces a broader one when both cues appear: "몇키로까지 버텨요" asks
 * what it carries, and a line saying what it weighs must not answer it.
 */
const NARROWS: Partial<Record<Topic, Topic>> = { load: "weight" };

/** The topics a question asks about, in table order (most specific facts first). */
export function questionTopics(normalizedQuestion: string): Topic[] {
  const compact = normalizedQuestion.replace(/\s+/g, "");
  const asked = ORDER.filter((t) => TOPICS[t].ask.test(compact));
  const narrowed = new Set(asked.map((t) => NARROWS[t]).filter((t) => t !== undefined));
  return asked.filter((t) => !narrowed.has(t));
}

/**
 * The topics a knowledge line speaks to: its label's ("구성: …" is about options) and its
 * content's ("… 8개입" is about capacity), since managers file facts under loose labels.
 */
export function lineTopics(line: string): Topic[] {
  const lower = line.normalize("NFKC").toLowerCase();
  const label = splitLabel(lower)?.label.replace(/\s+/g, "") ?? "";
  return ORDER.filter((t) => TOPICS[t].line.test(lower) || (label !== "" && TOPICS[t].ask.test(label)));
}

/** "소재: 면 100%" → {label:"소재", value:"면 100%"}; null when the line has no short label. */
export function splitLabel(line: string): { label: string; value: string } | null {
  const m = /^\s*([^:：\-–]{1,12}?)\s*[:：]\s*(.+)$/.exec(line) ?? /^\s*\[([^\]]{1,12})\]\s*(.+)$/.exec(line);
  if (!m?.[1] || !m[2]) return null;
  // A ratio or a time ("백미와 1:2 비율로", "오후 2:30") is not a label and its value.
  if (/\d$/.test(m[1]) && /^\d/.test(m[2])) return null;
  return { label: m[1].trim(), value: m[2].trim() };
}

/**
 * Topics viewers' cue words often name for one another: "얼마나 가요" (runtime) asks how long a
 * food keeps (expiry, storage) or a scent lasts; "몇개" (capacity) asks what a set holds
 * (options, gift); "뜨거운 물 부어도" (material) asks the heat a glass takes (temperature). The
 * second look may weigh a line on a neighbouring topic; its model decides whether it answers.
 */
export const NEAR_TOPICS: Partial<Record<Topic, readonly Topic[]>> = {
  runtime: ["expiry", "storage", "battery"],
  expiry: ["runtime", "storage", "shipping"],
  storage: ["expiry", "runtime"],
  capacity: ["size", "options", "gift"],
  size: ["capacity", "fit"],
  material: ["ingredient", "temperature", "compat"],
  ingredient: ["material", "taste"],
  taste: ["ingredient", "options"],
  options: ["taste", "ingredient", "capacity"],
  usage: ["skin", "age", "texture", "waterproof", "compat"],
  waterproof: ["usage", "size"],
  compat: ["size", "usage", "temperature"],
  shipping: ["returns", "storage"],
};

/** A topic the question's cue words name, and its neighbours (NEAR_TOPICS). */
export function nearTopics(topics: readonly Topic[]): Set<Topic> {
  return new Set(topics.flatMap((t) => [t, ...(NEAR_TOPICS[t] ?? [])]));
}
