import type { BoardChat } from "../protocol/board.ts";

export const CSV_HEADER = "seq,commentNo,at,nickname,message,intent,confidence\n";

/**
 * One CSV line (RFC 4180 quoting). Cells a spreadsheet would run as a formula
 * (leading = + - @ tab CR) get a leading apostrophe: chat text is data, never code.
 */
export function csvLine(chat: BoardChat): string {
  return [
    chat.seq,
    chat.commentNo,
    new Date(chat.at).toISOString(),
    csvCell(chat.nickname),
    csvCell(chat.message),
    chat.intent,
    chat.confidence.toFixed(3),
  ].join(",") + "\n";
}

/** One RFC 4180 cell, defused: a leading = + - @ tab or CR gets an apostrophe. */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One JSON line per chat. */
export function jsonLine(chat: BoardChat): string {
  return JSON.stringify(chat) + "\n";
}
