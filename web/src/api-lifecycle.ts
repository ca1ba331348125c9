import { BroadcastList, NoContent } from "../../core/protocol/index.ts";
import { request } from "./api.ts";

/** Broadcast list pages and deletion (`GET /api/broadcasts?cursor=`, `DELETE /api/broadcasts/:id`). */
export const lifecycleApi = {
  /** The page after `cursor` (the previous page's `nextCursor`). */
  listMore: (cursor: string) => request(BroadcastList, `/api/broadcasts?cursor=${encodeURIComponent(cursor)}`),
  /** Deletes the broadcast and all its data: 204, no body. */
  deleteBroadcast: (id: string) =>
    request(NoContent, `/api/broadcasts/${encodeURIComponent(id)}`, { method: "DELETE" }),
};
