import { Intent } from "../protocol/intent.ts";

export interface LabelledChat {
  label: Intent;
  text: string;
}

/**
 * Parses a `label\ttext` TSV (header line optional). Lines with an unknown label or no
 * text are counted, not fatal, so one bad line never hides a whole corpus.
 */
export function parseLabelledTsv(tsv: string): { rows: LabelledChat[]; skipped: number } {
  const rows: LabelledChat[] = [];
  let skipped = 0;
  for (const line of tsv.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith("label\t")) continue;
    const tab = line.indexOf("\t");
    const label = Intent.safeParse(line.slice(0, tab));
    const text = line.slice(tab + 1).trim();
    if (tab < 0 || !label.success || !text) skipped++;
    else rows.push({ label: label.data, text });
  }
  return { rows, skipped };
}
