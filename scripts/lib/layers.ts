import { readdirSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./corpus.ts";

/**
 * The layers, with arrows one way: `core/` is pure; `server/` (D1 queries, adapters, the
 * answer service, capture) builds on core; `durable-objects/` and `workers/` are entry points
 * built on both, and never import each other: a route reaches an object through its stub, and
 * both sides share only `server/object-contracts.ts`. `workers/index.ts` alone names the object
 * classes, because the runtime needs them exported from the Worker's main module.
 */
export const LAYERS: Record<string, { may: string[]; except?: Record<string, string[]> }> = {
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

export function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter(
      (e) =>
        e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".d.ts") && !e.parentPath.includes("node_modules"),
    )
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
