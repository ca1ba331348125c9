/**
 * Forgets part of the clusters' hand-written knowledge (data/clusters/aspects-ko-v1.json) for a
 * cross-validation run, before anything reads it: the synonym groups (written after reading the
 * consulted splits) and a share of each aspect's viewer wordings, picked by a fixed hash so runs
 * compare. Values, frame words and aliases stay: they name things, not wordings.
 */
import { fnv1a } from "../../core/answers/hash.ts";
import data from "../../data/clusters/aspects-ko-v1.json" with { type: "json" };

/** A wording's fixed place in [0, 1): the same words are forgotten in every run. */
const place = (s: string) => fnv1a(s) / 2 ** 32;

export function ablateKnowledge(share: number): void {
  if (!(share > 0)) return;
  const file = data as { aspects: Record<string, { words: string[] }>; synonyms?: unknown };
  delete file.synonyms;
  for (const aspect of Object.values(file.aspects)) {
    // The first wording names the aspect ("배송비"): a new author's question still says it often.
    aspect.words = aspect.words.filter((w, i) => i === 0 || place(w) >= share);
  }
}
