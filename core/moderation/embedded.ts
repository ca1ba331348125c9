/**
 * The shipped moderator: the committed intent and moderation artefacts, decoded on the
 * first batch. The hub and the CLIs classify and moderate through it in one pass.
 */
import { decodeArtefact } from "../intent/artefact.ts";
import { INTENT_ARTEFACT } from "../intent/embedded.ts";
import { decodeModerationArtefact } from "./artefact.ts";
import { createModerator } from "./moderator.ts";
import { MODERATION_ARTEFACT } from "./weights.ts";

export const EMBEDDED_MODERATION_VERSION = MODERATION_ARTEFACT.version;

export const embeddedModerator = createModerator(
  () => decodeArtefact(INTENT_ARTEFACT),
  () => decodeModerationArtefact(MODERATION_ARTEFACT),
);
