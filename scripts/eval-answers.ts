/**
 * Evaluates the offline answer path (embedded retrieval + extractive drafter) on the case
 * files in data/answers: fact accuracy on answerable cases (not abstained and every expected
 * fact stated), abstention on unanswerable ones, and draft latency, with the rules alone (no
 * second look) as the baseline in the same run. Reported per split (see
 * docs/answers.md): `dev` is tuned on; `heldout2`, `heldout5`–`heldout12` and `heldout15`–`heldout18` were clean tests
 * once and, their figures taken, are consulted (read, or trained on like dev); `heldout` was
 * seen as a number; `heldout3`, `heldout4`, `heldout13`, `heldout14` and `heldout19`–`heldout24` were clean tests whose
 * figures were read, cases never. Beside each
 * draft figure: the share of answerable cases whose facts one of the first 3 suggestions
 * states (each suggestion judged as a draft's answer is). `--verbose` lists misses of the splits
 * that may steer tuning (dev, heldout2, heldout5–12, heldout15–18) by kind of miss, never of the figures-only
 * splits. `--split NAME` (repeatable) runs only that split's cases.
 *
 * `--file` may name a case file anywhere (a fresh clean split kept outside data/answers): a
 * file outside data/answers is reported as its own split under its path, whatever its lines'
 * `split` say, and its misses are never listed.
 *
 * `--backend workers-ai|openai` drafts with that language model instead of the extractive
 * drafter (configured from the environment like the Worker: docs/answers.md), so a team with
 * an account measures its own path on the same splits; the rules alone stay the baseline.
 *
 *   npm run eval:answers [-- --file a.jsonl --file b.jsonl] [--split dev] [--backend openai] [--verbose]
 */
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { drafterFromEnv } from "./lib/answer-backend.ts";
import { CONSULTED_SPLITS, caseFiles, splitRank } from "./lib/case-files.ts";
import { parseArgs } from "node:util";
import { EvalCase, statesFact } from "../core/answers/case-set.ts";
import { rulesOnlyDrafter } from "../core/answers/extractive-drafter.ts";
import { OfflineAnswerer } from "../core/answers/offline.ts";
import type { AnswerDrafter, AnsweredDraft } from "../core/answers/types.ts";
import { percentile } from "./lib/percentile.ts";

const { values: opt } = parseArgs({
  options: {
    file: { type: "string", multiple: true, default: caseFiles() },
    verbose: { type: "boolean", default: false },
    backend: { type: "string", default: "extractive" },
    split: { type: "string", multiple: true },
  },
});

interface Outcome {
  c: EvalCase;
  /** The split it is reported under: its `split` in data/answers, its file's path elsewhere. */
  group: string;
  draft: AnsweredDraft;
  ms: number;
  ok: boolean;
  /** An answerable case whose facts one of the first 3 suggestions states (judged as a draft's answer is). */
  suggested: boolean;
  /** The first suggestion states the facts. */
  first: boolean;
}

/** How many suggestions the manager is expected to glance at. */
const SUGGESTIONS_SEEN = 3;

const DATA_DIR = resolve("data/answers");
/** Data/answers files report by their cases' split; a file kept elsewhere is a split of its own. */
const groupOf = (file: string, c: EvalCase) =>
  relative(DATA_DIR, resolve(file)).startsWith("..") || !c.split ? file : c.split;
const cases = opt.file
  .flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => EvalCase.parse(JSON.parse(l)))
      .map((c) => ({ c, group: groupOf(file, c) })),
  )
  // `--split heldout5` keeps only the cases reported under that split (repeatable).
  .filter(({ group }) => !opt.split || opt.split.includes(group));
// The Worker's path: per-broadcast indexes (LRU), re-synced on every draft, lexicon-expanded
// retrieval, draft, suggestions. The timed draft includes the sync, as in the Worker.
const answerer = new OfflineAnswerer();

/** Every case through one drafter. */
async function run(drafter: AnswerDrafter): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const { c, group } of cases) {
    const started = performance.now();
    const draft = await answerer.draftCase(c, drafter);
    const ms = performance.now() - started;
    const states = (text: string) => c.expected.facts.every((f) => statesFact(text, f));
    const ok = c.expected.answerable ? !draft.abstained && states(draft.answer) : draft.abstained;
    const suggested = c.expected.answerable && draft.suggestions.slice(0, SUGGESTIONS_SEEN).some((s) => states(s.text));
    const first = c.expected.answerable && draft.suggestions.slice(0, 1).some((s) => states(s.text));
    outcomes.push({ c, group, draft, ms, ok, suggested, first });
  }
  return outcomes;
}

// The baseline first, so the drafter's figures are not flattered by a warm start.
const baseline = await run(rulesOnlyDrafter);
const outcomes = await run(drafterFromEnv(opt.backend));
console.log(`drafter: ${opt.backend}`);

function report(name: string, rows: Outcome[]): void {
  const answerable = rows.filter((r) => r.c.expected.answerable);
  const unanswerable = rows.filter((r) => !r.c.expected.answerable);
  const wrong = answerable.filter((r) => !r.ok && !r.draft.abstained).length;
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}% (${n}/${d})`;
  console.log(
    `${name.padEnd(12)} fact in top ${SUGGESTIONS_SEEN} suggestions ${pct(answerable.filter((r) => r.suggested).length, answerable.length)}` +
      ` (first ${pct(answerable.filter((r) => r.first).length, answerable.length)})` +
      ` · fact accuracy ${pct(answerable.filter((r) => r.ok).length, answerable.length)}` +
      ` · wrong fact ${pct(wrong, answerable.length)}` +
      ` · abstains on unanswerable ${pct(unanswerable.filter((r) => r.ok).length, unanswerable.length)}` +
      ` · latency p50 ${percentile(ms, 0.5).toFixed(2)} ms, p95 ${percentile(ms, 0.95).toFixed(2)} ms`,
  );
}

const groups = [...new Set(outcomes.map((o) => o.group))].sort((a, b) => splitRank(a) - splitRank(b));
for (const split of groups) {
  const inSplit = (o: Outcome) => o.group === split;
  if (!outcomes.some(inSplit)) continue;
  report(split, outcomes.filter(inSplit));
  report("  rules only", baseline.filter(inSplit));
}
report("all", outcomes);
report("  rules only", baseline);
if (opt.verbose) {
  // Misses by kind: coverage lost (a suggestion in the first 3 states the fact, the draft
  // abstained), precision lost (a wrong fact stated), an unanswerable question answered, and
  // no suggestion holding the fact.
  const read = outcomes.filter((o) => !o.ok && CONSULTED_SPLITS.has(o.group));
  const want = (o: Outcome) =>
    o.c.expected.answerable ? `want ${JSON.stringify(o.c.expected.facts)}` : "want abstain";
  const kinds: [string, (o: Outcome) => boolean][] = [
    ["coverage lost", (o) => o.c.expected.answerable && o.draft.abstained && o.suggested],
    ["wrong fact", (o) => o.c.expected.answerable && !o.draft.abstained],
    ["answered unanswerable", (o) => !o.c.expected.answerable],
    ["not in top 3", (o) => o.c.expected.answerable && o.draft.abstained && !o.suggested],
  ];
  for (const [kind, is] of kinds) {
    const rows = read.filter(is);
    console.log(`\n# ${kind} (${rows.length})`);
    for (const o of rows) {
      const top = o.draft.suggestions.slice(0, SUGGESTIONS_SEEN).map((s) => s.text.slice(0, 50));
      console.log(`✗ ${o.c.id} ${o.c.question} → ${o.draft.answer} (${want(o)}; conf ${o.draft.confidence})`);
      if (kind !== "answered unanswerable") console.log(`    top: ${JSON.stringify(top)}`);
    }
  }
}
