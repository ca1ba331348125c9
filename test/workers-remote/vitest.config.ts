import { workersProject } from "../workers/project.ts";
import { TEST_AWS_CREDENTIALS, TEST_AWS_REGION } from "../servers/sagemaker-credentials.ts";

/**
 * The Worker with SageMaker configured, pointed at the local InvokeEndpoint server:
 * the hub's remote-classifier path (pending chats, `intents` updates, fallback).
 */
export default workersProject("workers-remote", (inject) => ({
  SAGEMAKER_ENDPOINT: "hub-intent",
  SAGEMAKER_ENDPOINT_URL: inject<string>("sagemakerUrl"),
  SAGEMAKER_TIMEOUT_MS: "300",
  AWS_REGION: TEST_AWS_REGION,
  AWS_ACCESS_KEY_ID: TEST_AWS_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: TEST_AWS_CREDENTIALS.secretAccessKey,
}));
