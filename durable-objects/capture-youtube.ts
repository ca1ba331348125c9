import { backoffMs, type ApiFailure } from "../core/youtube/errors.ts";
import { LiveChatPage, readPage, VideoList } from "../core/youtube/live-chat.ts";
import { msUntilQuotaReset, planPoll, QUOTA_COST, QUOTA_WARN_SHARE, spend, unitsToday } from "../core/youtube/quota.ts";
import type { CaptureStatus } from "../core/protocol/board.ts";
import type { IngestChat } from "../core/protocol/ingest.ts";
import { callDataApi } from "../server/youtube/data-api.ts";
import type { YouTubeConfig } from "../server/youtube/settings.ts";
import { freshYouTubeRecord, loadYouTube, replaceYouTube, saveYouTube, type YouTubeRecord } from "./youtube-record.ts";

/** While a video has no live chat yet (scheduled, starting), look again this often. */
const WAITING_MS = 30_000;
/** The largest page liveChatMessages.list serves. */
const MAX_RESULTS = "2000";

/** What one step did, for the capture's own record and status. */
export interface PollStep {
  state: CaptureStatus["state"];
  message?: string;
  /** Chats the hub newly accepted in this step. */
  accepted: number;
  lastChatAt: number | null;
  /** The live chat is over: the capture ends. */
  ended: boolean;
}

export interface PollContext {
  kv: SyncKvStorage;
  config: YouTubeConfig;
  /** One hub RPC per page; resolves once the batch is durable (its accepted count). */
  ingest: (chats: IngestChat[]) => Promise<number>;
  /** Chats YouTube deleted: hidden on every board. */
  hide: (sourceIds: string[]) => Promise<void>;
  log: (line: string) => void;
}

/** Starts (or resumes, for the same video) the YouTube record: a new video starts from scratch. */
export function beginYouTube(kv: SyncKvStorage, videoId: string, now: number): YouTubeRecord {
  const existing = loadYouTube(kv);
  if (existing?.videoId === videoId) return saveYouTube(kv, existing, { failures: 0, pollAt: now });
  return replaceYouTube(kv, freshYouTubeRecord(videoId, now));
}

/** The quota figures capture status shows. */
export function quotaStatus(
  kv: SyncKvStorage,
  config: YouTubeConfig,
  now: number,
): NonNullable<CaptureStatus["quota"]> {
  const units = unitsToday(loadYouTube(kv)?.ledger ?? null, now);
  return { units, limit: config.dailyQuota, warning: units >= config.dailyQuota * QUOTA_WARN_SHARE };
}

/** Counts `units` against today's quota (writes share the ledger with polling). */
export function spendQuota(kv: SyncKvStorage, units: number, now: number): void {
  const record = loadYouTube(kv);
  if (record) saveYouTube(kv, record, (current) => ({ ledger: spend(current.ledger, units, now) }));
}

/**
 * One polling step of the YouTube capture, run from the capture object's alarm: find the live
 * chat (videos.list), read the next page (liveChatMessages.list), hand its chats to the hub in
 * one batch and, once the hub has them, keep the next page token. Answers when to run again
 * (`pollAt` in the record) and what happened; failures are classified, never thrown.
 */
export async function pollYouTube(ctx: PollContext, now: number): Promise<PollStep> {
  let record = loadYouTube(ctx.kv);
  const idle: PollStep = { state: "capturing", accepted: 0, lastChatAt: null, ended: false };
  if (!record) return { ...idle, state: "error", message: "no YouTube video to capture", ended: true };
  if (now < record.pollAt) return { ...idle, state: record.failures ? "reconnecting" : "capturing" };
  const apiKey = ctx.config.apiKey;
  if (!apiKey) return { ...idle, state: "error", message: "YOUTUBE_API_KEY is not set", ended: true };
  if (!record.liveChatId) {
    const found = await findLiveChat(ctx, record, apiKey, now);
    if ("step" in found) return found.step;
    record = found.record;
  }
  record = saveYouTube(ctx.kv, record, (current) => ({ ledger: spend(current.ledger, QUOTA_COST.messagesList, now) }));
  const params: Record<string, string> = {
    liveChatId: record.liveChatId!,
    part: "snippet,authorDetails",
    maxResults: MAX_RESULTS,
  };
  if (record.pageToken) params.pageToken = record.pageToken;
  const res = await callDataApi(ctx.config, "liveChat/messages", params, { apiKey });
  if (!res.ok) return failed(ctx, record, res.failure, now);
  const page = LiveChatPage.safeParse(res.body);
  if (!page.success) return failed(ctx, record, { kind: "retry", reason: "unreadable list page" }, now);
  return takePage(ctx, record, page.data, now);
}

async function findLiveChat(
  ctx: PollContext,
  record: YouTubeRecord,
  apiKey: string,
  now: number,
): Promise<{ record: YouTubeRecord } | { step: PollStep }> {
  record = saveYouTube(ctx.kv, record, (current) => ({ ledger: spend(current.ledger, QUOTA_COST.videosList, now) }));
  const res = await callDataApi(ctx.config, "videos", { part: "liveStreamingDetails", id: record.videoId }, { apiKey });
  if (!res.ok) return { step: await failed(ctx, record, res.failure, now) };
  const list = VideoList.safeParse(res.body);
  if (!list.success)
    return { step: await failed(ctx, record, { kind: "retry", reason: "unreadable videos page" }, now) };
  const video = list.data.items[0];
  if (!video)
    return {
      step: {
        state: "error",
        message: `YouTube has no video ${record.videoId}`,
        accepted: 0,
        lastChatAt: null,
        ended: true,
      },
    };
  const details = video.liveStreamingDetails;
  if (!details?.activeLiveChatId) {
    if (details?.actualEndTime)
      return {
        step: {
          state: "stopped",
          message: "the YouTube live stream has ended",
          accepted: 0,
          lastChatAt: null,
          ended: true,
        },
      };
    saveYouTube(ctx.kv, record, { pollAt: now + WAITING_MS });
    return {
      step: {
        state: "starting",
        message: "waiting for the video's live chat to open",
        accepted: 0,
        lastChatAt: null,
        ended: false,
      },
    };
  }
  return { record: saveYouTube(ctx.kv, record, { liveChatId: details.activeLiveChatId, pageToken: null }) };
}

async function takePage(ctx: PollContext, record: YouTubeRecord, page: LiveChatPage, now: number): Promise<PollStep> {
  const content = readPage(page.items);
  // Read now, not at the poll's start: a post may have finished while the page was fetched.
  const own = new Set(loadYouTube(ctx.kv)?.posted ?? record.posted);
  const chats: IngestChat[] = content.chats
    .filter((c) => !own.has(c.sourceId) && !(c.byOwner && own.has(`text:${c.message}`)))
    .map((c) => {
      const chat: IngestChat = {
        commentNo: 0,
        sourceId: c.sourceId,
        nickname: c.nickname,
        message: c.message,
        commentType: c.commentType,
      };
      if (c.at !== undefined) chat.at = c.at;
      if (c.amount) chat.badge = c.amount;
      if (c.authorChannelId) chat.authorId = c.authorChannelId;
      return chat;
    });
  let accepted = 0;
  try {
    // The batch is durable in the hub before the token moves past it: an eviction here re-reads the page.
    if (chats.length) accepted = await ctx.ingest(chats);
    if (content.deleted.length) await ctx.hide(content.deleted);
  } catch (err) {
    ctx.log(`hub ingest failed (${err instanceof Error ? err.message : String(err)}); the page is read again`);
    return failed(ctx, record, { kind: "retry", reason: "hub unavailable" }, now);
  }
  const plan = planPoll({
    pollingIntervalMillis: page.pollingIntervalMillis,
    ledger: record.ledger,
    dailyQuota: ctx.config.dailyQuota,
    now,
  });
  saveYouTube(ctx.kv, record, (current) => ({
    pageToken: page.nextPageToken ?? current.pageToken,
    failures: 0,
    // From the answer, not the request: the next call is never sooner than YouTube asked.
    pollAt: Date.now() + plan.delayMs,
    ignored: current.ignored + content.ignored,
    malformed: current.malformed + content.malformed,
  }));
  const lastChatAt = chats.length ? (chats.at(-1)!.at ?? now) : null;
  if (page.offlineAt)
    return {
      state: "stopped",
      message: `the YouTube live chat ended (${page.offlineAt})`,
      accepted,
      lastChatAt,
      ended: true,
    };
  const step: PollStep = { state: "capturing", accepted, lastChatAt, ended: false };
  if (plan.warning)
    step.message = `YouTube quota past ${QUOTA_WARN_SHARE * 100}% of ${ctx.config.dailyQuota} units today: polling every ${Math.round(plan.delayMs / 1000)} s`;
  return step;
}

/** What a failed call leads to: wait for the quota reset, back off, start the page again, or end. */
async function failed(ctx: PollContext, record: YouTubeRecord, failure: ApiFailure, now: number): Promise<PollStep> {
  const failures = record.failures + 1;
  now = Date.now();
  const base: PollStep = { state: "reconnecting", accepted: 0, lastChatAt: null, ended: false };
  ctx.log(`YouTube call failed: ${failure.kind} ${failure.reason}`);
  switch (failure.kind) {
    case "quota":
      saveYouTube(ctx.kv, record, { failures, pollAt: now + msUntilQuotaReset(now) });
      return { ...base, message: "YouTube quota exceeded: resumes after midnight Pacific time" };
    case "rate":
    case "retry":
      saveYouTube(ctx.kv, record, { failures, pollAt: now + backoffMs(failures) });
      return { ...base, message: `YouTube ${failure.reason}: retrying in ${Math.round(backoffMs(failures) / 1000)} s` };
    case "page-token":
      // Read from the chat's present again; the hub drops any chat it already has by its id.
      saveYouTube(ctx.kv, record, { failures, pageToken: null, pollAt: now + backoffMs(1) });
      return { ...base, message: "YouTube refused the page token: reading from the chat's present" };
    case "ended":
      saveYouTube(ctx.kv, record, { failures: 0, liveChatId: null, pageToken: null });
      return { ...base, state: "stopped", message: `the YouTube live chat ended (${failure.reason})`, ended: true };
    case "fatal":
      saveYouTube(ctx.kv, record, { failures });
      return { ...base, state: "error", message: `YouTube refused: ${failure.reason}`, ended: true };
  }
}
