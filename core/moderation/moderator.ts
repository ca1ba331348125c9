/**
 * Intent and moderation in one pass per chat: the intent features are extracted once,
 * the intent model reads them, the moderation model reads them (folded) plus its own
 * families, and the precise rules (personal information, links, blocked words/patterns,
 * floods) run only where the cheap raw-text scan says they could fire.
 */
import { MAX_FEATURES, extractFeatures, lastPass } from "../intent/features.ts";
import { type IntentModel, checkModel, isBlank, logitsFromFeatures, topClass } from "../intent/model.ts";
import type { IntentResult } from "../intent/types.ts";
import { hasContactHandle } from "./contact.ts";
import { containsCurse } from "./curses.ts";
import { looksLikeMarkup } from "./markup.ts";
import { MAX_MODERATION_FEATURES, containsLetters, leanSums, lettersOf, packWeights } from "./features.ts";
import { FloodTracker } from "./flood.ts";
import { linksOf } from "./links.ts";
import {
  LEAN_FEATURES,
  type ModerationModel,
  appendFor,
  checkModerationModel,
  logitsFromFeatures as moderationLogits,
  softmaxFromLogits,
  surelyOkBelow,
} from "./model.ts";
import { findPersonalInfo } from "./pii.ts";
import { secondStageProbability } from "./second-stage.ts";
import { hasSpelledLink } from "./spelled.ts";
import { mayHoldPersonalInfo, scanChat } from "./scan.ts";
import { DEFAULT_MODERATION_SETTINGS, type ModerationSettings } from "./settings.ts";
import { HOLD_CATEGORIES, OK_VERDICT, type HoldCategory, type Verdict } from "./types.ts";

export interface ChatToModerate {
  message: string;
  nickname: string;
  at: number;
}

/** Settings compiled once per change: words to letter arrays, patterns to RegExps. */
export interface CompiledRules {
  readonly settings: ModerationSettings;
  readonly blockedWords: readonly Int32Array[];
  readonly allowedWords: readonly Int32Array[];
  readonly patterns: readonly RegExp[];
}

export function compileRules(settings: ModerationSettings): CompiledRules {
  return {
    settings,
    blockedWords: settings.blockedWords.map(lettersOf).filter((w) => w.length > 0),
    allowedWords: settings.allowedWords.map(lettersOf).filter((w) => w.length > 0),
    patterns: settings.blockedPatterns.map((p) => new RegExp(p, "iu")),
  };
}

export const DEFAULT_RULES = compileRules(DEFAULT_MODERATION_SETTINGS);

/** One character repeated this many times in a row is a flood (ㅋ×20 as much as !×20). */
const CHARACTER_FLOOD = 20;
const EMOJI_WALL = 10;
const WORD_FLOOD = 6;
/** Latin letters a chat needs before the contact-handle rule looks at it (an ID has at least 4 characters). */
const CONTACT_LATIN = 3;
/** The abuse logit (against ok's 0) from which the curse rule looks at a chat (see classifyBatch). */
const CURSE_GATE = -1.2;
/** Latin letters before a link spelled with `dot` or ` . ` may be there (abc dot com: 6). */
const SPELLED_LINK_LATIN = 6;
/** One phrase said three times or more, at least this long without spaces, is a flood (무료 쿠폰 받으세요 ×3). */
const PHRASE_FLOOD_LENGTH = 20;
const PHRASE_FLOOD_REPEATS = 3;
/**
 * Letters (spaces aside) a chat needs before the model may hold it as spam: an offer takes words, and
 * floods of a short chat are the rules' (character, word, phrase, nickname). Below it sit ㄱㄱ, ㅇㅋ, 굿굿.
 */
const MODEL_SPAM_MIN_LETTERS = 4;

export interface Moderator {
  /** Intents and verdicts of a batch, in order; `flood` (one per broadcast) advances by the chats' times. */
  classifyBatch(
    chats: readonly ChatToModerate[],
    rules?: CompiledRules,
    flood?: FloodTracker,
  ): { intents: IntentResult[]; verdicts: Verdict[] };
}

export function createModerator(intentSource: () => IntentModel, moderationSource: () => ModerationModel): Moderator {
  let intent: IntentModel | null = null;
  let moderation: ModerationModel | null = null;
  const features = new Int32Array(Math.max(MAX_FEATURES, MAX_MODERATION_FEATURES));
  const logits = new Float64Array(3);
  const p = new Float64Array(4);
  /** The shipped (lean, int8) model's weights packed for leanSums; null for other models. */
  let packed: Int32Array | null = null;
  /** surelyOkBelow of the model's threshold at each sensitivity, computed once. */
  let okBelow: readonly number[] = [];
  const sums = new Int32Array(3);
  const top = { best: 0, p: 0 };
  /** For callers without a broadcast of their own (CLIs, tests); the hub passes its own. */
  const sharedFlood = new FloodTracker();
  return {
    classifyBatch(chats, rules = DEFAULT_RULES, flood = sharedFlood) {
      if (intent === null || moderation === null) {
        intent = checkModel(intentSource());
        moderation = checkModerationModel(moderationSource());
        if (moderation.intentBits !== intent.bits)
          throw new Error("moderation weights were trained on a different intent hashing width");
        // Below the threshold (or the second stage's screen, when the model has one) the chat is surely ok.
        const screen = moderation.second?.screen ?? 1;
        okBelow = moderation.thresholds.map((t) => surelyOkBelow(Math.min(t, screen)));
        if (moderation.featureVersion === LEAN_FEATURES && moderation.weights instanceof Int8Array)
          packed = packWeights(moderation.weights);
      }
      const intents = new Array<IntentResult>(chats.length);
      const verdicts = new Array<Verdict>(chats.length);
      for (let i = 0; i < chats.length; i++) {
        const chat = chats[i]!;
        if (isBlank(chat.message)) {
          intents[i] = { intent: "general", confidence: 1 };
          verdicts[i] = OK_VERDICT;
          continue;
        }
        const intentCount = extractFeatures(chat.message, features, intent.bits);
        logitsFromFeatures(intent, features, intentCount, logits);
        topClass(logits, intent.temperature, top);
        intents[i] = { intent: intent.classes[top.best]!, confidence: top.p };
        // The moderation logits into p[1..3], and `letters` filled for the word rules.
        if (packed !== null) {
          leanSums(packed, moderation.bits, sums);
          const s = moderation.scales!;
          p[0] = 0;
          p[1] = sums[0]! * s[0]!;
          p[2] = sums[1]! * s[1]!;
          p[3] = sums[2]! * s[2]!;
        } else {
          const count = intentCount + appendFor(moderation, features, intentCount);
          moderationLogits(moderation, features, intentCount, count, p);
        }
        // The curse rule reads the letters pass only where the model's abuse logit is not clearly clean:
        // every curse spelling sits far above CURSE_GATE, three in four shopping chats below it, and the
        // check cost more in the hub's pass (~0.2 µs a chat) than alone.
        const cursed = p[1]! >= CURSE_GATE && containsCurse();
        verdicts[i] = judge(chat, moderation, okBelow, rules, flood, p, features, intentCount, cursed);
      }
      return { intents, verdicts };
    },
  };
}

/**
 * The verdict of one chat whose model logits are in p[1..3] (ok's is 0) and whose letters hold a
 * curse when `cursed` (curses.ts): rules first (each behind the raw scan's prefilter), then the
 * model. The common case allocates nothing (OK_VERDICT).
 */
function judge(
  chat: ChatToModerate,
  model: ModerationModel,
  okBelow: readonly number[],
  rules: CompiledRules,
  flood: FloodTracker,
  p: Float64Array,
  features: Int32Array,
  intentCount: number,
  cursed: boolean,
): Verdict {
  const s = scanChat(chat.message);
  const settings = rules.settings;
  let reasons: string[] | null = null;
  let category: HoldCategory | null = null;
  if (mayHoldPersonalInfo(s)) {
    for (const span of findPersonalInfo(chat.message)) {
      category = "personal_info";
      (reasons ??= []).push(`rule:${span.kind}`);
    }
  }
  let spam: string | null = null;
  let links: { allowed: string[]; disallowed: string[] } | null = null;
  if (rules.blockedWords.length > 0 && rules.blockedWords.some(containsLetters)) {
    category ??= "abuse";
    (reasons ??= []).push("rule:blocked_word");
  }
  if (category === null && cursed && !rules.allowedWords.some(containsLetters)) {
    category = "abuse";
    (reasons ??= []).push("rule:curse");
  }
  if (rules.patterns.length > 0 && rules.patterns.some((re) => re.test(chat.message))) spam = "rule:blocked_pattern";
  else if (s.dotted && (links = linksOf(chat.message, settings.allowedDomains)).disallowed.length > 0)
    spam = "rule:link";
  else if (s.latin >= CONTACT_LATIN && hasContactHandle(chat.message)) spam = "rule:contact_handle";
  else if ((s.saidDot || s.latin >= SPELLED_LINK_LATIN) && hasSpelledLink(chat.message)) spam = "rule:spelled_link";
  else if (s.angled && s.latin >= 2 && looksLikeMarkup(chat.message)) spam = "rule:markup";
  else if (s.longestRun >= CHARACTER_FLOOD) spam = "rule:flood_characters";
  else if (s.emoji >= EMOJI_WALL && s.letters === 0) spam = "rule:emoji_wall";
  else if (lastPass.spacedLength >= WORD_FLOOD * 2 - 1 && wordFlood()) spam = "rule:flood_words";
  else if (lastPass.compactLength >= PHRASE_FLOOD_LENGTH && phraseFlood()) spam = "rule:flood_phrase";
  if (settings.flood.nicknameMaxChats > 0 || settings.flood.sameTextNicknames > 0) {
    const long = settings.flood.sameTextNicknames > 0 && lastPass.compactLength >= settings.flood.sameTextMinLength;
    const floodRule = flood.check(
      chat.nickname,
      long ? compactKey() : 0,
      lastPass.compactLength,
      chat.at,
      settings.flood,
    );
    if (floodRule !== null) spam ??= `rule:${floodRule}`;
  }
  if (spam !== null) {
    category ??= "spam";
    (reasons ??= []).push(spam);
  }
  if (category !== null) return { hold: true, category, score: 1, reasons: reasons! };
  if (settings.sensitivity === 0) return OK_VERDICT;
  if (Math.max(p[1]!, p[2]!, p[3]!) < okBelow[settings.sensitivity]!) return OK_VERDICT;
  softmaxFromLogits(p);
  let score = 1 - p[0]!;
  let best = 1;
  for (let c = 2; c <= 3; c++) if (p[c]! > p[best]!) best = c;
  if (score < model.thresholds[settings.sensitivity]!) {
    // Borderline abuse the first stage lets through: the wider second stage may still hold it
    // (it only adds holds, so the first stage's precision on shopping chat stays). Its features
    // are appended only here, for the few chats that reach it.
    const second = model.second;
    if (second === undefined || best !== 1 || score < second.screen) return OK_VERDICT;
    score = secondStageProbability(second, features, intentCount + appendFor(model, features, intentCount));
    if (score < second.thresholds[settings.sensitivity]!) return OK_VERDICT;
  }
  const modelCategory = HOLD_CATEGORIES[best - 1]!;
  if (modelCategory === "spam" && lastPass.compactLength < MODEL_SPAM_MIN_LETTERS) return OK_VERDICT;
  if (modelCategory === "abuse" && rules.allowedWords.some(containsLetters)) return OK_VERDICT;
  // A chat pointing at the shop's own (allowed) domain is not spam for looking like a link.
  if (modelCategory === "spam" && links !== null && links.allowed.length > 0) return OK_VERDICT;
  return { hold: true, category: modelCategory, score: Math.round(score * 1000) / 1000, reasons: ["model"] };
}

/** The same word ≥ WORD_FLOOD times and nothing else (normalised, spaced buffer). */
function wordFlood(): boolean {
  const sp = lastPass.spaced,
    n = lastPass.spacedLength;
  let words = 0,
    firstStart = 1,
    firstLen = -1,
    start = 1;
  for (let i = 1; i <= n + 1; i++) {
    if (i <= n && sp[i] !== 32) continue;
    const len = i - start;
    if (len > 0) {
      if (firstLen < 0) {
        firstStart = start;
        firstLen = len;
      } else {
        if (len !== firstLen) return false;
        for (let j = 0; j < len; j++) if (sp[start + j] !== sp[firstStart + j]) return false;
      }
      words++;
    }
    start = i + 1;
  }
  return words >= WORD_FLOOD;
}

/**
 * The chat without spaces is one phrase of 2+ characters repeated PHRASE_FLOOD_REPEATS times or
 * more (the last may be cut short): its shortest period p, with the chat at least 3p long.
 */
function phraseFlood(): boolean {
  const c = lastPass.compact,
    m = lastPass.compactLength;
  for (let p = 2; p * PHRASE_FLOOD_REPEATS <= m; p++) {
    if (c[1 + p] !== c[1]) continue;
    let i = 1 + p;
    while (i <= m && c[i] === c[i - p]) i++;
    if (i > m) return true;
  }
  return false;
}

/** A small-integer hash of the chat without spaces, the same-text flood rule's key. */
function compactKey(): number {
  const m = lastPass.compactLength;
  let h = 0x811c9dc5 | 0;
  for (let i = 1; i <= m; i++) h = Math.imul(h ^ lastPass.compact[i]!, 0x01000193);
  return h & 0x3fffffff;
}
