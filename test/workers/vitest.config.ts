import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "../..");

/** The Worker, its Durable Objects and D1, inside workerd (wrangler.toml, env "test"). */
export default defineConfig({
  root,
  plugins: [
    cloudflareTest(async ({ inject }) => ({
      main: path.join(root, "workers/index.ts"),
      wrangler: { configPath: path.join(root, "wrangler.toml"), environment: "test" },
      remoteBindings: false,
      miniflare: {
        bindings: {
          ADMIN_TOKEN: "test-admin-token",
          TEST_MIGRATIONS: await readD1Migrations(path.join(root, "migrations")),
          // The local SageMaker Runtime started by globalSetup; only the SageMaker tests use
          // it (the default intent classifier stays embedded: SAGEMAKER_ENDPOINT is empty).
          TEST_SAGEMAKER_URL: inject<string>("sagemakerUrl"),
          // The local Workers AI REST endpoint; only the answers tests use it (drafting stays
          // extractive by default: no CLOUDFLARE_API_TOKEN).
          TEST_WORKERS_AI_URL: inject<string>("workersAiUrl"),
        },
      },
    })),
  ],
  test: {
    name: "workers",
    include: ["test/workers/**/*.test.ts"],
    setupFiles: ["test/workers/apply-migrations.ts"],
    globalSetup: ["test/servers/global-setup.ts"],
  },
});
