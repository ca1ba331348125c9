import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { TEST_AWS_CREDENTIALS, TEST_AWS_REGION } from "../servers/sagemaker-credentials.ts";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * The Worker with SageMaker configured, pointed at the local InvokeEndpoint server:
 * the hub's remote-classifier path (pending chats, `intents` updates, fallback).
 */
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
          TEST_SAGEMAKER_URL: inject<string>("sagemakerUrl"),
          SAGEMAKER_ENDPOINT: "hub-intent",
          SAGEMAKER_ENDPOINT_URL: inject<string>("sagemakerUrl"),
          SAGEMAKER_TIMEOUT_MS: "300",
          AWS_REGION: TEST_AWS_REGION,
          AWS_ACCESS_KEY_ID: TEST_AWS_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: TEST_AWS_CREDENTIALS.secretAccessKey,
        },
      },
    })),
  ],
  test: {
    name: "workers-remote",
    include: ["test/workers-remote/**/*.test.ts"],
    setupFiles: ["test/workers/apply-migrations.ts"],
    globalSetup: ["test/servers/global-setup.ts"],
  },
});
