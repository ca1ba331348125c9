import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./lib/corpus.ts";
import { forbiddenImports, LAYERS, sources } from "./lib/layers.ts";

describe("layers", () => {
  it("finds a forbidden import (the check itself works)", () => {
    expect(forbiddenImports("durable-objects/x.ts", 'import { app } from "../workers/app.ts";')).toEqual([
      "durable-objects/x.ts → workers/app.ts",
    ]);
    expect(
      forbiddenImports("workers/routes/x.ts", 'import type { Hub } from "../../durable-objects/broadcast-hub.ts";'),
    ).toHaveLength(1);
    expect(forbiddenImports("server/x.ts", 'const m = await import("../workers/app.ts");')).toHaveLength(1);
    expect(forbiddenImports("core/x.ts", 'import { DurableObject } from "cloudflare:workers";')).toHaveLength(1);
    expect(
      forbiddenImports("workers/index.ts", 'export { BroadcastHub } from "../durable-objects/broadcast-hub.ts";'),
    ).toEqual([]);
    expect(forbiddenImports("server/x.ts", 'import { z } from "zod";\nimport { a } from "../core/a.ts";')).toEqual([]);
  });

  it("has arrows one way in the whole tree", () => {
    const found = Object.keys(LAYERS).flatMap((dir) =>
      sources(dir).flatMap((f) => forbiddenImports(f, readFileSync(path.join(ROOT, f), "utf8"))),
    );
    expect(found).toEqual([]);
  });
});
