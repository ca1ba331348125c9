import * as z from "zod";
import type { KnowledgeSet } from "./types.ts";

const Key = z.union([z.string(), z.number()]).transform(String);
const Money = z.number().nullish();

/**
 * One line of `npm run answer -- --cases` and of data/answers/cases.jsonl. Unknown fields
 * are ignored (zod strips them); `productKey` optionally names the product asked about.
 */
export const AnswerCase = z.object({
  broadcast: z
    .object({
      title: z.string().default(""),
      description: z.string().default(""),
      notes: z.array(z.string()).default([]),
    })
    .default({ title: "", description: "", notes: [] }),
  products: z
    .array(
      z.object({
        key: Key,
        name: z.string(),
        price: Money,
        salePrice: Money,
        discountRate: Money,
        status: z.string().nullish(),
        details: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  qna: z.array(z.object({ productKey: Key.nullish(), question: z.string(), answer: z.string() })).default([]),
  benefits: z.array(z.string()).default([]),
  question: z.string().min(1),
  productKey: Key.optional(),
});
export type AnswerCase = z.infer<typeof AnswerCase>;

/** What an evaluation case additionally says: whether it is answerable and the facts a good answer states. */
export const EvalCase = z.intersection(
  AnswerCase,
  z.object({
    id: z.string().default(""),
    /** dev, heldout, heldout2…4 for data/answers; any name (or none) for a split kept elsewhere. */
    split: z.string().default(""),
    category: z.string().default(""),
    expected: z.object({ answerable: z.boolean(), facts: z.array(z.string()) }),
  }),
);
export type EvalCase = z.infer<typeof EvalCase>;

/** The case's knowledge as a broadcast's knowledge set. */
export function caseKnowledge(c: AnswerCase, broadcastId = "case"): KnowledgeSet {
  return {
    broadcastId,
    title: c.broadcast.title,
    description: c.broadcast.description,
    notes: c.broadcast.notes,
    products: c.products.map((p) => ({ ...p, details: p.details })),
    qna: c.qna.map((q, i) => ({
      id: `q${i}`,
      productKey: q.productKey ?? null,
      question: q.question,
      answer: q.answer,
    })),
    benefits: c.benefits,
    answers: [],
  };
}

/** Identifies a knowledge set so cases sharing one share an index. */
export function knowledgeKey(c: AnswerCase): string {
  return JSON.stringify([c.broadcast, c.products, c.qna, c.benefits]);
}

/** Whether an answer states a fact: spaces and thousands separators do not matter. */
export function statesFact(answer: string, fact: string): boolean {
  const squash = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[\s,]/g, "");
  return squash(answer).includes(squash(fact));
}
