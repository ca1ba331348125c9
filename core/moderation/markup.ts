/**
 * Markup and script in a chat (`<script>`, `<img onerror=…>`, `javascript:`): nobody types that to
 * shop, and a moderator should see it before anyone else does. Shop chat's own angle brackets
 * (`<<특가>>`, `<3`) are not tags: a tag needs a Latin letter right after `<`. Runs only on chats
 * with a `<` or `:` in them (scan.ts), a small share of shopping chat.
 */
const MARKUP =
  /<\s*\/?\s*[a-z][a-z0-9]*(?:\s+[a-z-]+\s*=|\s*\/?>)|\bon[a-z]{3,}\s*=\s*["'a-z]|javascript\s*:|<\s*(?:script|iframe|img|svg|object|embed|style)\b/i;

/** Whether `text` carries HTML or script. */
export function looksLikeMarkup(text: string): boolean {
  return MARKUP.test(text);
}
