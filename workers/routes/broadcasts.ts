import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import {
  BroadcastId,
  CreateBroadcast,
  type BroadcastList,
  type BroadcastSummary,
  type CreatedBroadcast,
} from "../../core/protocol/api.ts";
import type { IngestAck } from "../../core/protocol/ingest.ts";
import { naverBroadcastId } from "../../core/naver/url.ts";
import { youtubeVideoId as youtubeVideoIdOf } from "../../core/youtube/video-id.ts";
import { HUB_BROADCAST_HEADER, HUB_ROLE_HEADER, type SocketRole } from "../../server/object-contracts.ts";
import { actorOf, requireIngest, requirePermission } from "../auth.ts";
import { recordAudit } from "../../server/audit.ts";
import { hubSocketHeaders } from "../socket-auth.ts";
import { randomToken, sha256Hex } from "../crypto.ts";
import { getBroadcast, ingestTokenId, insertBroadcast, listBroadcasts } from "../../server/db/queries.ts";
import type { AppContext, AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { isKnownBroadcast, rememberBroadcast } from "../lifecycle.ts";
import { formatCursor, ListQuery, parseCursor } from "../list-cursor.ts";
import { validate } from "../validate.ts";
import { forgetViewerLookups } from "../viewer-lookup.ts";

const IdParam = z.object({ id: BroadcastId });
const CreateBody = z.intersection(CreateBroadcast, z.object({ id: BroadcastId.optional() }));

async function requireBroadcast(c: AppContext, id: string): Promise<void> {
  if (isKnownBroadcast(id)) return;
  if (!(await getBroadcast(drizzle(c.env.DB), id))) throw new AppError("not_found", 404, "no such broadcast");
  rememberBroadcast(id);
}

/** Hands an authenticated WebSocket upgrade to the broadcast's hub with its role. */
async function toHub(c: AppContext, id: string, role: SocketRole): Promise<Response> {
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
    throw new AppError("upgrade_required", 426, "this endpoint is a WebSocket");
  }
  await requireBroadcast(c, id);
  const headers = await hubSocketHeaders(c, id, new Headers(c.req.raw.headers));
  headers.set(HUB_ROLE_HEADER, role);
  headers.set(HUB_BROADCAST_HEADER, id);
  return c.env.BROADCAST_HUB.getByName(id).fetch(new Request(c.req.raw.url, { headers }));
}

const EXPORT_TYPES = { csv: "text/csv; charset=utf-8", jsonl: "application/x-ndjson; charset=utf-8" } as const;

/** Streams the broadcast's chat log from its hub, page by page. */
async function exportChats(c: AppContext, id: string, format: keyof typeof EXPORT_TYPES): Promise<Response> {
  await requireBroadcast(c, id);
  await recordAudit(drizzle(c.env.DB), actorOf(c), "broadcast.export", `chats.${format}`, id);
  const stream = await c.env.BROADCAST_HUB.getByName(id).exportChats(format);
  return new Response(stream, {
    headers: {
      "content-type": EXPORT_TYPES[format],
      "content-disposition": `attachment; filename="${id}-chats.${format}"`,
    },
  });
}

export const broadcastRoutes = new Hono<AppEnv>()
  .get("/", requirePermission("broadcast.read"), validate("query", ListQuery), async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const page = await listBroadcasts(drizzle(c.env.DB), limit, cursor ? parseCursor(cursor) : undefined);
    return c.json({
      broadcasts: page.items,
      nextCursor: page.next ? formatCursor(page.next) : null,
    } satisfies BroadcastList);
  })
  .post("/", requirePermission("broadcast.setup"), validate("json", CreateBody), async (c) => {
    const body = c.req.valid("json");
    const naverId = body.naverUrl ? naverBroadcastId(body.naverUrl) : null;
    if (body.source === "naver" && !naverId) {
      throw new AppError("invalid_request", 400, "naverUrl: not a Naver Shopping Live viewer URL");
    }
    const youtubeVideoId = body.youtubeVideoId ? youtubeVideoIdOf(body.youtubeVideoId) : null;
    if (body.youtubeVideoId && !youtubeVideoId)
      throw new AppError("invalid_request", 400, "youtubeVideoId: not a YouTube video id or URL");
    const id = body.id ?? `b-${crypto.randomUUID().slice(0, 8)}`;
    const ingestToken = randomToken();
    const tokenId = ingestTokenId();
    const db = drizzle(c.env.DB);
    const created = await insertBroadcast(
      db,
      { ...body, id, naverId, youtubeVideoId },
      await sha256Hex(ingestToken),
      Date.now(),
      tokenId,
    );
    if (!created) throw new AppError("conflict", 409, "a broadcast with this id exists");
    forgetViewerLookups(id, naverId);
    await recordAudit(db, actorOf(c), "broadcast.create", body.title, id);
    return c.json({ id, ingestToken, ingestTokenId: tokenId } satisfies CreatedBroadcast, 201);
  })
  .get("/:id", requirePermission("broadcast.read"), validate("param", IdParam), async (c) => {
    const broadcast = await getBroadcast(drizzle(c.env.DB), c.req.valid("param").id);
    if (!broadcast) throw new AppError("not_found", 404, "no such broadcast");
    return c.json(broadcast satisfies BroadcastSummary);
  })
  .get("/:id/chats.csv", requirePermission("broadcast.export"), validate("param", IdParam), (c) =>
    exportChats(c, c.req.valid("param").id, "csv"),
  )
  .get("/:id/chats.jsonl", requirePermission("broadcast.export"), validate("param", IdParam), (c) =>
    exportChats(c, c.req.valid("param").id, "jsonl"),
  )
  .get("/:id/board", requirePermission("broadcast.read"), validate("param", IdParam), (c) =>
    toHub(c, c.req.valid("param").id, "board"),
  )
  .get("/:id/ingest", validate("param", IdParam), requireIngest, (c) => toHub(c, c.req.valid("param").id, "ingest"))
  .post("/:id/chats", validate("param", IdParam), requireIngest, async (c) => {
    const { id } = c.req.valid("param");
    await requireBroadcast(c, id);
    const body: unknown = await c.req.json().catch(() => {
      throw new AppError("invalid_json", 400, "the body must be JSON");
    });
    const outcome = await c.env.BROADCAST_HUB.getByName(id).ingest(id, body);
    return outcome.type === "ack"
      ? c.json(outcome satisfies IngestAck)
      : c.json({ error: { code: outcome.code, message: outcome.message } }, 400);
  });
