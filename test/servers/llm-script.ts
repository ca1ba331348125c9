/**
 * The scripted "model" behind the local OpenAI-compatible server: it reads the numbered
 * sources and the question out of the drafter's prompt and answers in one of several
 * behaviours, chosen by the model name (`liveq-script:<mode>`), so a test or the grounding
 * evaluation can drive every kind of reply a real model gives:
 *
 * - `faithful`: the best-matching source's words, numbers rewritten as a person would
 *   (39000 → "39,000" or "3만 9천"), a polite ending, the source cited;
 * - `number`: the same with one number changed (or an invented amount when there is none);
 * - `option`: the same plus a colour or size the sources never name;
 * - `claim`: the same plus a stock, shipping, gift or compatibility claim they never make;
 * - `partial`: facts from two sources, only the first cited (falls back to `number` when the
 *   second adds nothing the first lacks);
 * - `uncited`: a faithful sentence with no citation;
 * - `refuse`: the abstention sentence.
 *
 * Deterministic: the variation comes from a hash of the prompt.
 */
import { extractClaims } from "../../core/answers/grounding.ts";
import { ABSTENTION } from "../../core/answers/types.ts";

export const SCRIPT_MODES = ["faithful", "number", "option", "claim", "partial", "uncited", "refuse"] as const;
export type ScriptMode = (typeof SCRIPT_MODES)[number];

/** Modes whose replies state something the cited sources do not: the seeded hallucinations. */
export const HALLUCINATING: readonly ScriptMode[] = ["number", "option", "claim", "partial"];

const COLOURS = ["네이비", "버건디", "카키", "민트", "라벤더", "옐로우", "오렌지", "실버"];
const SIZES = ["XS", "XXL", "3XL", "FREE"];
const CLAIMS = [
  "무료배송입니다",
  "사은품도 증정합니다",
  "식기세척기 사용 가능합니다",
  "당일출고됩니다",
  "재입고 예정입니다",
  "1+1 행사 중입니다",
];

interface Source {
  n: number;
  text: string;
}

/** The reply a mode gives to a prompt (the drafter's user message). */
export function scriptedReply(mode: ScriptMode, prompt: string): string {
  if (mode === "refuse") return ABSTENTION;
  const sources = [...prompt.matchAll(/^\[(\d+)\] (.+)$/gm)].map((m) => ({ n: Number(m[1]), text: m[2]! }));
  const question = /질문:\s*(.+)$/m.exec(prompt)?.[1] ?? "";
  const ranked = rank(sources, question);
  const best = ranked[0];
  if (!best) return ABSTENTION;
  const seed = hash(prompt);
  const sentence = `${rewrite(clause(best.text, question), seed)}입니다`;
  const cite = (s: Source) => ` [${s.n}]`;
  switch (mode) {
    case "faithful":
      return `${sentence}${cite(best)}`;
    case "uncited":
      return sentence;
    case "number":
      return `${changeNumber(sentence, seed, prompt)}${cite(best)}`;
    case "option": {
      const named = new Set(extractClaims(prompt).map((c) => c.key));
      const colour = COLOURS.find((c, i) => !named.has(extractClaims(c)[0]!.key) && i >= seed % 3) ?? "네이비";
      const size = SIZES.find((s) => !named.has(`size:${s}`)) ?? "XXL";
      return `${sentence}, ${seed % 2 ? `${colour} 색상` : `${size} 사이즈`}도 있습니다${cite(best)}`;
    }
    case "claim": {
      const named = new Set(extractClaims(prompt).map((c) => c.key));
      const fresh = CLAIMS.filter((c) => extractClaims(c).some((k) => !named.has(k.key)));
      return `${sentence}, ${fresh[seed % Math.max(1, fresh.length)] ?? "무료배송입니다"}${cite(best)}`;
    }
    case "partial": {
      // A piece of another source that states something the cited one does not.
      const own = new Set(extractClaims(best.text).map((c) => c.key));
      const borrowed = ranked
        .slice(1)
        .flatMap((s) => clauses(s.text))
        .find((part) => extractClaims(part).some((c) => !own.has(c.key)));
      if (!borrowed) return `${changeNumber(sentence, seed, prompt)}${cite(best)}`;
      return `${sentence}, ${borrowed}입니다${cite(best)}`;
    }
  }
}

/** Sources by how many two-character pieces they share with the question. */
function rank(sources: Source[], question: string): Source[] {
  const asked = pieces(question);
  return sources
    .map((s) => ({ s, shared: [...pieces(s.text)].filter((p) => asked.has(p)).length }))
    .filter((x) => x.shared > 0)
    .sort((a, b) => b.shared - a.shared)
    .map((x) => x.s);
}

function pieces(text: string): Set<string> {
  const s = text.replace(/\s+/g, "");
  return new Set([...s].flatMap((_, i) => (i + 1 < s.length ? [s.slice(i, i + 2)] : [])));
}

/**
 * The part of a source that answers: of a Q&A pair its answer, of other text the comma- or
 * slash-separated piece sharing most with the question.
 */
function clause(source: string, question: string): string {
  const asked = pieces(question);
  const parts = clauses(source);
  const score = (p: string) => [...pieces(p)].filter((x) => asked.has(x)).length;
  return parts.reduce((a, b) => (score(b) > score(a) ? b : a), parts[0] ?? source);
}

/** A source's clauses: of a Q&A pair its answer's; commas inside amounts ("49,000원") do not separate. */
function clauses(source: string): string[] {
  const text = source.replace(/^Q:.*?\sA:\s*/, "");
  return text
    .split(/\s*(?:,(?!\d{3})|[/·])\s*|\.\s+/)
    .map((p) => p.replace(/[.!。]+$/, "").trim())
    .filter(Boolean);
}

/** Rewrites whole-won amounts as a person might: with thousands separators, or in 만/천. */
function rewrite(text: string, seed: number): string {
  return text.replace(/\d{4,}(?![\d,.])/g, (digits) => {
    const n = Number(digits);
    if (seed % 3 === 0 && n % 1000 === 0 && n >= 10_000) {
      const man = Math.floor(n / 10_000);
      const cheon = (n % 10_000) / 1000;
      return cheon ? `${man}만 ${cheon}천` : `${man}만`;
    }
    return n.toLocaleString("en-US");
  });
}

/**
 * One number changed to a plausible value the sources never state (a value stated elsewhere,
 * a swapped pairing, is a different error); an invented amount when there is no number.
 */
function changeNumber(sentence: string, seed: number, prompt: string): string {
  const stated = new Set([...prompt.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, ""))));
  let changed = false;
  // A quantity, not the digits of a model code ("VP65U").
  const out = sentence.replace(/(?<![A-Za-z\d.])\d[\d,]*(?:\.\d+)?/, (m) => {
    changed = true;
    const n = Number(m.replace(/,/g, ""));
    const step = n >= 1000 ? 1000 : 1;
    let bumped = n + step * (1 + (seed % 7));
    while (stated.has(bumped)) bumped += step;
    return bumped.toLocaleString("en-US");
  });
  return changed ? out : `${sentence}, 가격은 ${(19_000 + (seed % 20) * 1000).toLocaleString("en-US")}원입니다`;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
