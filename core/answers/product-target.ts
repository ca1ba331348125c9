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
export function targetProduct(question: string, products: readonly ProductKnowledge[], productKey?: string): ProductTarget | null {
  const stems = contentStems(question).filter((s) => s.length >= 2);
  const chosen = productKey ? products.find((p) => p.key === productKey) : undefined;
  if (chosen) return { product: chosen, nameStems: namedBy(stems, chosen) };
  let best: { target: ProductTarget; score: number; first: number } | null = null;
  for (const product of products) {
    const named = namedBy(stems, product);
    if (named.length === 0) continue;
    const score = named.reduce((sum, s) => sum + s.length, 0);
    const first = stems.indexOf(named[0] as string);
    if (!best || score > best.score || (score === best.score && first < best.first)) {
      best = { target: { product, nameStems: named }, score, first };
    }
  }
  if (best) return best.target;
  const only = products.length === 1 ? products[0] : undefined;
  return only ? { product: only, nameStems: namedBy(stems, only) } : null;
}

/** Question stems that occur in the product's name or brand ("니트" in "라운드 울 블렌드 니트"). */
function namedBy(stems: readonly string[], product: ProductKnowledge): string[] {
  const name = normalizeText(`${product.name} ${product.brandName ?? ""}`).replace(/\s+/g, "");
  return stems.filter((s) => name.includes(s));
}
