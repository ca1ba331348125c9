import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./lib/corpus.ts";

/**
 * The layers, with arrows one way: `core/` is pure; `server/` (D1 queries, adapters, the
 * answer service, capture) builds on core; `durable-objects/` and `workers/` are entry points
 * built on both, and never import each other: a route reaches an object through its stub, and
 * both sides share only `server/object-contracts.ts`. `workers/index.ts` alone names the object
 * classes, because the runtime needs them exported from the Worker's main module.
 */
const LAYERS: Record<string, { may: string[]; except?: Record<string, string[]> }> = {
  core: { may: ["core"] },
  server: { may: ["core", "server"] },
  "durable-objects": { may: ["core", "server", "durable-objects"] },
  workers: { may: ["core", "server", "workers"], except: { "workers/index.ts": ["durable-objects"] } },
  web: { may: ["core", "web"] },
  extension: { may: ["core", "extension"] },
};
/** Runtime modules only the entry layers may use; core stays runnable anywhere. */
const RUNTIME_ONLY = /^(cloudflare:|node:)/;

const SPEC = /(?:^|[\s;])(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".d.ts") && !e.parentPath.includes("node_modules"))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** Every import of `file` that leaves its layer's allowed set, as "file → target". */
export function forbiddenImports(file: string, text: string): string[] {
  const layer = file.split("/")[0]!;
  const rule = LAYERS[layer];
  if (!rule) return [];
  // Data files (models, lexicons, corpora) may be imported by any layer.
  const allowed = ["data", ...rule.may, ...(rule.except?.[file] ?? [])];
  const out: string[] = [];
  for (const m of text.matchAll(SPEC)) {
    const spec = (m[1] ?? m[2])!;
    if (spec.startsWith(".")) {
      const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec));
      if (!allowed.includes(target.split("/")[0]!)) out.push(`${file} → ${target}`);
    } else if (layer === "core" && RUNTIME_ONLY.test(spec) && !file.endsWith(".test.ts")) {
      out.push(`${file} → ${spec}`);
    }
  }
  return out;
}

describe("layers", () => {
  it("finds a forbidden import (the check itself works)", () => {
    expect(forbiddenImports("durable-objects/x.ts", 'import { app } from "../workers/app.ts";')).toEqual(["durable-objects/x.ts → workers/app.ts"]);
    expect(forbiddenImports("workers/routes/x.ts", 'import type { Hub } from "../../durable-objects/broadcast-hub.ts";')).toHaveLength(1);
    expect(forbiddenImports("server/x.ts", 'const m = await import("../workers/app.ts");')).toHaveLength(1);
    expect(forbiddenImports("core/x.ts", 'import { DurableObject } from "cloudflare:workers";')).toHaveLength(1);
    expect(forbiddenImports("workers/index.ts", 'export { BroadcastHub } from "../durable-objects/broadcast-hub.ts";')).toEqual([]);
    expect(forbiddenImports("server/x.ts", 'import { z } from "zod";\nimport { a } from "../core/a.ts";')).toEqual([]);
  });

  it("has arrows one way in the whole tree", () => {
    const found = Object.keys(LAYERS).flatMap((dir) => sources(dir).flatMap((f) => forbiddenImports(f, readFileSync(path.join(ROOT, f), "utf8"))));
    expect(found).toEqual([]);
  });
});
