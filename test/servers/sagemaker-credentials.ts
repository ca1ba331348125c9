/** The only credentials the local SageMaker server accepts (shared by the server and the tests). */
export const TEST_AWS_CREDENTIALS = {
  accessKeyId: "AKIALIVEQTEST0000000",
  secretAccessKey: "liveq-local-sagemaker-test-secret-key00",
} as const;

export const TEST_AWS_REGION = "ap-northeast-2";
