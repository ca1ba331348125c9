/**
 * Parsers for labelled intent corpora (file contents in, labelled chats out), with the
 * label mappings of the outside Korean corpora onto LiveQ's three intents.
 */
import type { Intent } from "../protocol/intent.ts";
import { parseLabelledTsv as parseTsvTolerantly } from "../simulator/corpus.ts";

export interface LabelledChat {
  intent: Intent;
  text: string;
  /** Examples sharing a group (e.g. a ParaKQC paraphrase set) must land on one side of a split. */
  group?: number;
}

function lines(content: string): string[] {
  return content.split(/\r?\n/).filter((l) => l.trim() !== "");
}

/**
 * LiveQ's own format (`label\ttext` header, one chat a line), read strictly: training
 * data with an unknown label is an error, not something to skip.
 */
export function parseLabelledTsv(content: string): LabelledChat[] {
  const { rows, skippedLines } = parseTsvTolerantly(content);
  if (skippedLines.length) throw new Error(`line ${skippedLines[0]}: expected "label<TAB>text" with a known label`);
  return rows.map((r) => ({ intent: r.label, text: r.text }));
}

/** 3i4K classes 0..6: fragment, statement, question, command, rhetorical question/command, intonation-dependent. */
const FCI_INTENTS: readonly Intent[] = ["general", "general", "question", "request", "general", "general", "general"];

/** 3i4K (`label\tutterance`, no header), mapped as its README suggests. */
export function parse3i4k(content: string): LabelledChat[] {
  return lines(content).map((row) => {
    const [label, text = ""] = row.split("\t");
    const intent = FCI_INTENTS[Number(label)];
    if (intent === undefined) throw new Error(`3i4K: unknown label ${label}`);
    return { intent, text };
  });
}

/** sae4K classes 0..5: yes/no, alternative and wh-questions → question; prohibition and requirements → request. */
const SAE_INTENTS: readonly Intent[] = ["question", "question", "question", "request", "request", "request"];

/** sae4K (`sentence\targument\tlabel`, no header). */
export function parseSae4k(content: string): LabelledChat[] {
  return lines(content).map((row) => {
    const [text = "", , label] = row.split("\t");
    const intent = SAE_INTENTS[Number(label)];
    if (intent === undefined) throw new Error(`sae4K: unknown label ${label}`);
    return { intent, text: text.trim() };
  });
}

/** ParaKQC acts 0..3: alternative and wh-questions → question; prohibition and requirement → request. */
const PARAKQC_INTENTS: readonly Intent[] = ["question", "question", "request", "request"];

/** ParaKQC (`topic\tact\tutterance`, no header): sets of 10 consecutive paraphrases form a group. */
export function parseParaKqc(content: string): LabelledChat[] {
  return lines(content).map((row, i) => {
    const [, act, text = ""] = row.split("\t");
    const intent = PARAKQC_INTENTS[Number(act)];
    if (intent === undefined) throw new Error(`ParaKQC: unknown act ${act}`);
    return { intent, text, group: Math.floor(i / 10) };
  });
}
