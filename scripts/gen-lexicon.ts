/**
 * Generates data/lexicon/ko-shopping-v1.json, the Korean shopping paraphrase lexicon
 * (see data/lexicon/README.md): every concept's standalone viewer words, and every viewer
 * subject × connecting particle × predicate form of its families, each mapped to the concept
 * (knowledge wording and topic). Keys are in the loader's matching form (core/answers/lexicon.ts:
 * no spaces, intensifiers dropped), so matching is a substring lookup.
 *
 *   npm run gen:lexicon
 */
import { writeFileSync } from "node:fs";
import { CONCEPTS } from "./lexicon/concepts.ts";
import { PRED, particles, type PredName } from "./lexicon/forms.ts";
import { lexiconKey } from "../core/answers/lexicon-key.ts";

export const LEXICON_VERSION = "ko-shopping-v1";

const split = (s: string) =>
  s
    .split("|")
    .map((x) => x.trim())
    .filter(Boolean);

const concepts = CONCEPTS.map(([id, topic, category, knowledge]) => ({
  id,
  topic,
  category,
  knowledge: split(knowledge),
}));
const entries = new Map<string, Set<number>>();
function add(phrase: string, concept: number): void {
  const key = lexiconKey(phrase);
  // One-syllable keys match inside unrelated words ("짜" in "진짜"): never an entry.
  if (key.length < 2) return;
  let set = entries.get(key);
  if (!set) entries.set(key, (set = new Set()));
  set.add(concept);
}

CONCEPTS.forEach(([, , , , standalone, subjects, families], i) => {
  for (const w of split(standalone)) add(w, i);
  const preds = families
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((f) => {
      if (!(f in PRED)) throw new Error(`unknown predicate family ${f}`);
      return PRED[f as PredName];
    });
  for (const s of split(subjects)) {
    for (const p of particles(s)) for (const pred of preds) add(`${s}${p} ${pred}`, i);
  }
});

const sorted = [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const out = {
  version: LEXICON_VERSION,
  licence: "MIT (LiveQ project); written for LiveQ, no third-party text",
  concepts,
  // phrase → concept indexes; a single index is stored bare to keep the file small.
  entries: Object.fromEntries(sorted.map(([k, v]) => [k, v.size === 1 ? [...v][0] : [...v]])),
};
writeFileSync(new URL("../data/lexicon/ko-shopping-v1.json", import.meta.url), `${JSON.stringify(out)}\n`);
console.log(`${LEXICON_VERSION}: ${concepts.length} concepts, ${sorted.length} entries`);
