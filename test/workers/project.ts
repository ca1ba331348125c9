import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "../..");

type Inject = <T>(key: string) => T;

/**
 * A vitest project running the Worker, its Durable Objects and D1 inside workerd
 * (wrangler.toml, env "test"), with the local protocol servers of test/servers started
 * once per run. `bindings` adds configuration (e.g. a remote backend pointed at them).
 */
export function workersProject(name: string, bindings: (inject: Inject) => Record<string, string> = () => ({})) {
  return defineConfig({
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
            // Local SageMaker Runtime, Workers AI REST and OpenAI-compatible servers; only the tests that
            // configure those backends use them (the defaults stay embedded).
            TEST_SAGEMAKER_URL: inject<string>("sagemakerUrl"),
            TEST_WORKERS_AI_URL: inject<string>("workersAiUrl"),
            TEST_OPENAI_URL: inject<string>("openaiUrl"),
            // Cloudflare Access against the local team domain. Only requests carrying a
            // Cf-Access-Jwt-Assertion use it; every other test signs in with tokens as before.
            ACCESS_TEAM_DOMAIN: inject<string>("accessUrl"),
            ACCESS_AUD: "test-access-aud",
            OWNER_EMAIL: "owner@liveq.test",
            TEST_ACCESS_URL: inject<string>("accessUrl"),
            // Naver's viewer API and Q&A on the local server (setup and its crawl), crawled
            // without the production pause between requests, retried quickly.
            NAVER_API_BASE: inject<string>("naverUrl"),
            TEST_NAVER_URL: inject<string>("naverUrl"),
            SETUP_CRAWL_DELAY_MS: "0",
            SETUP_CRAWL_RETRY_MS: "100",
            ...bindings(inject as Inject),
          },
        },
      })),
    ],
    test: {
      name,
      // Off: with the on-disk module cache, vitest hands each new pool worker every cached module of its
      // files' import graphs in one "warm modules" message, which the plugin inlines; with the models and
      // lexicon in the graph that message passes workerd's WebSocket message limit (error 1009, "Message is
      // too large") and the second test file's worker dies.
      fsModuleCache: false,
      // Waits for workerd sharing two cores with the rest of the suite, not speed claims.
      testTimeout: 30_000,
      include: [`test/${name}/**/*.test.ts`],
      setupFiles: ["test/workers/apply-migrations.ts"],
      globalSetup: ["test/servers/global-setup.ts"],
    },
  });
}
