import * as z from "zod";
import { IdLike, OptionalNumber, OptionalText, parseEach, type Parsed } from "./tolerant.ts";

/** A live coupon (`/v2/broadcast/{id}/coupons` → `{coupons:[…]}`). */
export const NaverCoupon = z.object({
  benefitPolicyName: z.string().min(1),
  benefitUnit: OptionalText,
  benefitValue: OptionalNumber,
  minOrderAmount: OptionalNumber,
  maxDiscountAmount: OptionalNumber,
  validPeriodStartDate: OptionalText,
  validPeriodEndDate: OptionalText,
});
export type NaverCoupon = z.output<typeof NaverCoupon>;

/** A broadcast benefit (`/v1/broadcast/{id}/broadcast-benefits` → `[…]`). */
export const NaverBenefit = z.object({
  id: IdLike,
  message: z.string().min(1),
  detailMessage: OptionalText,
  type: OptionalText,
});
export type NaverBenefit = z.output<typeof NaverBenefit>;

/** The coupons answer; a bare array is accepted too. */
export function parseCoupons(value: unknown): Parsed<NaverCoupon> {
  const list = Array.isArray(value) ? value : z.object({ coupons: z.unknown() }).safeParse(value).data?.coupons;
  return parseEach(NaverCoupon, list);
}

/** The benefits answer; `{list:[…]}` / `{benefits:[…]}` wrappers are accepted too. */
export function parseBenefits(value: unknown): Parsed<NaverBenefit> {
  if (Array.isArray(value)) return parseEach(NaverBenefit, value);
  const wrapped = z.object({ list: z.unknown().optional(), benefits: z.unknown().optional() }).safeParse(value).data;
  return parseEach(NaverBenefit, wrapped?.list ?? wrapped?.benefits);
}

/** One Korean line describing a coupon, for the knowledge index and answers. */
export function describeCoupon(c: NaverCoupon): string {
  const unit = c.benefitUnit === "PERCENT" || c.benefitUnit === "RATE" ? "%" : "원";
  const parts = [c.benefitPolicyName];
  if (c.benefitValue !== null) parts.push(`${c.benefitValue.toLocaleString("ko-KR")}${unit} 할인`);
  if (c.minOrderAmount) parts.push(`${c.minOrderAmount.toLocaleString("ko-KR")}원 이상 구매 시`);
  if (c.maxDiscountAmount) parts.push(`최대 ${c.maxDiscountAmount.toLocaleString("ko-KR")}원`);
  if (c.validPeriodEndDate) parts.push(`${c.validPeriodEndDate}까지`);
  return parts.join(", ");
}
