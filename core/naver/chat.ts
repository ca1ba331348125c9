import * as z from "zod";
import { IngestChat } from "../protocol/ingest.ts";
import { NumberLike, OptionalNumber, parseEach, type Parsed } from "./tolerant.ts";

/**
 * One chat as Naver sends it (`broadcast_chat` frames, recent-comments, replay comments).
 * `commentNo` is increasing and unique per broadcast. Replay items add `createdAtMilli` etc.
 */
export const NaverChatItem = z.object({
  commentNo: NumberLike,
  commentType: z.string().nullish(),
  nickname: z.string().nullish(),
  message: z.string(),
  idNo: z.string().nullish(),
  createdAtMilli: OptionalNumber,
  createdAt: z.union([z.string(), z.number()]).nullish(),
});
export type NaverChatItem = z.infer<typeof NaverChatItem>;

/** A Naver chat item as LiveQ's ingest chat; null when it fails either schema. */
export function toIngestChat(item: unknown): IngestChat | null {
  const naver = NaverChatItem.safeParse(item);
  if (!naver.success) return null;
  const { commentNo, commentType, nickname, message, createdAtMilli, createdAt } = naver.data;
  const at = createdAtMilli ?? (typeof createdAt === "number" ? createdAt : parseTime(createdAt));
  const chat = IngestChat.safeParse({
    commentNo,
    nickname: nickname ?? "",
    message,
    commentType: commentType ?? "CHATTING",
    ...(at !== null && at >= 0 ? { at: Math.round(at) } : {}),
  });
  return chat.success ? chat.data : null;
}

function parseTime(text: string | null | undefined): number | null {
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** Converts a list of chat items, counting and skipping the ones that do not fit. */
export function toIngestChats(list: unknown): Parsed<IngestChat> {
  const raw = parseEach(z.unknown(), list);
  const items: IngestChat[] = [];
  let malformed = raw.malformed;
  for (const item of raw.items) {
    const chat = toIngestChat(item);
    if (chat) items.push(chat);
    else malformed++;
  }
  return { items, malformed };
}

/** A page of chats with a cursor: the `broadcast_chat` payload and recent-comments answer. */
export interface ChatPage extends Parsed<IngestChat> {
  /** Naver's cursor (a commentNo), or null when absent. */
  next: number | null;
}

const ChatListShape = z.object({ list: z.unknown(), next: OptionalNumber.catch(null) });

/**
 * `{list:[…], next}`: a `broadcast_chat` event payload (already JSON-decoded) or the
 * recent-comments answer. Null when the value is not that shape at all.
 */
export function parseChatList(value: unknown): ChatPage | null {
  const shape = ChatListShape.safeParse(value);
  if (!shape.success) return null;
  return { ...toIngestChats(shape.data.list), next: shape.data.next };
}

const ReplayCommentsShape = z.object({
  comments: z.unknown(),
  hasNext: z.boolean().catch(false),
  lastCommentNo: OptionalNumber.catch(null),
});

/** A replay comments page `{comments, hasNext, lastCommentNo}`; null when not that shape. */
export function parseReplayComments(
  value: unknown,
): (Parsed<IngestChat> & { hasNext: boolean; lastCommentNo: number | null }) | null {
  const shape = ReplayCommentsShape.safeParse(value);
  if (!shape.success) return null;
  return {
    ...toIngestChats(shape.data.comments),
    hasNext: shape.data.hasNext,
    lastCommentNo: shape.data.lastCommentNo,
  };
}

/** A host notice (`broadcast_notice`, `broadcast_fixed_notice`). */
export const NaverNotice = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  message: z
    .string()
    .nullish()
    .transform((v) => v ?? ""),
  deleted: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
});
export type NaverNotice = z.infer<typeof NaverNotice>;

/** A notice payload: one notice or a list of them (both are seen). */
export function parseNotices(value: unknown): Parsed<NaverNotice> {
  return parseEach(NaverNotice, Array.isArray(value) ? value : value === undefined ? [] : [value]);
}
