import type { IngestChat } from "../protocol/ingest.ts";
import { parseChatList } from "./chat.ts";
import { decodeEventArg, parseEngineFrame } from "./frames.ts";
import { parseNotices, type NaverNotice } from "./chat.ts";
import { parseProducts, type NaverProduct } from "./products.ts";

/** What one frame of the viewer page's chat socket means to LiveQ. */
export type ViewerEvent =
  | { type: "chats"; chats: IngestChat[]; malformed: number; next: number | null }
  | { type: "products"; products: NaverProduct[]; malformed: number }
  | { type: "notice"; fixed: boolean; notices: NaverNotice[]; malformed: number }
  /** The broadcast changed state: a capture should fetch the backlog. */
  | { type: "broadcast-changed" }
  /** Transport frames (open, ping, connect…) and events LiveQ does not use. */
  | { type: "ignored"; reason: string }
  | { type: "malformed"; reason: string };

/** Decodes one WebSocket frame text from the viewer page into a `ViewerEvent`. Never throws. */
export function decodeViewerFrame(payload: string): ViewerEvent {
  const frame = parseEngineFrame(payload);
  if (frame.kind === "malformed") return { type: "malformed", reason: frame.reason };
  if (frame.kind !== "event") return { type: "ignored", reason: frame.kind };
  const data = decodeEventArg(frame.args[0]);
  switch (frame.event) {
    case "broadcast_chat": {
      const page = parseChatList(data);
      if (!page) return { type: "malformed", reason: "broadcast_chat payload is not {list, next}" };
      return { type: "chats", chats: page.items, malformed: page.malformed, next: page.next };
    }
    case "broadcast_shopping_product": {
      const parsed = parseProducts(data);
      return { type: "products", products: parsed.items, malformed: parsed.malformed };
    }
    case "broadcast_notice":
    case "broadcast_fixed_notice": {
      const parsed = parseNotices(data);
      return {
        type: "notice",
        fixed: frame.event === "broadcast_fixed_notice",
        notices: parsed.items,
        malformed: parsed.malformed,
      };
    }
    case "broadcast":
      return { type: "broadcast-changed" };
    default:
      return { type: "ignored", reason: `event ${frame.event}` };
  }
}
