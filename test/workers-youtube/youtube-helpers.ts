import { env } from "cloudflare:workers";
import type { AddMessage, ChatLog, Fault, OAuthState, VideoSetup } from "../servers/youtube-script.ts";
import { CaptureStatus } from "../../core/protocol/board.ts";
import { api, createBroadcast, openSocket, type TestSocket } from "../workers/helpers.ts";

export const YT = (env as unknown as { TEST_YOUTUBE_URL: string }).TEST_YOUTUBE_URL;
export const WAIT_MS = 20_000;

async function control(path: string, method: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${YT}/__test/${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`control ${path}: ${res.status}`);
  return res.json();
}

/** A fresh live video and chat on the local server (ids never shared between tests). */
export async function liveVideo(setup: Partial<VideoSetup> = {}): Promise<{ videoId: string; liveChatId: string }> {
  const videoId = crypto.randomUUID().replaceAll("-", "").slice(0, 11);
  const liveChatId = `chat-${videoId}`;
  await control("videos", "POST", { videoId, liveChatId, ...setup });
  return { videoId, liveChatId };
}

export const addMessages = (liveChatId: string, items: AddMessage[]) =>
  control(`chats/${liveChatId}/messages`, "POST", items);
export const endChat = (liveChatId: string) => control(`chats/${liveChatId}/end`, "POST");
export const tuneChat = (liveChatId: string, patch: Partial<VideoSetup>) =>
  control(`chats/${liveChatId}`, "PATCH", patch);
export const chatLog = (liveChatId: string) => control(`chats/${liveChatId}`, "GET") as Promise<ChatLog>;
export const addFaults = (faults: Fault[]) => control("faults", "POST", faults);
export const oauthState = (patch?: Partial<OAuthState> & { dropAccessTokens?: boolean }) =>
  control("oauth", patch ? "POST" : "GET", patch) as Promise<OAuthState>;

/** A broadcast with source youtube for `video` (an id or URL), its capture started, and a live board. */
export async function capturedBroadcast(video: string): Promise<{ id: string; board: TestSocket }> {
  const { id } = await createBroadcast({ source: "youtube", youtubeVideoId: video });
  const board = await openSocket(`/api/broadcasts/${id}/board`);
  board.send({ type: "hello", lastSeq: 0 });
  const res = await api(`/api/broadcasts/${id}/capture`, { method: "POST", body: JSON.stringify({ kind: "youtube" }) });
  if (res.status !== 202) throw new Error(`capture start: ${res.status} ${await res.text()}`);
  return { id, board };
}

export function captureFrames(board: TestSocket): CaptureStatus[] {
  return board.messages.flatMap((m) => (m.type === "capture" ? [CaptureStatus.parse(m.status)] : []));
}

export async function captureStatus(id: string): Promise<CaptureStatus> {
  const res = await api(`/api/broadcasts/${id}/capture`);
  return CaptureStatus.parse(((await res.json()) as { status: unknown }).status);
}

/** Chats on a board after every hide frame it received. */
export function visibleChats(
  board: TestSocket,
): { commentNo: number; message: string; nickname?: string; badge?: string }[] {
  const hidden = new Set(board.messages.flatMap((m) => (m.type === "chats-hidden" ? (m.commentNos as number[]) : [])));
  return board.chats().filter((c) => !hidden.has(c.commentNo));
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function texts(n: number, prefix: string): AddMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i + 1}`,
    text: `${prefix} 메시지 ${i + 1}`,
    author: `viewer${i + 1}`,
  }));
}
