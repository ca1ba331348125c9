import * as z from "zod";

/** The three intents a chat can have; `pending` while classification lags behind. */
export const Intent = z.enum(["general", "request", "question"]);
export type Intent = z.infer<typeof Intent>;

export const BoardIntent = z.enum(["general", "request", "question", "pending"]);
export type BoardIntent = z.infer<typeof BoardIntent>;

export const INTENTS: readonly Intent[] = Intent.options;

/** Korean labels, the dashboard's default language. */
export const INTENT_LABEL_KO: Record<Intent, string> = {
  general: "일반",
  request: "요청",
  question: "질문",
};
