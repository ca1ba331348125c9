/**
 * Drafts answers offline: one case per input line
 * `{broadcast:{title, description, notes[]}, products:[…], qna:[…], question, productKey?}`
 * (unknown fields ignored), one JSON line `{answer, abstained, sources, suggestions}` per case,
 * in order; `suggestions` are up to 5 ranked snippets `{id, kind, productKey, text, score}`.
 * Drafts take the Worker's path (core/answers/offline.ts): cases sharing a knowledge set share
 * one broadcast index.
 *
 *   npm run answer -- --cases cases.jsonl
 *   cat cases.jsonl | npm run answer
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { AnswerCase } from "../core/answers/case-set.ts";
import { OfflineAnswerer } from "../core/answers/offline.ts";

const { values: opt } = parseArgs({ options: { cases: { type: "string" } } });

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

const input = opt.cases === undefined ? await readStdin() : readFileSync(opt.cases, "utf8");
const answerer = new OfflineAnswerer();
let lineNo = 0;
for (const line of input.split(/\r?\n/)) {
  lineNo++;
  if (!line.trim()) continue;
  const parsed = AnswerCase.safeParse(safeJson(line));
  if (!parsed.success) {
    // One bad line must not hide the rest: report it on stderr and print an error line in its place.
    console.error(
      `line ${lineNo}: ${parsed.error.issues[0]?.path.join(".") ?? ""} ${parsed.error.issues[0]?.message ?? "invalid"}`,
    );
    process.stdout.write(`${JSON.stringify({ error: "invalid case", line: lineNo })}\n`);
    continue;
  }
  const draft = await answerer.draftCase(parsed.data);
  const suggestions = draft.suggestions.map(({ id, kind, productKey, text, score }) => ({
    id,
    kind,
    productKey,
    text,
    score,
  }));
  process.stdout.write(
    `${JSON.stringify({ answer: draft.answer, abstained: draft.abstained, sources: draft.sources, suggestions })}\n`,
  );
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
