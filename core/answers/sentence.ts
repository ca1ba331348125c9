import { splitLabel } from "./topics.ts";
import { topicParticle } from "./tokenize.ts";

const MAX_LENGTH = 160;

/** Words a knowledge line often ends on without a verb, with the verb they imply. */
const BARE_ENDINGS: [RegExp, string][] = [
  [/가능$/, "가능합니다"],
  [/불가$/, "불가합니다"],
  [/완료$/, "완료된 제품입니다"],
  [/권장$/, "권장합니다"],
  [/추천$/, "추천합니다"],
  [/지원$/, "지원합니다"],
  [/유지$/, "유지됩니다"],
  [/적용$/, "적용됩니다"],
  [/증정$/, "증정합니다"],
];

/** Ends a clause as one polite sentence: keeps a finished sentence, adds "입니다" to a noun phrase. */
export function finishSentence(clause: string): string {
  const text = clause
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!~]+$/, "");
  // "합성보존료 없음", "재고 있음" are kept as written: the manager's own words are the fact.
  if (/(다|요|죠|니다|세요|있음|없음)$/.test(text)) return `${text}.`;
  for (const [pattern, verb] of BARE_ENDINGS) if (pattern.test(text)) return `${text.replace(pattern, verb)}.`;
  // "입니다" follows any noun phrase, with or without a final consonant, and after numbers and units.
  return `${text}입니다.`;
}

/**
 * One Korean sentence from a knowledge line: "소재: 면 100%" → "소재는 면 100%입니다.";
 * with `subject` (a product's short name) → "니트의 소재는 면 100%입니다.".
 */
export function sentenceFromLine(line: string, subject?: string): string {
  const labelled = splitLabel(line);
  const prefix = subject ? `${subject}의 ` : "";
  if (labelled)
    return clip(finishSentence(`${prefix}${labelled.label}${topicParticle(labelled.label)} ${labelled.value}`));
  return clip(finishSentence(subject ? `${subject}${topicParticle(subject)} ${line}` : line));
}

/**
 * The first substantive sentence of a seller's answer, without greetings and thanks
 * ("안녕하세요 고객님, …", "감사합니다").
 */
export function sentenceFromAnswer(answer: string): string {
  const sentences = answer
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?。])\s+/)
    .map((s) =>
      s
        .replace(/^(안녕하세요|반갑습니다)[^,.!?]*[,.!?]?\s*/, "")
        .replace(/^고객님[,\s]*/, "")
        .trim(),
    )
    .filter((s) => s && !/^(감사합니다|감사드립니다|좋은 하루|문의 주셔서)/.test(s));
  return clip(finishSentence(sentences[0] ?? answer));
}

/** Drops the bracketed shop prefix and pack notes: "[퓨어메르] 리셋 앰플 (5g x 8ea)" → "리셋 앰플". */
export function shortProductName(name: string): string {
  const short = name
    .replace(/\[[^\]]*\]|\([^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return short || name.trim();
}

function clip(sentence: string): string {
  if (sentence.length <= MAX_LENGTH) return sentence;
  return `${sentence.slice(0, MAX_LENGTH - 1).trimEnd()}….`.replace(/….$/, "…");
}
