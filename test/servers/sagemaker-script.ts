/**
 * The test-control vocabulary of the local SageMaker server (sagemaker-server.ts), free of
 * Node imports so workerd tests can share it.
 */
import * as z from "zod";

/** What the endpoint does with one request. */
export const Behaviour = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ok"), delayMs: z.number().int().min(0).optional() }),
  /** 429 with `x-amzn-errortype: ThrottlingException`, as SageMaker throttles. */
  z.object({ kind: z.literal("throttle") }),
  /** A bare status with no error type (a proxy's 429, a 500 from the front end). */
  z.object({ kind: z.literal("status"), status: z.number().int().min(400).max(599) }),
  /** 200 with this body verbatim. */
  z.object({ kind: z.literal("malformed"), body: z.string() }),
  /** 424 ModelError: the container answered an error to SageMaker. */
  z.object({ kind: z.literal("model-error") }),
]);
export type Behaviour = z.infer<typeof Behaviour>;

export const Script = z.object({
  /** One behaviour per request, in order; then `otherwise`. */
  steps: z.array(Behaviour).default([]),
  otherwise: Behaviour.default({ kind: "ok" }),
  /** `ids` (LABEL_n) or `names` (general/request/question, other for the binary question model). */
  labels: z.enum(["ids", "names"]).default("ids"),
  /** `top1`: `[{label, score}]`; `topk`: `[[{label, score}, ...]]` best first. */
  shape: z.enum(["top1", "topk"]).default("top1"),
});
export type Script = z.infer<typeof Script>;

export interface EndpointStats {
  calls: number;
  batchSizes: number[];
  /** Requests refused for a missing or wrong signature. */
  rejected: number;
}
