import * as z from "zod";

const Line = z.string().trim().min(1).max(500);
const ProductKey = z.string().trim().min(1).max(64);

/** `PATCH /api/broadcasts/:id/knowledge`: the broadcast's answering text. */
export const KnowledgePatch = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(5000).optional(),
    notes: z.array(Line).max(200).optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: "nothing to change" });
export type KnowledgePatch = z.infer<typeof KnowledgePatch>;

/** `PUT /api/broadcasts/:id/products/:key/details`: the manager's detail lines. */
export const ProductDetails = z.object({ details: z.array(Line).max(100) });

/** `POST /api/broadcasts/:id/qna`: a manual Q&A pair; no productKey = about the whole broadcast. */
export const NewQna = z.object({
  productKey: ProductKey.optional(),
  question: z.string().trim().min(1).max(500),
  answer: z.string().trim().min(1).max(1000),
});

/** `PUT /api/broadcasts/:id/qna/:qnaId`: changes to a manual pair. */
export const QnaPatch = NewQna.partial().refine((p) => Object.values(p).some((v) => v !== undefined), {
  message: "nothing to change",
});

/** `POST /api/broadcasts/:id/answers/draft`. */
export const DraftRequest = z.object({
  question: z.string().trim().min(1).max(500),
  productKey: ProductKey.optional(),
});
export type DraftRequest = z.infer<typeof DraftRequest>;

/** A knowledge snippet suggested under a draft (core/answers/suggestions.ts), best first. */
export const SuggestionView = z.object({
  id: z.string(),
  kind: z.string(),
  productKey: z.string(),
  text: z.string(),
  score: z.number(),
  /** Words of `text` the question matched, highlighted by the panel (as text, never HTML). */
  matched: z.array(z.string()).default([]),
});
export type SuggestionView = z.infer<typeof SuggestionView>;

/** A draft as the API answers it; `suggestions` (≤ 5) also when it abstains. Older stored drafts have none. */
export const DraftResponse = z.object({
  answer: z.string(),
  abstained: z.boolean(),
  sources: z.array(z.object({ id: z.string(), kind: z.string(), productKey: z.string(), text: z.string() })),
  confidence: z.number(),
  /** Why a generated draft was withheld (shown to the manager beside the suggestions). */
  reason: z.string().optional(),
  suggestions: z.array(SuggestionView).max(5).default([]),
});
export type DraftResponse = z.infer<typeof DraftResponse>;
