import { defineConfig } from "vitest/config";

/**
 * Two projects: `core` runs pure code in Node (fast, exhaustive); `workers` runs the
 * Worker, its Durable Objects and D1 inside workerd (see test/workers/vitest.config.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "core",
          include: ["core/**/*.test.ts", "scripts/**/*.test.ts", "web/**/*.test.ts"],
          environment: "node",
          exclude: ["**/node_modules/**"],
        },
      },
      "test/workers/vitest.config.ts",
    ],
  },
});
