import * as z from "zod";
import { chatPostText } from "../core/youtube/live-chat.ts";
import { QUOTA_COST } from "../core/youtube/quota.ts";
import { callDataApi, type ApiResult } from "../server/youtube/data-api.ts";
import { AccessTokens, OAuthError } from "../server/youtube/oauth.ts";
import type { YouTubeConfig } from "../server/youtube/settings.ts";
import { MAX_TIMEOUT_SECONDS, type WriteOutcome } from "../server/object-contracts.ts";

export { MAX_TIMEOUT_SECONDS, type WriteOutcome };
import { spendQuota } from "./capture-youtube.ts";
import { loadYouTube, saveYouTube, withPosted } from "./youtube-record.ts";

const Inserted = z.object({ id: z.string() });

/** A post (cut to 200 characters), a deletion by message id, or a temporary timeout by channel id. */
export type YouTubeWrite =
  | { kind: "post"; text: string }
  | { kind: "delete"; messageId: string }
  | { kind: "timeout"; channelId: string; seconds: number };

/**
 * Writes into the broadcast's YouTube live chat with the channel's OAuth token: post an
 * answer (liveChatMessages.insert, cut to 200 characters), delete a chat
 * (liveChatMessages.delete), time out its author (liveChatBans.insert, temporary).
 * Each needs OAuth configured and a live chat the capture has found.
 */
export class YouTubeWriter {
  private readonly kv: SyncKvStorage;
  private readonly config: YouTubeConfig;

  constructor(kv: SyncKvStorage, config: YouTubeConfig) {
    this.kv = kv;
    this.config = config;
  }

  run(write: YouTubeWrite): Promise<WriteOutcome> {
    if (write.kind === "post") return this.post(write.text);
    if (write.kind === "delete") return this.deleteMessage(write.messageId);
    return this.timeout(write.channelId, Math.min(Math.max(10, Math.round(write.seconds)), MAX_TIMEOUT_SECONDS));
  }

  async post(text: string): Promise<WriteOutcome> {
    const { text: cut } = chatPostText(text);
    // Marked before the call: the capture may read the post back before the insert answers.
    const record = loadYouTube(this.kv);
    if (record) saveYouTube(this.kv, record, withPosted(`text:${cut}`));
    const outcome = await this.write(
      "liveChat/messages",
      { part: "snippet" },
      "POST",
      QUOTA_COST.messagesInsert,
      (liveChatId) => ({
        snippet: { liveChatId, type: "textMessageEvent", textMessageDetails: { messageText: cut } },
      }),
    );
    if (!outcome.ok) return outcome;
    const inserted = Inserted.safeParse(outcome.body);
    if (inserted.success && record) saveYouTube(this.kv, record, withPosted(inserted.data.id));
    return { ok: true, text: cut, ...(inserted.success ? { id: inserted.data.id } : {}) };
  }

  async deleteMessage(messageId: string): Promise<WriteOutcome> {
    const outcome = await this.write("liveChat/messages", { id: messageId }, "DELETE", QUOTA_COST.messagesDelete);
    return outcome.ok ? { ok: true, id: messageId } : outcome;
  }

  async timeout(channelId: string, seconds: number): Promise<WriteOutcome> {
    const outcome = await this.write(
      "liveChat/bans",
      { part: "snippet" },
      "POST",
      QUOTA_COST.bansInsert,
      (liveChatId) => ({
        snippet: { liveChatId, type: "temporary", banDurationSeconds: seconds, bannedUserDetails: { channelId } },
      }),
    );
    return outcome.ok ? { ok: true } : outcome;
  }

  private async write(
    path: string,
    params: Record<string, string>,
    method: string,
    units: number,
    body?: (liveChatId: string) => unknown,
  ): Promise<{ ok: true; body: unknown } | Extract<WriteOutcome, { ok: false }>> {
    if (!this.config.oauth)
      return {
        ok: false,
        code: "youtube_oauth_missing",
        status: 409,
        message: "YouTube OAuth is not configured (YOUTUBE_OAUTH_CLIENT_ID, _SECRET, _REFRESH_TOKEN)",
      };
    const liveChatId = loadYouTube(this.kv)?.liveChatId;
    if (!liveChatId)
      return {
        ok: false,
        code: "youtube_not_live",
        status: 409,
        message: "the YouTube live chat is not known: start the YouTube capture first",
      };
    const tokens = new AccessTokens(this.kv, this.config.oauth);
    const init = { method, ...(body ? { body: body(liveChatId) } : {}) };
    try {
      spendQuota(this.kv, units, Date.now());
      let res: ApiResult = await callDataApi(this.config, path, params, { accessToken: await tokens.get() }, init);
      if (!res.ok && res.status === 401) {
        // Revoked or expired early: one fresh token, one more try.
        tokens.forget();
        res = await callDataApi(this.config, path, params, { accessToken: await tokens.get() }, init);
      }
      if (res.ok) return res;
      return {
        ok: false,
        code: `youtube_${res.failure.kind.replace("-", "_")}`,
        status: 502,
        message: `YouTube refused: ${res.failure.reason}`,
      };
    } catch (err) {
      if (err instanceof OAuthError) return { ok: false, code: err.code, status: 502, message: err.message };
      throw err;
    }
  }
}
