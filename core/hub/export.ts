import type { BoardChat } from "../protocol/board.ts";

export const CSV_HEADER = "seq,commentNo,at,nickname,message,intent,confidence\n";

/**
 * One CSV line (RFC 4180 quoting). Cells a spreadsheet would run as a formula get a leading
 * apostrophe (see `formulaRisk`): chat text is data, never code. A stored `at` that is no
 * valid date (logs written before `at` was bounded) is written as its number, never thrown on.
 */
export function csvLine(chat: BoardChat): string {
  return `${[
    chat.seq,
    chat.commentNo,
    isoTime(chat.at),
    csvCell(chat.nickname),
    csvCell(chat.message),
    chat.intent,
    chat.confidence.toFixed(3),
  ].join(",")}\n`;
}

function isoTime(at: number): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? String(at) : date.toISOString();
}

/**
 * Leaders that spreadsheets (Excel, Sheets, LibreOffice) may read as the start of a formula:
 * `= + - @` and, after NFKC folding, their full-width, small and super/subscript forms; every
 * dash (`\p{Pd}`) and the minus, plus-minus and heavy plus/minus signs, which some locales and
 * importers treat as a sign. Tab, CR and LF leaders are risky as they are (importers strip them).
 */
const FORMULA_LEADER = /^[=+\-@\p{Pd}\u00B1\u2212\u2213\u2795\u2796]/u;
/** What importers skip before the first character they evaluate: spaces and invisible format characters. */
const IGNORED = /^[\p{White_Space}\p{Cf}]*$/u;

/** True when a spreadsheet could evaluate `text` as a formula. */
export function formulaRisk(text: string): boolean {
  for (const char of text) {
    if (char === "\t" || char === "\r" || char === "\n") return true;
    const folded = char.normalize("NFKC");
    if (IGNORED.test(folded)) continue;
    return FORMULA_LEADER.test(folded.replace(/^[\p{White_Space}\p{Cf}]+/u, ""));
  }
  return false;
}

/** One CSV cell: defused, then quoted when it holds a separator, a quote or a line break. */
export function csvCell(text: string): string {
  const safe = formulaRisk(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One JSON line per chat. */
export function jsonLine(chat: BoardChat): string {
  return `${JSON.stringify(chat)}\n`;
}
