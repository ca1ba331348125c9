/**
 * A local YouTube Data API v3 and Google OAuth token endpoint, speaking their REST shapes:
 * `GET /youtube/v3/videos?part=liveStreamingDetails&id=`, `GET|POST|DELETE
 * /youtube/v3/liveChat/messages` (list with `pageToken`, `pollingIntervalMillis`, `offlineAt`;
 * insert; delete), `POST /youtube/v3/liveChat/bans`, and `POST /token` (refresh_token grant).
 * Errors come in Google's shape `{error:{code,message,errors:[{domain,reason,message}]}}`.
 * The API key is read from `x-goog-api-key`; writes need a Bearer access token that has not expired.
 *
 * Test control under `/__test/` (see youtube-script.ts): videos, messages, scripted faults,
 * chat end, what the server saw, and the token endpoint's state.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readBody, safeJson } from "./http-util.ts";
import {
  AddMessage,
  Fault,
  VideoSetup,
  YOUTUBE_TEST_KEY,
  YOUTUBE_TEST_OAUTH,
  type ChatLog,
  type OAuthState,
} from "./youtube-script.ts";

export interface YouTubeServer {
  url: string;
  close(): Promise<void>;
}

interface Chat extends ChatLog {
  setup: ReturnType<typeof VideoSetup.parse>;
  items: unknown[];
  /** Set by /__test/.../end: the next list carries offlineAt, later ones answer liveChatEnded. */
  offlineAt: string | null;
  offlineDelivered: boolean;
}

const OWNER = { channelId: "UC-liveq-owner", displayName: "LiveQ 채널" };

export async function startYouTubeServer(): Promise<YouTubeServer> {
  const videos = new Map<string, Chat>();
  const chats = new Map<string, Chat>();
  const faults: Fault[] = [];
  const oauth: OAuthState = { revoked: false, expiresIn: 3600, tokenRequests: 0, expiredRefusals: 0 };
  const accessTokens = new Map<string, number>();
  let tokenCounter = 0;
  let idCounter = 0;

  const takeFault = (op: Fault["op"], target?: string) => {
    const i = faults.findIndex((f) => f.op === op && (f.target === undefined || f.target === target));
    return i < 0 ? null : faults.splice(i, 1)[0]!;
  };

  function item(
    chat: Chat,
    m: ReturnType<typeof AddMessage.parse>,
    author = { channelId: m.channelId ?? `UC-${m.author}`, displayName: m.author },
  ) {
    const snippet: Record<string, unknown> = {
      type: m.type,
      liveChatId: chat.setup.liveChatId,
      authorChannelId: author.channelId,
      publishedAt: new Date().toISOString(),
      hasDisplayContent: true,
      displayMessage: m.text,
    };
    if (m.type === "textMessageEvent") snippet.textMessageDetails = { messageText: m.text };
    if (m.type === "superChatEvent")
      snippet.superChatDetails = {
        amountMicros: "5000000000",
        currency: "KRW",
        amountDisplayString: m.amount ?? "₩5,000",
        userComment: m.text,
        tier: 2,
      };
    if (m.type === "messageDeletedEvent") snippet.messageDeletedDetails = { deletedMessageId: m.deletedId ?? "" };
    return {
      kind: "youtube#liveChatMessage",
      etag: `e-${m.id}`,
      id: m.id,
      snippet,
      authorDetails: { ...author, isChatOwner: author === OWNER, isChatModerator: false },
    };
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://local");
    const body = req.method === "GET" || req.method === "DELETE" ? undefined : await readBody(req);
    const json = (status: number, payload?: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(payload === undefined ? "" : JSON.stringify(payload));
    };
    const googleError = (status: number, reason: string) =>
      json(status, {
        error: { code: status, message: reason, errors: [{ domain: "youtube.liveChat", reason, message: reason }] },
      });
    try {
      if (url.pathname.startsWith("/__test/")) return control(req, res, url, body, json);
      if (url.pathname === "/token" && req.method === "POST") return token(body ?? "", json);
      if (url.searchParams.has("key")) for (const chat of chats.values()) chat.keyInUrl++;
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (bearer !== undefined) {
        const expiresAt = accessTokens.get(bearer);
        if (expiresAt === undefined || expiresAt <= Date.now()) {
          if (expiresAt !== undefined) oauth.expiredRefusals++;
          return json(401, {
            error: {
              code: 401,
              message: "Request had invalid authentication credentials.",
              errors: [{ domain: "global", reason: "authError" }],
            },
          });
        }
      } else if (req.headers["x-goog-api-key"] !== YOUTUBE_TEST_KEY) return googleError(400, "keyInvalid");
      if (url.pathname === "/youtube/v3/videos" && req.method === "GET") {
        const fault = takeFault("videos", url.searchParams.get("id") ?? "");
        if (fault) return googleError(fault.status, fault.reason);
        const found = videos.get(url.searchParams.get("id") ?? "");
        const items = found
          ? [
              {
                kind: "youtube#video",
                id: found.setup.videoId,
                liveStreamingDetails: {
                  actualStartTime: new Date().toISOString(),
                  ...(found.setup.live && !found.offlineAt ? { activeLiveChatId: found.setup.liveChatId } : {}),
                },
              },
            ]
          : [];
        return json(200, {
          kind: "youtube#videoListResponse",
          items,
          pageInfo: { totalResults: items.length, resultsPerPage: items.length },
        });
      }
      if (url.pathname === "/youtube/v3/liveChat/messages" && req.method === "GET") return list(url, json, googleError);
      if (url.pathname === "/youtube/v3/liveChat/messages" && req.method === "POST") {
        if (bearer === undefined) return googleError(401, "authError");
        const parsed = safeJson(body ?? "") as
          | { snippet?: { liveChatId?: string; type?: string; textMessageDetails?: { messageText?: string } } }
          | undefined;
        const fault = takeFault("insert", parsed?.snippet?.liveChatId);
        if (fault) return googleError(fault.status, fault.reason);
        const chat = chats.get(parsed?.snippet?.liveChatId ?? "");
        const text = parsed?.snippet?.textMessageDetails?.messageText ?? "";
        if (!chat) return googleError(404, "liveChatNotFound");
        if (chat.offlineAt) return googleError(403, "liveChatEnded");
        if (!text || [...text].length > 200 || parsed?.snippet?.type !== "textMessageEvent")
          return googleError(400, "invalidMessageText");
        const id = `posted-${++idCounter}`;
        const posted = item(chat, AddMessage.parse({ id, text }), OWNER);
        chat.items.push(posted);
        chat.inserted.push({ id, text });
        return json(200, posted);
      }
      if (url.pathname === "/youtube/v3/liveChat/messages" && req.method === "DELETE") {
        if (bearer === undefined) return googleError(401, "authError");
        const id = url.searchParams.get("id") ?? "";
        const fault = takeFault("delete", id);
        if (fault) return googleError(fault.status, fault.reason);
        const chat = [...chats.values()].find((c) => c.items.some((i) => (i as { id: string }).id === id));
        if (!chat) return googleError(404, "liveChatMessageNotFound");
        chat.deleted.push(id);
        chat.items.push(
          item(chat, AddMessage.parse({ id: `del-${++idCounter}`, type: "messageDeletedEvent", deletedId: id }), OWNER),
        );
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === "/youtube/v3/liveChat/bans" && req.method === "POST") {
        if (bearer === undefined) return googleError(401, "authError");
        const parsed = safeJson(body ?? "") as
          | {
              snippet?: {
                liveChatId?: string;
                type?: string;
                banDurationSeconds?: number;
                bannedUserDetails?: { channelId?: string };
              };
            }
          | undefined;
        const fault = takeFault("ban", parsed?.snippet?.liveChatId);
        if (fault) return googleError(fault.status, fault.reason);
        const chat = chats.get(parsed?.snippet?.liveChatId ?? "");
        const channelId = parsed?.snippet?.bannedUserDetails?.channelId;
        if (!chat) return googleError(404, "liveChatNotFound");
        if (!channelId || (parsed?.snippet?.type !== "temporary" && parsed?.snippet?.type !== "permanent"))
          return googleError(400, "invalidValue");
        chat.bans.push({
          channelId,
          type: parsed.snippet.type,
          banDurationSeconds: parsed.snippet.banDurationSeconds ?? null,
        });
        return json(200, { kind: "youtube#liveChatBan", id: `ban-${++idCounter}`, snippet: parsed.snippet });
      }
      json(404, { error: { code: 404, message: "not found", errors: [{ reason: "notFound" }] } });
    } catch (err) {
      json(500, { error: { code: 500, message: String(err), errors: [{ reason: "backendError" }] } });
    }
  });

  function list(url: URL, json: (s: number, p?: unknown) => void, googleError: (s: number, r: string) => void) {
    const chat = chats.get(url.searchParams.get("liveChatId") ?? "");
    const pageToken = url.searchParams.get("pageToken");
    const record = (status: number) => chat?.listCalls.push({ pageToken, at: Date.now(), status });
    if (!chat) return googleError(404, "liveChatNotFound");
    const part = url.searchParams.get("part") ?? "";
    if (!part.includes("snippet")) return (record(400), googleError(400, "invalidPart"));
    const fault = takeFault("list", chat.setup.liveChatId);
    if (fault) return (record(fault.status), googleError(fault.status, fault.reason));
    if (chat.offlineAt && chat.offlineDelivered) return (record(403), googleError(403, "liveChatEnded"));
    let from = 0;
    if (pageToken !== null) {
      const match = /^pos-(\d+)$/.exec(pageToken);
      if (!match || Number(match[1]) > chat.items.length) return (record(400), googleError(400, "pageTokenInvalid"));
      from = Number(match[1]);
    }
    const max = Math.min(chat.setup.pageSize, Number(url.searchParams.get("maxResults") ?? 2000) || 2000);
    const items = chat.items.slice(from, from + max);
    const next = from + items.length;
    const atEnd = next >= chat.items.length;
    record(200);
    const page: Record<string, unknown> = {
      kind: "youtube#liveChatMessageListResponse",
      etag: `p-${next}`,
      pollingIntervalMillis: chat.setup.pollingIntervalMillis,
      pageInfo: { totalResults: items.length, resultsPerPage: items.length },
      nextPageToken: `pos-${next}`,
      items,
    };
    if (chat.offlineAt && atEnd) {
      page.offlineAt = chat.offlineAt;
      chat.offlineDelivered = true;
    }
    json(200, page);
  }

  function token(body: string, json: (s: number, p?: unknown) => void) {
    oauth.tokenRequests++;
    const form = new URLSearchParams(body);
    const fault = takeFault("token");
    if (fault) return json(fault.status, { error: fault.reason });
    if (form.get("grant_type") !== "refresh_token") return json(400, { error: "unsupported_grant_type" });
    if (
      form.get("client_id") !== YOUTUBE_TEST_OAUTH.clientId ||
      form.get("client_secret") !== YOUTUBE_TEST_OAUTH.clientSecret
    )
      return json(401, { error: "invalid_client", error_description: "The OAuth client was not found." });
    if (oauth.revoked || form.get("refresh_token") !== YOUTUBE_TEST_OAUTH.refreshToken)
      return json(400, { error: "invalid_grant", error_description: "Token has been expired or revoked." });
    const accessToken = `ya29.test-${++tokenCounter}`;
    accessTokens.set(accessToken, Date.now() + oauth.expiresIn * 1000);
    json(200, {
      access_token: accessToken,
      expires_in: oauth.expiresIn,
      scope: "https://www.googleapis.com/auth/youtube.force-ssl",
      token_type: "Bearer",
    });
  }

  function control(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: string | undefined,
    json: (s: number, p?: unknown) => void,
  ) {
    const input = safeJson(body ?? "");
    const chatPath = /^\/__test\/chats\/([^/]+)(\/messages|\/end)?$/.exec(url.pathname);
    if (req.method === "POST" && url.pathname === "/__test/videos") {
      const setup = VideoSetup.parse(input);
      const chat: Chat = {
        setup,
        items: [],
        offlineAt: null,
        offlineDelivered: false,
        listCalls: [],
        inserted: [],
        deleted: [],
        bans: [],
        keyInUrl: 0,
      };
      videos.set(setup.videoId, chat);
      chats.set(setup.liveChatId, chat);
      return json(201, { ok: true });
    }
    if (req.method === "POST" && url.pathname === "/__test/faults") {
      faults.push(...Fault.array().parse(input));
      return json(200, { pending: faults.length });
    }
    if (url.pathname === "/__test/oauth") {
      if (req.method === "POST") {
        const { dropAccessTokens, ...patch } = (input ?? {}) as Partial<OAuthState> & { dropAccessTokens?: boolean };
        // As when Google revokes the issued access tokens early (password change, consent withdrawn).
        if (dropAccessTokens) accessTokens.clear();
        Object.assign(oauth, patch);
      }
      return json(200, oauth);
    }
    const chat = chatPath ? chats.get(decodeURIComponent(chatPath[1]!)) : undefined;
    if (!chatPath || !chat) return void res.writeHead(404).end();
    if (req.method === "POST" && chatPath[2] === "/messages") {
      for (const m of AddMessage.array().parse(input)) chat.items.push(item(chat, AddMessage.parse(m)));
      return json(200, { count: chat.items.length });
    }
    if (req.method === "POST" && chatPath[2] === "/end") {
      chat.offlineAt = new Date().toISOString();
      return json(200, { offlineAt: chat.offlineAt });
    }
    if (req.method === "PATCH" && !chatPath[2]) {
      Object.assign(chat.setup, VideoSetup.partial().parse(input));
      return json(200, chat.setup);
    }
    if (req.method === "GET" && !chatPath[2]) {
      const { listCalls, inserted, deleted, bans, keyInUrl } = chat;
      return json(200, { listCalls, inserted, deleted, bans, keyInUrl } satisfies ChatLog);
    }
    res.writeHead(404).end();
  }

  await new Promise<void>((resolve) =>
    server.listen(Number(process.env.YOUTUBE_FIXTURE_PORT ?? 0), "127.0.0.1", resolve),
  );
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
