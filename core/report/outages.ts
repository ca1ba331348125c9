import type { CaptureOutage } from "./types.ts";

/** States in which the capture meant to run but did not deliver chats. */
const DOWN = new Set(["reconnecting", "error"]);

/**
 * Capture outages from its state changes (oldest first): each one starts when the capture
 * falls into reconnecting or error and ends at the next state that is not down (capturing
 * again, or deliberately stopped); `to` is null while it lasts. A state repeated inside an
 * outage (error after reconnecting) extends it rather than starting another.
 */
export function captureOutages(
  events: readonly { at: number; state: string; message: string | null }[],
): CaptureOutage[] {
  const outages: CaptureOutage[] = [];
  let open: CaptureOutage | null = null;
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if (DOWN.has(e.state)) {
      if (!open) outages.push((open = { from: e.at, to: null, state: e.state, message: e.message }));
      else if (e.state === "error") [open.state, open.message] = [e.state, e.message ?? open.message];
    } else if (open) {
      open.to = e.at;
      open = null;
    }
  }
  return outages;
}
