import { YouTubeDeleted, YouTubePosted, YouTubeTimedOut } from "../../core/protocol/index.ts";
import { jsonBody, request } from "./api.ts";
import type { BoardStore } from "./board-store.ts";

function base(id: string): string {
  return `/api/broadcasts/${encodeURIComponent(id)}`;
}

/** Writing into the YouTube live chat (OAuth configured on the server). */
export const youtubeApi = {
  post: (id: string, answerId: string) =>
    request(YouTubePosted, `${base(id)}/answers/${encodeURIComponent(answerId)}/youtube`, { method: "POST" }),
  deleteChat: (id: string, commentNo: number) =>
    request(YouTubeDeleted, `${base(id)}/youtube/chats/${commentNo}/delete`, { method: "POST" }),
  timeout: (id: string, commentNo: number, seconds: number) =>
    request(YouTubeTimedOut, `${base(id)}/youtube/chats/${commentNo}/timeout`, jsonBody("POST", { seconds })),
};

/** Whether this board's broadcast is captured from YouTube (its capture runs on the Data API). */
export function isYouTube(store: BoardStore): boolean {
  return store.capture.value?.runner === "youtube-api";
}
