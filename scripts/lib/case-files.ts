import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Every answer case file (data/answers/*.jsonl); which splits a script may read is its own rule. */
export function caseFiles(dir = "data/answers"): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .map((f) => join(dir, f));
}
