import { normalizeText } from "./tokenize.ts";
import { contentStems } from "./question-key.ts";
import type { ProductKnowledge } from "./types.ts";

/** The product a question is about, and the question stems that named it. */
export interface ProductTarget {
  product: ProductKnowledge;
  /** Stems of the question that matched the product name (excluded from content matching). */
  nameStems: string[];
}

/**
 * Which product the question means: the one the manager chose, the only one, or the one
 * whose name the question mentions (longest match; on a tie the one mentioned first, then
 * the one listed first). Null when none is named among several.
 */
export function targetProduct(
  question: string,
  products: readonly ProductKnowledge[],
  productKey?: string,
): ProductTarget | null {
  const stems = contentStems(question).filter((s) => s.length >= 2);
  const chosen = productKey ? products.find((p) => p.key === productKey) : undefined;
  if (chosen) return { product: chosen, nameStems: namedBy(stems, chosen) };
  let best: { target: ProductTarget; score: number; first: number } | null = null;
  for (const product of products) {
    const named = namedBy(stems, product);
    if (named.length === 0) continue;
    // A word of the name itself counts fully, a word of its kind ("의자" for "체어") half.
    const own = productName(product);
    const score = named.reduce((sum, s) => sum + (own.includes(s) ? s.length : s.length / 2), 0);
    const first = stems.indexOf(named[0] as string);
    if (!best || score > best.score || (score === best.score && first < best.first)) {
      best = { target: { product, nameStems: named }, score, first };
    }
  }
  if (best) return best.target;
  const only = products.length === 1 ? products[0] : undefined;
  return only ? { product: only, nameStems: namedBy(stems, only) } : null;
}

/** Whether a text names the product by its own words or its kind (a source about it, not another). */
export function namesProduct(text: string, product: ProductKnowledge): boolean {
  return (
    namedBy(
      contentStems(text).filter((s) => s.length >= 2),
      product,
    ).length > 0
  );
}

/**
 * Everyday words and the loanwords sellers name products with: a viewer asks about "의자"
 * of a product listed as "릴렉스 체어". Each group names one kind of product.
 */
const PRODUCT_WORDS: readonly (readonly string[])[] = [
  ["의자", "체어"],
  ["책상", "데스크"],
  ["침대", "베드"],
  ["탁자", "테이블"],
  ["수납장", "캐비닛"],
  ["선반", "랙"],
  ["바지", "팬츠", "슬랙스"],
  ["치마", "스커트"],
  ["신발", "슈즈"],
  ["운동화", "스니커즈"],
  ["가방", "백팩", "토트백", "숄더백", "크로스백"],
  ["윗옷", "상의", "티셔츠"],
  ["잠옷", "파자마"],
  ["외투", "코트", "자켓", "재킷", "점퍼", "패딩"],
  ["스웨터", "니트"],
  ["양말", "삭스"],
  ["믹서기", "믹서", "블렌더"],
  ["청소기", "클리너"],
  ["선풍기", "서큘레이터"],
  ["솥", "냄비", "팟"],
  ["주전자", "포트", "케틀"],
  ["물병", "텀블러", "보틀"],
  ["컵", "머그"],
  ["접시", "플레이트"],
  ["수건", "타월", "타올"],
  ["베개", "필로우"],
  ["이불", "차렵", "구스"],
  ["이어폰", "이어버드", "버즈"],
  ["헤드폰", "헤드셋"],
  ["충전기", "충전거치대", "차저"],
  ["보조배터리", "파워뱅크"],
  ["노트북", "랩탑"],
  ["선크림", "썬크림", "선블록", "자외선차단"],
  ["영양제", "보충제"],
  ["간식", "져키", "트릿"],
  ["장난감", "토이"],
];

/** The name's words, with the other words of each product-word group it contains. */
function nameWords(name: string): string {
  const also = PRODUCT_WORDS.filter((group) => group.some((w) => name.includes(w))).flat();
  return also.length ? `${name}${also.join("")}` : name;
}

function productName(product: ProductKnowledge): string {
  return normalizeText(`${product.name} ${product.brandName ?? ""}`).replace(/\s+/g, "");
}

/** Question stems that occur in the product's name or brand ("니트" in "라운드 울 블렌드 니트"), or name its kind. */
function namedBy(stems: readonly string[], product: ProductKnowledge): string[] {
  const name = nameWords(productName(product));
  return stems.filter((s) => name.includes(s));
}
