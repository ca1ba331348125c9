import * as z from "zod";
import { IdLike, OptionalNumber, OptionalText, parseEach, type Parsed } from "./tolerant.ts";

/** One product inquiry (`/comments/PRODUCTINQUIRY/{productNo}` → `contents[]`). */
export const NaverInquiry = z.object({
  id: IdLike,
  commentContent: z.string().min(1),
  secretYn: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  maskedWriterId: OptionalText,
  createDate: OptionalText,
  answerYn: z.boolean().nullish(),
});
export type NaverInquiry = z.output<typeof NaverInquiry>;

const InquiryPageShape = z.object({
  contents: z.unknown(),
  totalElements: OptionalNumber.catch(null),
  totalPages: OptionalNumber.catch(null),
  page: OptionalNumber.catch(null),
});

/** A Q&A page; `secret` counts the private inquiries left out (never stored). */
export interface InquiryPage extends Parsed<NaverInquiry> {
  secret: number;
  totalElements: number | null;
  totalPages: number | null;
}

/** Parses a Q&A page, dropping secret inquiries; null when not that shape. */
export function parseInquiryPage(value: unknown): InquiryPage | null {
  const shape = InquiryPageShape.safeParse(value);
  if (!shape.success) return null;
  const all = parseEach(NaverInquiry, shape.data.contents);
  const items = all.items.filter((q) => !q.secretYn);
  return {
    items,
    malformed: all.malformed,
    secret: all.items.length - items.length,
    totalElements: shape.data.totalElements,
    totalPages: shape.data.totalPages,
  };
}

const Reply = z.object({ commentContent: z.string().min(1) });

/** The seller's answer from a replies answer (an array; `[0].commentContent`), or null. */
export function parseInquiryReply(value: unknown): string | null {
  const list = Array.isArray(value)
    ? value
    : z.object({ contents: z.array(z.unknown()) }).safeParse(value).data?.contents;
  const replies = parseEach(Reply, list).items;
  return replies[0]?.commentContent ?? null;
}
