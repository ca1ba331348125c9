import { describe, expect, it } from "vitest";
import { targetProduct } from "./product-target.ts";
import type { ProductKnowledge } from "./types.ts";

const product = (key: string, name: string): ProductKnowledge => ({
  key,
  name,
  price: 10000,
  salePrice: null,
  discountRate: null,
  status: "SALE",
  details: [],
});
const products = [
  product("tent", "원터치 팝업 텐트 4~5인용"),
  product("chair", "캠프온 초경량 릴렉스 체어"),
  product("coat", "울 롱 코트"),
];

describe("targetProduct", () => {
  it("finds the product a question names", () => {
    expect(targetProduct("텐트 몇명 자요?", products)?.product.key).toBe("tent");
  });

  it("finds a product by an everyday word for its kind", () => {
    const target = targetProduct("의자 얼마에요", products);
    expect(target?.product.key).toBe("chair");
    expect(target?.nameStems).toEqual(["의자"]);
  });

  it("prefers the product's own name to a word of its kind", () => {
    const withPadding = [product("padding", "경량 패딩 점퍼"), product("coat", "울 롱 코트")];
    expect(targetProduct("코트 기장 어때요", withPadding)?.product.key).toBe("coat");
  });

  it("takes the manager's choice, the only product, or none among several", () => {
    expect(targetProduct("텐트 몇명 자요?", products, "chair")?.product.key).toBe("chair");
    expect(targetProduct("배송 언제 와요", [products[0]!])?.product.key).toBe("tent");
    expect(targetProduct("배송 언제 와요", products)).toBeNull();
  });
});
