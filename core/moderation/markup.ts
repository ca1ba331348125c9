/**
 * Active markup in a chat (`<script>`, `<img onerror=…>`, `javascript:`): nobody types that to
 * shop, and a moderator should see it before anyone else does. Formatting tags (`<b>굵게</b>`) are
 * harmless text on the board and pass; so do shop chat's own brackets (`<<특가>>`, `<3`). Runs only
 * on chats with a `<` or `:` in them (scan.ts), a small share of shopping chat.
 */
const MARKUP =
  /<\s*\/?\s*(?:script|iframe|object|embed|svg|style|img|link|meta|form|input|base)\b|\bon[a-z]{3,}\s*=\s*["'a-z]|javascript\s*:/i;

/** Whether `text` carries HTML or script. */
export function looksLikeMarkup(text: string): boolean {
  return MARKUP.test(text);
}
