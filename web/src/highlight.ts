/**
 * Splits a snippet into plain and matched parts for highlighting: the panel renders each
 * part as a text node (a matched one inside <mark>), never as HTML. Matching ignores case;
 * longer words win where matches overlap.
 */
export interface TextPart {
  text: string;
  matched: boolean;
}

export function highlightParts(text: string, words: readonly string[]): TextPart[] {
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    const w = word.toLowerCase();
    if (!w.trim()) continue;
    for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + w.length)) {
      for (let i = at; i < at + w.length; i++) marked[i] = true;
    }
  }
  const parts: TextPart[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = parts.at(-1);
    if (last && last.matched === marked[i]) last.text += text[i];
    else parts.push({ text: text[i] as string, matched: marked[i] as boolean });
  }
  return parts;
}
