import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "./lib/corpus.ts";

/** `npm run lint` (Biome: the formatter and the linter, rules and their reasons in biome.jsonc) is part of `npm test`. */
describe("lint", () => {
  it("finds nothing in the tree", { timeout: 120_000 }, () => {
    const run = spawnSync("biome", ["check", "--max-diagnostics=20", "."], { cwd: ROOT, encoding: "utf8" });
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });
});
