/** Moderation verdicts: what is held, why, and how sure. */

/** The model's classes; `ok` first (its logit is fixed at 0, as in the intent model). */
export const MODERATION_CLASSES = ["ok", "abuse", "spam", "personal_info"] as const;
export type ModerationClass = (typeof MODERATION_CLASSES)[number];

export const HOLD_CATEGORIES = ["abuse", "spam", "personal_info"] as const;
export type HoldCategory = (typeof HOLD_CATEGORIES)[number];

export interface Verdict {
  hold: boolean;
  /** Why it is held; null when not held. */
  category: HoldCategory | null;
  /** 0..1: the model's probability of the category, or 1 for a rule. */
  score: number;
  /** Rule names (`rule:phone`, `rule:blocked_word`…) or `model`, in the order they fired. */
  reasons: string[];
}

export const OK_VERDICT: Verdict = Object.freeze({
  hold: false,
  category: null,
  score: 0,
  reasons: Object.freeze([]) as unknown as string[],
});
