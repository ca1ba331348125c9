/**
 * The shipped embedded intent classifier: the committed artefact (data/models/intent.json,
 * written by `npm run train:intent`), decoded on the first classification. Import this where
 * chats are classified in-process.
 */
import shipped from "../../data/models/intent.json" with { type: "json" };
import { decodeArtefact, parseArtefact } from "./artefact.ts";
import { createEmbeddedClassifier } from "./model.ts";

/** The trained intent model, quantised, as shipped (checked on load; decode with decodeArtefact). */
export const INTENT_ARTEFACT = parseArtefact(shipped);

/** Version string of the shipped weights (training date and data size). */
export const EMBEDDED_MODEL_VERSION = INTENT_ARTEFACT.version;

export const embeddedClassifier = createEmbeddedClassifier(() => decodeArtefact(INTENT_ARTEFACT));
