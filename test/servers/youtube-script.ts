/**
 * The test-control vocabulary of the local YouTube Data API server (youtube-server.ts), free
 * of Node imports so workerd tests and the end-to-end run share it.
 */
import * as z from "zod";

export const YOUTUBE_TEST_KEY = "test-youtube-api-key";
export const YOUTUBE_TEST_OAUTH = {
  clientId: "test-client.apps.googleusercontent.com",
  clientSecret: "test-client-secret",
  refreshToken: "test-refresh-token",
} as const;

/** A live video and its chat. `pageSize` caps items per list page (maxResults is honoured below it). */
export const VideoSetup = z.object({
  videoId: z.string(),
  liveChatId: z.string(),
  pollingIntervalMillis: z.number().int().nonnegative().default(50),
  pageSize: z.number().int().positive().default(200),
  /** False: the video exists but has no live chat (not live, or the chat is off). */
  live: z.boolean().default(true),
});
export type VideoSetup = z.input<typeof VideoSetup>;

/** A message to add to a chat, as a viewer (or a moderator) writes it. */
export const AddMessage = z.object({
  id: z.string(),
  type: z
    .enum(["textMessageEvent", "superChatEvent", "messageDeletedEvent", "newSponsorEvent", "pollEvent"])
    .default("textMessageEvent"),
  text: z.string().default(""),
  author: z.string().default("시청자"),
  channelId: z.string().optional(),
  amount: z.string().optional(),
  deletedId: z.string().optional(),
});
export type AddMessage = z.input<typeof AddMessage>;

/** One scripted failure of the next call of `op`, in Google's error shape. */
export const Fault = z.object({
  op: z.enum(["videos", "list", "insert", "delete", "ban", "token"]),
  status: z.number().int(),
  reason: z.string(),
  /** Only for calls on this live chat (list, insert, ban) or to delete this message id. */
  target: z.string().optional(),
});
export type Fault = z.infer<typeof Fault>;

/** What the server saw on a chat (GET /__test/chats/:liveChatId). */
export interface ChatLog {
  listCalls: { pageToken: string | null; at: number; status: number }[];
  inserted: { id: string; text: string }[];
  deleted: string[];
  bans: { channelId: string; type: string; banDurationSeconds: number | null }[];
  /** Requests that carried the API key in the URL (there should be none). */
  keyInUrl: number;
}

/** The token endpoint's state (GET /__test/oauth). `revoked`: the refresh token answers invalid_grant. */
export interface OAuthState {
  revoked: boolean;
  expiresIn: number;
  tokenRequests: number;
  /** API calls refused because their access token had expired. */
  expiredRefusals: number;
}
