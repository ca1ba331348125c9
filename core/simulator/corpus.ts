import { Intent } from "../protocol/intent.ts";

export interface LabelledChat {
  label: Intent;
  text: string;
}

/**
 * Parses a `label\ttext` TSV (header line optional). Lines with an unknown label or no
 * text are counted, not fatal, so one bad line never hides a whole corpus.
 */
export function parseLabelledTsv(tsv: string): { rows: LabelledChat[]; skipped: number; skippedLines: number[] } {
  const rows: LabelledChat[] = [];
  const skippedLines: number[] = [];
  tsv.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || (i === 0 && line.startsWith("label\t"))) return;
    const tab = line.indexOf("\t");
    const label = Intent.safeParse(line.slice(0, tab).trim());
    const text = line.slice(tab + 1).trim();
    if (tab < 0 || !label.success || !text) skippedLines.push(i + 1);
    else rows.push({ label: label.data, text });
  });
  return { rows, skipped: skippedLines.length, skippedLines };
}
