/**
 * Moderates chats from a file, one per line: prints one JSON line per input line, in order,
 * `{hold, category, score, reasons}` (`category` null when not held). Default rules
 * (sensitivity 2); every line is its own nickname, one second apart, so flood rules by
 * nickname do not fire across lines.
 *
 *   npm run -s moderate -- --file chats.txt [--sensitivity 0..4]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { embeddedModerator } from "../core/moderation/embedded.ts";
import { compileRules } from "../core/moderation/moderator.ts";
import { ModerationSettings } from "../core/moderation/settings.ts";

const { values: opt } = parseArgs({
  options: { file: { type: "string" }, sensitivity: { type: "string", default: "2" } },
});
if (!opt.file) {
  console.error("usage: npm run -s moderate -- --file <texts> [--sensitivity 0..4]");
  process.exit(2);
}
const rules = compileRules(ModerationSettings.parse({ sensitivity: Number(opt.sensitivity) }));
const lines = readFileSync(opt.file, "utf8").split(/\r?\n/);
if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
const { verdicts } = embeddedModerator.classifyBatch(
  lines.map((message, i) => ({ message, nickname: `line${i + 1}`, at: i * 1000 })),
  rules,
);
process.stdout.write(
  verdicts
    .map((v) => JSON.stringify({ hold: v.hold, category: v.category, score: v.score, reasons: v.reasons }))
    .join("\n") + (verdicts.length ? "\n" : ""),
);
