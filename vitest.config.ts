import { defineConfig } from "vitest/config";

/**
 * `core`: pure code in Node (fast, exhaustive). `workers`: the Worker, its Durable
 * Objects and D1 inside workerd (test/workers/vitest.config.ts). `e2e`: the built
 * dashboard against `wrangler dev`, driven in real Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "core",
          // Property tests generate thousands of inputs; on a busy 2-core machine 5 s is too tight.
          testTimeout: 30_000,
          include: ["core/**/*.test.ts", "scripts/**/*.test.ts", "web/**/*.test.ts", "server/capture/*.test.ts"],
          environment: "node",
          exclude: ["**/node_modules/**"],
        },
      },
      "test/workers/vitest.config.ts",
      "test/workers-remote/vitest.config.ts",
      "test/workers-youtube/vitest.config.ts",
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // expect.poll waits for a browser and workerd sharing two cores; its 1 s default
          // would make a wait into a speed claim. Playwright's own waits allow 30 s.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
