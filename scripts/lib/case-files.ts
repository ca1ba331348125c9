import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Every answer case file (data/answers/*.jsonl); which splits a script may read is its own rule. */
export function caseFiles(dir = "data/answers"): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * The answer splits whose cases may be read and trained on: dev, and the once-clean tests whose
 * figures were taken (heldout2, heldout5–12, heldout15–18; see docs/answers.md). heldout was seen
 * as a number (its cases in cases.jsonl train as dev); heldout3, heldout4, heldout13, heldout14 and heldout19–24
 * are figures only.
 */
export const CONSULTED_SPLITS: ReadonlySet<string> = new Set([
  "dev",
  "heldout2",
  ...[5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17, 18].map((n) => `heldout${n}`),
]);

/** The order splits are reported in: dev, heldout, heldout2, heldout3, … by number; unknown ones last. */
export function splitRank(split: string): number {
  if (split === "dev") return 0;
  const m = /^heldout(\d*)$/.exec(split);
  return m ? 1 + Number(m[1] || 1) : Number.MAX_SAFE_INTEGER;
}
