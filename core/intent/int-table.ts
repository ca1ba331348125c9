/**
 * A fixed-size open-addressing table from int32 keys to small non-negative ints. The
 * feature extractor looks sentence-ending hashes up in it on every chat: a `Map` keyed
 * by int32 hashes boxes every key outside the small-integer range, which allocates per
 * lookup; this table only reads typed arrays.
 */
export interface IntTable {
  /** The value stored for `key`, or -1. */
  get(key: number): number;
}

/** Builds a table holding `entries` (keys are truncated to int32; later values win). */
export function createIntTable(entries: Iterable<readonly [number, number]>): IntTable {
  const list = [...entries];
  let size = 16;
  while (size < list.length * 4) size <<= 1;
  const mask = size - 1;
  const keys = new Int32Array(size);
  const values = new Int32Array(size).fill(-1);
  const slotOf = (key: number): number => {
    let i = (key ^ (key >>> 16)) & mask;
    while (values[i]! >= 0 && keys[i] !== key) i = (i + 1) & mask;
    return i;
  };
  for (const [key, value] of list) {
    if (!(value >= 0)) throw new Error("createIntTable: values must be non-negative");
    const i = slotOf(key | 0);
    keys[i] = key | 0;
    values[i] = value;
  }
  return { get: (key) => values[slotOf(key | 0)]! };
}
