/**
 * Classifies chats with the embedded intent model: one chat per input line, one JSON line
 * `{"intent","confidence"}` per input line, in order (an empty line is a chat too).
 *
 *   npm run classify -- --file chats.txt
 *   printf '사이즈 몇이에요\n' | npm run classify
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { embeddedClassifier } from "../core/intent/embedded.ts";

const BATCH = 1000;

const { values: opt } = parseArgs({ options: { file: { type: "string" } } });

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

const input = opt.file === undefined ? await readStdin() : readFileSync(opt.file, "utf8");
const lines = input.split(/\r?\n/);
// A trailing newline ends the last line; it does not start another one.
if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();

for (let i = 0; i < lines.length; i += BATCH) {
  const results = await embeddedClassifier.classifyBatch(lines.slice(i, i + BATCH));
  process.stdout.write(
    `${results.map((r) => JSON.stringify({ intent: r.intent, confidence: Number(r.confidence.toFixed(4)) })).join("\n")}\n`,
  );
}
