/**
 * Measures the grounding check that every language-model draft passes: a local
 * OpenAI-compatible server (test/servers/openai-server.ts) scripts replies to the real
 * drafter — faithful ones, and seeded hallucinations (a changed number, an invented option,
 * an invented stock/shipping/gift/compatibility claim, a second source's facts cited as the
 * first's) plus uncited replies and refusals — over the knowledge of the tuned-on answer
 * splits (never the held-out ones). Prints, per behaviour, how many drafts were withheld:
 * the seeded hallucinations should be (target ≥ 95%), faithful drafts should not (≤ 5%).
 *
 *   npm run eval:grounding
 */
import { readFileSync } from "node:fs";
import { caseKnowledge, EvalCase, knowledgeKey } from "../core/answers/case-set.ts";
import { buildEmbeddedStore, draftWithStore } from "../core/answers/embedded-answerer.ts";
import type { EmbeddedVectorStore } from "../core/answers/embedded-store.ts";
import { extractiveDrafter } from "../core/answers/extractive-drafter.ts";
import { ABSTENTION } from "../core/answers/types.ts";
import { scriptedReply, HALLUCINATING, SCRIPT_MODES, type ScriptMode } from "../test/servers/llm-script.ts";
import { OPENAI_TEST_KEY, startOpenAIServer } from "../test/servers/openai-server.ts";
import { createOpenAIDrafter } from "../server/adapters/answers-openai.ts";
import { caseFiles } from "./lib/case-files.ts";

/** Splits that may be read: the held-out ones stay unread. */
const TUNED_ON = /^(cases|dev\d*[a-z]?)\.jsonl$/;

const cases = caseFiles()
  .filter((f) => TUNED_ON.test(f.split("/").pop() ?? ""))
  .flatMap((f) =>
    readFileSync(f, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => EvalCase.parse(JSON.parse(l))),
  );

const server = await startOpenAIServer();
const control = `${server.url.replace(/\/v1$/, "")}/__test/requests`;
const stores = new Map<string, EmbeddedVectorStore>();
const tally = new Map<ScriptMode, { scripted: number; withheld: number }>();
const examples: string[] = [];

try {
  for (const mode of SCRIPT_MODES) {
    const drafter = createOpenAIDrafter(
      { baseUrl: server.url, apiKey: OPENAI_TEST_KEY, model: `liveq-script:${mode}` },
      extractiveDrafter,
    );
    const t = { scripted: 0, withheld: 0 };
    tally.set(mode, t);
    for (const c of cases) {
      const knowledge = caseKnowledge(c);
      const key = knowledgeKey(c);
      let store = stores.get(key);
      if (!store) stores.set(key, (store = await buildEmbeddedStore(knowledge)));
      await fetch(control, { method: "DELETE" });
      const draft = await draftWithStore(store, knowledge, c.question, c.productKey, drafter);
      const sent = (await (await fetch(control)).json()) as { messages: { role: string; content: string }[] }[];
      const prompt = sent[0]?.messages.find((m) => m.role === "user")?.content;
      // Only replies that say something count: no call (no passages) or a scripted refusal
      // of a question no source touches is not a case of this behaviour.
      if (!prompt || (mode !== "refuse" && scriptedReply(mode, prompt) === ABSTENTION)) continue;
      t.scripted++;
      if (draft.abstained) t.withheld++;
      const missed = mode === "faithful" ? draft.abstained : HALLUCINATING.includes(mode) && !draft.abstained;
      if (missed && examples.length < 40 && process.argv.includes("--verbose"))
        examples.push(
          `${mode}: ${scriptedReply(mode, prompt)} → ${draft.abstained ? draft.reason : draft.answer} [${draft.sources.map((s) => s.text).join(" | ")}]`,
        );
    }
  }
} finally {
  await server.close();
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}% (${n}/${d})`;
console.log(
  `grounding check over ${cases.length} cases of the tuned-on answer splits, OpenAI-compatible drafter against the local scripted server`,
);
for (const [mode, t] of tally) console.log(`  ${mode.padEnd(9)} withheld ${pct(t.withheld, t.scripted)}`);
const seeded = HALLUCINATING.map((m) => tally.get(m)!).reduce(
  (a, t) => ({ scripted: a.scripted + t.scripted, withheld: a.withheld + t.withheld }),
  { scripted: 0, withheld: 0 },
);
const faithful = tally.get("faithful")!;
console.log(`seeded hallucinations caught ${pct(seeded.withheld, seeded.scripted)} (target ≥ 95%)`);
console.log(`faithful drafts rejected ${pct(faithful.withheld, faithful.scripted)} (target ≤ 5%)`);
for (const e of examples) console.log(`  missed ${e}`);
