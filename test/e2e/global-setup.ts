import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startDevServer } from "../../scripts/lib/dev-server.ts";
import { startNaverFixture } from "../../scripts/lib/naver-fixture/server.ts";
import { freePort, run } from "../../scripts/lib/process.ts";

declare module "vitest" {
  export interface ProvidedContext {
    liveqUrl: string;
    liveqToken: string;
    /** The Naver fixture site the server's NAVER_API_BASE points at (setup tests). */
    naverFixtureUrl: string;
  }
}

/** Builds the dashboard and runs the real Worker under `wrangler dev` with fresh local state. */
export default async function setup(project: TestProject) {
  run("vite", ["build", "--config", "web/vite.config.ts", "--logLevel", "warn"]);
  const token = "e2e-admin-token-0123456789abcdef";
  const naver = await startNaverFixture({ seed: 42 });
  const server = await startDevServer({
    port: await freePort(),
    persistTo: mkdtempSync(path.join(tmpdir(), "liveq-e2e-")),
    quiet: true,
    token,
    vars: { NAVER_API_BASE: naver.url },
  });
  project.provide("liveqUrl", server.url);
  project.provide("liveqToken", token);
  project.provide("naverFixtureUrl", naver.url);
  return async () => {
    await server.stop();
    await naver.close();
  };
}
