/**
 * The shipped embedded intent classifier: the committed artefact (weights.ts), decoded on
 * the first classification. Import this where chats are classified in-process.
 */
import { decodeArtefact } from "./artefact.ts";
import { createEmbeddedClassifier } from "./model.ts";
import { INTENT_ARTEFACT } from "./weights.ts";

/** Version string of the shipped weights (training date and data size). */
export const EMBEDDED_MODEL_VERSION = INTENT_ARTEFACT.version;

export const embeddedClassifier = createEmbeddedClassifier(() => decodeArtefact(INTENT_ARTEFACT));
