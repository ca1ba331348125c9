/** FNV-1a, 32 bits: stable ids for text and the feature hashing of the embedded vectors. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A short stable id fragment for a text. */
export function textId(text: string): string {
  return fnv1a(text).toString(36);
}
