/**
 * The matching form of lexicon phrases and questions: normalized, no spaces (viewers space
 * at random), and without intensifiers ("소리 너무 커요" is "소리 커요"), so a lexicon
 * lookup is a plain substring match.
 */
const INTENSIFIERS = /너무|엄청|진짜|정말|완전|되게|혹시|조금|좀/g;

export function lexiconKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%/+]+/gu, "")
    .replace(INTENSIFIERS, "");
}
