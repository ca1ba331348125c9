/** Per-broadcast moderation rules, edited live by a manager (validated with zod everywhere). */
import { z } from "zod";

export const ModerationSettings = z.object({
  /** Held as abuse when the chat (spaces, digits and punctuation ignored) contains one. */
  blockedWords: z.array(z.string().trim().min(1).max(40)).max(200).default([]),
  /** Regular expressions (JavaScript syntax, case-insensitive) that hold a chat as spam. */
  blockedPatterns: z
    .array(z.string().min(1).max(200).refine(isValidRegex, "not a valid regular expression"))
    .max(20)
    .default([]),
  /** Words the model must not hold a chat for (a brand or product name that looks like a curse). */
  allowedWords: z.array(z.string().trim().min(1).max(40)).max(200).default([]),
  /** Hosts links may point to (the shop's own domains); sub-domains included. */
  allowedDomains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)
        .max(100),
    )
    .max(50)
    .default(["naver.com"]),
  flood: z
    .object({
      /**
       * The chat that makes this many from one nickname within `nicknameWindowSeconds`, and later
       * ones, are held; 0 turns the rule off, the default: platforms mask nicknames (abc***), so
       * in a busy broadcast different viewers share one, and a manager turns it on for a raid.
       */
      nicknameMaxChats: z
        .number()
        .int()
        .min(0)
        .max(100)
        .refine((n) => n === 0 || n >= 2, "0 (off) or at least 2")
        .default(0),
      nicknameWindowSeconds: z.number().int().min(1).max(600).default(10),
      /**
       * One text (≥ sameTextMinLength characters) from this many nicknames within the window is
       * held; 0 turns the rule off, the default: in a busy broadcast common chats repeat
       * honestly (재입고 해주세요 제발요), so a manager turns it on for a raid.
       */
      sameTextNicknames: z
        .number()
        .int()
        .min(0)
        .max(100)
        .refine((n) => n === 0 || n >= 2, "0 (off) or at least 2")
        .default(0),
      sameTextWindowSeconds: z.number().int().min(1).max(600).default(30),
      sameTextMinLength: z.number().int().min(1).max(100).default(12),
    })
    .default({
      nicknameMaxChats: 0,
      nicknameWindowSeconds: 10,
      sameTextNicknames: 0,
      sameTextWindowSeconds: 30,
      sameTextMinLength: 12,
    }),
  /** 0: model off (rules only); 1 holds least, 4 most (AutoMod-like). */
  sensitivity: z.number().int().min(0).max(4).default(2),
});
export type ModerationSettings = z.infer<typeof ModerationSettings>;

export const DEFAULT_MODERATION_SETTINGS: ModerationSettings = ModerationSettings.parse({});

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source, "iu");
    return true;
  } catch {
    return false;
  }
}
