import * as z from "zod";
import { NaverBroadcastId, QaPair } from "../../core/protocol/viewer.ts";

/** The name of the port an overlay opens to the service worker. */
export const OVERLAY_PORT = "liveq-overlay";

export const ConnectionStatus = z.enum(["connecting", "open", "retrying", "closed"]);
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

/** Overlay → service worker: which Naver broadcast this tab shows. */
export const OverlayRequest = z.object({ type: z.literal("watch"), naverId: NaverBroadcastId });
export type OverlayRequest = z.infer<typeof OverlayRequest>;

/** Service worker → overlay: the whole current state of one broadcast (small: a few pairs). */
export const OverlayState = z.object({
  type: z.literal("state"),
  naverId: z.string(),
  status: ConnectionStatus,
  pairs: z.array(QaPair),
});
export type OverlayState = z.infer<typeof OverlayState>;

/** What the service worker keeps per broadcast in chrome.storage.session (survives its restarts). */
export const BroadcastRecord = z.object({
  status: ConnectionStatus,
  attempt: z.number().int().nonnegative(),
  pairs: z.array(QaPair),
  updatedAt: z.number(),
});
export type BroadcastRecord = z.infer<typeof BroadcastRecord>;
