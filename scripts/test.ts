import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "./lib/corpus.ts";

/**
 * `npm test`: every vitest project (core in Node, workers in workerd, browser end-to-end),
 * then one plain closing line `N passed, N failed` that CI reads.
 *
 * The workerd projects run one test file per vitest process: with the moderation model in the
 * Worker, a second test file started in the same pool process crashes it ("Message is too
 * large" on the pool's socket), taking every later file with it. Until that is understood,
 * a fresh pool per file keeps each file's result its own.
 */
const dir = mkdtempSync(path.join(tmpdir(), "liveq-test-"));
const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;
let runs = 0;

function vitest(args: string[]): void {
  const report = path.join(dir, `report-${runs++}.json`);
  const result = spawnSync(
    "vitest",
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...args, ...extra],
    { cwd: ROOT, stdio: "inherit" },
  );
  try {
    const json = JSON.parse(readFileSync(report, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numFailedTestSuites: number;
    };
    passed += json.numPassedTests;
    const f = json.numFailedTests + (json.numFailedTests === 0 ? json.numFailedTestSuites : 0);
    failed += f;
    if (result.status !== 0 && f === 0) failed += 1;
  } catch {
    failed += 1; // vitest died before writing its report
  }
}

const WORKERD_PROJECTS: Record<string, string> = {
  workers: "test/workers",
  "workers-remote": "test/workers-remote",
  "workers-youtube": "test/workers-youtube",
};
vitest(["--project", "core", "--project", "e2e"]);
for (const [project, folder] of Object.entries(WORKERD_PROJECTS)) {
  for (const file of readdirSync(path.join(ROOT, folder))
    .filter((f) => f.endsWith(".test.ts"))
    .sort()) {
    vitest(["--project", project, path.join(folder, file)]);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
