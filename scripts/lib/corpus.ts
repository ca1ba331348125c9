import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseLabelledTsv, type LabelledChat } from "../../core/simulator/corpus.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const CHAT_CORPUS_DIR = path.join(ROOT, "data/chats");

/** Held-out splits (`heldout.tsv`, `heldout2.tsv`, …): never training data. */
export const isHeldoutFile = (file: string): boolean => /^heldout.*\.tsv$/.test(file);

/** The live-commerce chat corpus; the `heldout*.tsv` splits only when asked (they are test data). */
export function loadChatCorpus({ includeHeldout = false } = {}): LabelledChat[] {
  const files = readdirSync(CHAT_CORPUS_DIR).filter((f) => f.endsWith(".tsv") && (includeHeldout || !isHeldoutFile(f)));
  return files.flatMap((f) => parseLabelledTsv(readFileSync(path.join(CHAT_CORPUS_DIR, f), "utf8")).rows);
}
