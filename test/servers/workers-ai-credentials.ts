/** The bearer token the local Workers AI endpoint accepts (shared by the server and the workerd tests). */
export const WORKERS_AI_TEST_TOKEN = "test-workers-ai-token";

/** A chat model name the local endpoint fails with 500, to test the fallback. */
export const WORKERS_AI_FAILING_MODEL = "@cf/test/always-fails";
