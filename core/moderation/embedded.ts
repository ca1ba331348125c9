/**
 * The shipped moderator: the committed intent and moderation models (data/models/), decoded on the
 * first batch. The hub and the CLIs classify and moderate through it in one pass.
 */
import { decodeArtefact } from "../intent/artefact.ts";
import { INTENT_ARTEFACT } from "../intent/embedded.ts";
import shipped from "../../data/models/moderation.json" with { type: "json" };
import { decodeModerationArtefact, parseModerationArtefact } from "./artefact.ts";
import { createModerator } from "./moderator.ts";

/** The trained moderation model as shipped (data/models/moderation.json, written by `npm run train:moderation`). */
export const MODERATION_ARTEFACT = parseModerationArtefact(shipped);

export const EMBEDDED_MODERATION_VERSION = MODERATION_ARTEFACT.version;

export const embeddedModerator = createModerator(
  () => decodeArtefact(INTENT_ARTEFACT),
  () => decodeModerationArtefact(MODERATION_ARTEFACT),
);
