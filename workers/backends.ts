import type { IntentClassifier } from "../core/intent/types.ts";
import { embeddedClassifier } from "../core/intent/embedded.ts";
import type { Health } from "../core/protocol/api.ts";

/** The intent classifier the hub uses: the embedded model unless a remote one is configured. */
export function intentClassifier(_env: Env): IntentClassifier {
  return embeddedClassifier;
}

/** Which implementation runs behind each backend interface, for `GET /api/health`. */
export function backendNames(env: Env): Health["backends"] {
  return {
    intent: intentClassifier(env).name,
    retrieval: "embedded",
    drafting: "extractive",
    capture: "ingest",
  };
}
