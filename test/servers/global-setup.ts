/**
 * globalSetup of the workers test project (Node side, once per run): starts the local
 * protocol servers and provides their URLs for the vitest config to hand to the Worker as
 * bindings. Lives here, not in test/workers, so Node types stay out of the workers tsconfig.
 */
import type { TestProject } from "vitest/node";
import { TEST_AWS_CREDENTIALS } from "./sagemaker-credentials.ts";
import { startSageMakerServer } from "./sagemaker-server.ts";
import { startOpenAIServer } from "./openai-server.ts";
import { startWorkersAiServer } from "./workers-ai-server.ts";
import { startAccessServer } from "./access-server.ts";
import { startNaverServer } from "./naver-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the local SageMaker Runtime (test/servers/sagemaker-server.ts). */
    sagemakerUrl: string;
    /** Base URL of the local Workers AI REST endpoint (test/servers/workers-ai-server.ts). */
    workersAiUrl: string;
    /** Base URL (with `/v1`) of the local OpenAI-compatible endpoint (test/servers/openai-server.ts). */
    openaiUrl: string;
    /** Base URL of the local Cloudflare Access team domain (test/servers/access-server.ts). */
    accessUrl: string;
    /** Base URL of the local Naver viewer API and Q&A (test/servers/naver-server.ts). */
    naverUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sagemaker = await startSageMakerServer({
    credentials: { [TEST_AWS_CREDENTIALS.accessKeyId]: TEST_AWS_CREDENTIALS.secretAccessKey },
  });
  project.provide("sagemakerUrl", sagemaker.url);
  const workersAi = await startWorkersAiServer();
  project.provide("workersAiUrl", workersAi.url);
  const openai = await startOpenAIServer();
  project.provide("openaiUrl", openai.url);
  const access = await startAccessServer();
  project.provide("accessUrl", access.url);
  const naver = await startNaverServer();
  project.provide("naverUrl", naver.url);
  return async () => {
    await naver.close();
    await openai.close();
    await access.close();
    await sagemaker.close();
    await workersAi.close();
  };
}
