import * as z from "zod";
import { IdLike, NumberLike, OptionalNumber, OptionalText, parseEach, type Parsed } from "./tolerant.ts";

/** A product as the viewer API, `shoppingProducts[]` and `broadcast_shopping_product` send it. */
export const NaverProduct = z
  .object({
    key: IdLike.optional(),
    productNo: IdLike.nullish(),
    name: z.string().min(1),
    brandName: OptionalText,
    mallName: OptionalText,
    image: OptionalText,
    price: OptionalNumber,
    salePrice: OptionalNumber,
    discountRate: OptionalNumber,
    discountedSalePrice: OptionalNumber,
    specialPrice: OptionalNumber,
    status: OptionalText,
    broadcastProductStatus: OptionalText,
    represent: z.boolean().nullish(),
    stock: OptionalNumber,
    reviewCount: OptionalNumber,
    deliveryFee: OptionalNumber,
    productEndUrl: OptionalText,
  })
  .transform((p) => ({
    ...p,
    key: p.key ?? (p.productNo ? String(p.productNo) : p.name),
    productNo: p.productNo ?? null,
  }));
export type NaverProduct = z.output<typeof NaverProduct>;

/** A product list (array) with bad items counted and skipped. */
export function parseProducts(value: unknown): Parsed<NaverProduct> {
  return parseEach(NaverProduct, value);
}

const ProductPageShape = z.object({
  list: z.unknown(),
  page: NumberLike.catch(0),
  totalCount: OptionalNumber.catch(null),
  totalPage: OptionalNumber.catch(null),
});

/** The paged products answer `{list, page, totalCount, totalPage}`; null when not that shape. */
export function parseProductPage(
  value: unknown,
): (Parsed<NaverProduct> & { page: number; totalPage: number | null; totalCount: number | null }) | null {
  const shape = ProductPageShape.safeParse(value);
  if (!shape.success) return null;
  return {
    ...parseProducts(shape.data.list),
    page: shape.data.page,
    totalPage: shape.data.totalPage,
    totalCount: shape.data.totalCount,
  };
}

/**
 * The price a viewer pays now. Some collected data has `price` and `salePrice` swapped, so
 * the lower of the two counts as current only when the discount rate agrees with it;
 * otherwise `salePrice` (then `price`) as sent.
 */
export function currentPrice(p: Pick<NaverProduct, "price" | "salePrice" | "discountRate">): number | null {
  const { price, salePrice, discountRate } = p;
  if (price === null || salePrice === null) return salePrice ?? price;
  const high = Math.max(price, salePrice);
  const low = Math.min(price, salePrice);
  if (discountRate !== null && discountRate > 0 && high > 0) {
    const implied = Math.round(((high - low) / high) * 100);
    if (Math.abs(implied - discountRate) <= 1) return low;
  }
  return salePrice;
}
