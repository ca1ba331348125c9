/** Parsers for the moderation corpora (data/moderation, data/beep, data/curse). */
import { MODERATION_CLASSES, type ModerationClass } from "./types.ts";

export interface ModerationExample {
  text: string;
  label: ModerationClass;
}

/** BEEP! TSV (`comments  contain_gender_bias  bias  hate`): hate and offensive are abuse. */
export function parseBeep(tsv: string): ModerationExample[] {
  const out: ModerationExample[] = [];
  for (const line of tsv.split("\n").slice(1)) {
    const cols = line.split("\t");
    if (cols.length < 4) continue;
    const hate = cols[3]!.trim();
    if (hate !== "none" && hate !== "offensive" && hate !== "hate") continue;
    out.push({ text: cols[0]!, label: hate === "none" ? "ok" : "abuse" });
  }
  return out;
}

/** Curse-detection-data (`text|label`, 1 = curse): the label is after the last `|`. */
export function parseCurse(text: string): ModerationExample[] {
  const out: ModerationExample[] = [];
  for (const line of text.split("\n")) {
    const bar = line.lastIndexOf("|");
    if (bar < 0) continue;
    const label = line.slice(bar + 1).trim();
    if (label !== "0" && label !== "1") continue;
    out.push({ text: line.slice(0, bar), label: label === "1" ? "abuse" : "ok" });
  }
  return out;
}

/** LiveQ's moderation TSV: `label<TAB>text`, `#` comments and blank lines skipped. */
export function parseModerationTsv(tsv: string): ModerationExample[] {
  const out: ModerationExample[] = [];
  for (const line of tsv.split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const tab = line.indexOf("\t");
    if (tab < 0) throw new Error(`moderation corpus: no tab in ${JSON.stringify(line)}`);
    const label = line.slice(0, tab).trim();
    if (!(MODERATION_CLASSES as readonly string[]).includes(label))
      throw new Error(`moderation corpus: unknown label ${label}`);
    out.push({ text: line.slice(tab + 1), label: label as ModerationClass });
  }
  return out;
}

/**
 * K-MHaS (`document<TAB>label`, header line; labels 0–7 are hate categories, comma-separated when
 * several, 8 is not hate speech): any hate label is abuse. CSV quotes around a document are undone.
 */
export function parseKmhas(tsv: string): ModerationExample[] {
  const out: ModerationExample[] = [];
  for (const line of tsv.split("\n").slice(1)) {
    const tab = line.lastIndexOf("\t");
    if (tab < 0) continue;
    const labels = line.slice(tab + 1).trim();
    if (!/^[0-8](,[0-8])*$/.test(labels)) continue;
    let text = line.slice(0, tab);
    if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1).replaceAll('""', '"');
    out.push({ text, label: labels === "8" ? "ok" : "abuse" });
  }
  return out;
}
