import * as z from "zod";
import { LIMITS } from "../protocol/limits.ts";

/**
 * The parts of the YouTube Data API v3 responses the capture reads (field names verbatim).
 * Items are validated one by one so that one odd item is counted and skipped, never fatal.
 */

/** `videos.list?part=liveStreamingDetails`: `activeLiveChatId` is present only while the chat is live. */
export const VideoList = z.object({
  items: z
    .array(
      z.object({
        id: z.string(),
        liveStreamingDetails: z
          .object({
            activeLiveChatId: z.string().min(1).max(200).optional(),
            actualStartTime: z.string().optional(),
            actualEndTime: z.string().optional(),
            scheduledStartTime: z.string().optional(),
          })
          .optional(),
      }),
    )
    .default([]),
});
export type VideoList = z.infer<typeof VideoList>;

/** `liveChatMessages.list?part=snippet,authorDetails`: one page and when to ask for the next. */
export const LiveChatPage = z.object({
  pollingIntervalMillis: z.number().int().nonnegative().default(5000),
  nextPageToken: z.string().min(1).max(500).optional(),
  /** Set once the chat went offline: no messages come after it. */
  offlineAt: z.string().optional(),
  items: z.array(z.unknown()).default([]),
});
export type LiveChatPage = z.infer<typeof LiveChatPage>;

const LiveChatMessage = z.object({
  id: z.string().min(1).max(200),
  snippet: z.object({
    type: z.string(),
    publishedAt: z.string().optional(),
    displayMessage: z.string().optional(),
    textMessageDetails: z.object({ messageText: z.string() }).optional(),
    superChatDetails: z
      .object({
        amountMicros: z.union([z.string(), z.number()]).optional(),
        currency: z.string().optional(),
        amountDisplayString: z.string().max(40).optional(),
        userComment: z.string().optional(),
      })
      .optional(),
    messageDeletedDetails: z.object({ deletedMessageId: z.string().min(1).max(200) }).optional(),
  }),
  authorDetails: z
    .object({
      displayName: z.string().optional(),
      channelId: z.string().optional(),
      isChatOwner: z.boolean().optional(),
    })
    .optional(),
});

/** A chat from YouTube, before the capture numbers it. `sourceId` is YouTube's message id. */
export interface YouTubeChat {
  sourceId: string;
  nickname: string;
  message: string;
  commentType: "CHATTING" | "SUPER_CHAT";
  /** The author's channel (what a timeout bans). */
  authorChannelId: string | null;
  /** Written by the channel itself (what LiveQ posts appears so). */
  byOwner: boolean;
  /** A Super Chat's amount as YouTube displays it ("₩5,000"). */
  amount?: string;
  at?: number;
}

export interface PageContent {
  chats: YouTubeChat[];
  /** Ids of messages a moderator or the author deleted. */
  deleted: string[];
  /** Items that were not chats (memberships, polls, bans…). */
  ignored: number;
  malformed: number;
}

/**
 * The chats and deletions of one page, in order: `textMessageEvent` and `superChatEvent` are
 * chats (a Super Chat without a comment is still one: its amount is what it says);
 * `messageDeletedEvent` names a chat to hide; every other type is not a chat.
 */
export function readPage(items: readonly unknown[]): PageContent {
  const out: PageContent = { chats: [], deleted: [], ignored: 0, malformed: 0 };
  for (const item of items) {
    const parsed = LiveChatMessage.safeParse(item);
    if (!parsed.success) {
      out.malformed++;
      continue;
    }
    const { id, snippet, authorDetails } = parsed.data;
    if (snippet.type === "messageDeletedEvent" && snippet.messageDeletedDetails)
      out.deleted.push(snippet.messageDeletedDetails.deletedMessageId);
    else if (snippet.type === "textMessageEvent" || snippet.type === "superChatEvent") {
      const chat = toChat(id, snippet, authorDetails);
      if (chat) out.chats.push(chat);
      else out.malformed++;
    } else out.ignored++;
  }
  return out;
}

type Snippet = z.infer<typeof LiveChatMessage>["snippet"];

function toChat(
  id: string,
  snippet: Snippet,
  author: z.infer<typeof LiveChatMessage>["authorDetails"],
): YouTubeChat | null {
  const superChat = snippet.type === "superChatEvent" ? snippet.superChatDetails : undefined;
  const amount = superChat?.amountDisplayString;
  const text = superChat
    ? superChat.userComment || snippet.displayMessage || amount || ""
    : (snippet.textMessageDetails?.messageText ?? snippet.displayMessage ?? "");
  if (!text || text.length > LIMITS.maxMessageChars) return null;
  const at = snippet.publishedAt ? Date.parse(snippet.publishedAt) : NaN;
  const chat: YouTubeChat = {
    sourceId: id,
    nickname: (author?.displayName ?? "").slice(0, LIMITS.maxNicknameChars),
    message: text,
    commentType: superChat ? "SUPER_CHAT" : "CHATTING",
    authorChannelId: author?.channelId ?? null,
    byOwner: author?.isChatOwner === true,
  };
  if (amount) chat.amount = amount;
  if (Number.isFinite(at)) chat.at = at;
  return chat;
}

/** The most a chat message posted by the API may hold (liveChatMessages.insert). */
export const MAX_POST_CHARS = 200;

/**
 * What `liveChatMessages.insert` will carry for `text`: at most 200 characters (code points,
 * so a Korean syllable or an emoji is never split), cut with an ellipsis, and what was cut.
 */
export function chatPostText(text: string): { text: string; cut: string } {
  const chars = Array.from(text.trim());
  if (chars.length <= MAX_POST_CHARS) return { text: chars.join(""), cut: "" };
  return { text: `${chars.slice(0, MAX_POST_CHARS - 1).join("")}…`, cut: chars.slice(MAX_POST_CHARS - 1).join("") };
}
