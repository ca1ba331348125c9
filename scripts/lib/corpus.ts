import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseLabelledTsv, type LabelledChat } from "../../core/simulator/corpus.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const CHAT_CORPUS_DIR = path.join(ROOT, "data/chats");

/** The live-commerce chat corpus; `heldout.tsv` only when asked (it is the test split). */
export function loadChatCorpus({ includeHeldout = false } = {}): LabelledChat[] {
  const files = readdirSync(CHAT_CORPUS_DIR).filter((f) => f.endsWith(".tsv") && (includeHeldout || f !== "heldout.tsv"));
  return files.flatMap((f) => parseLabelledTsv(readFileSync(path.join(CHAT_CORPUS_DIR, f), "utf8")).rows);
}
