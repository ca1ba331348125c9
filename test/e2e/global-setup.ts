import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startDevServer } from "../../scripts/lib/dev-server.ts";
import { run } from "../../scripts/lib/process.ts";

declare module "vitest" {
  export interface ProvidedContext {
    liveqUrl: string;
    liveqToken: string;
  }
}

/** Builds the dashboard and runs the real Worker under `wrangler dev` with fresh local state. */
export default async function setup(project: TestProject) {
  run("vite", ["build", "--config", "web/vite.config.ts", "--logLevel", "warn"]);
  const token = "e2e-admin-token-0123456789abcdef";
  const server = await startDevServer({
    port: 8830,
    persistTo: mkdtempSync(path.join(tmpdir(), "liveq-e2e-")),
    quiet: true,
    token,
  });
  project.provide("liveqUrl", server.url);
  project.provide("liveqToken", token);
  return () => server.stop();
}
