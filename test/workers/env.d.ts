import type { D1Migration } from "cloudflare:test";

interface TestBindings {
  /** Read from migrations/ by the vitest config, applied before each test file. */
  TEST_MIGRATIONS: D1Migration[];
  /** Base URL of the local SageMaker Runtime (test/servers/sagemaker-server.ts). */
  TEST_SAGEMAKER_URL: string;
  /** Base URL of the local Cloudflare Access team domain (test/servers/access-server.ts). */
  TEST_ACCESS_URL: string;
  /** Base URL of the local Naver viewer API and Q&A with scripted faults (test/servers/naver-server.ts). */
  TEST_NAVER_URL: string;
}

declare global {
  interface Env extends TestBindings {}
  namespace Cloudflare {
    interface Env extends TestBindings {}
  }
}
