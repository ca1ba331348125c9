import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import { BroadcastId } from "../../core/protocol/api.ts";
import { NaverBroadcastId, shardFor, ViewerClientId, viewerShardName } from "../../core/protocol/viewer.ts";
import { VIEWER_BROADCAST_HEADER, VIEWER_IP_HEADER } from "../../server/object-contracts.ts";
import { viewerConfig } from "../../server/viewer-limits.ts";
import { getBroadcast } from "../../server/db/queries.ts";
import { broadcastIdForNaver } from "../../server/db/queries-answers.ts";
import type { AppContext, AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { validate } from "../validate.ts";
import { viewerLookups } from "../viewer-lookup.ts";

/**
 * Hands a viewer's socket to one shard of its broadcast. The shard follows the client's
 * `?client=` id (stable across reconnects) or is random; the viewer's address goes along
 * for the shard's per-IP limits (`CF-Connecting-IP` is set by Cloudflare, not the client).
 */
async function toShard(c: AppContext, broadcastId: string | null): Promise<Response> {
  if (!broadcastId) throw new AppError("not_found", 404, "no LiveQ broadcast for this page");
  const { shards } = viewerConfig(c.env);
  const client = ViewerClientId.safeParse(c.req.query("client"));
  const shard = client.success ? shardFor(client.data, shards) : Math.floor(Math.random() * shards);
  const headers = new Headers({ upgrade: "websocket" });
  headers.set(VIEWER_BROADCAST_HEADER, broadcastId);
  headers.set(VIEWER_IP_HEADER, c.req.header("cf-connecting-ip") ?? "unknown");
  return c.env.VIEWER_FANOUT.getByName(viewerShardName(broadcastId, shard)).fetch(
    new Request(c.req.raw.url, { headers }),
  );
}

function requireUpgrade(c: AppContext): void {
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
    throw new AppError("upgrade_required", 426, "this endpoint is a WebSocket");
  }
}

/** Public, read-only viewer sockets (the extension's): approved answers only. */
export const viewerRoutes = new Hono<AppEnv>()
  .get("/naver/:naverId", validate("param", z.object({ naverId: NaverBroadcastId })), async (c) => {
    requireUpgrade(c);
    const { naverId } = c.req.valid("param");
    return toShard(
      c,
      await viewerLookups.resolve(`naver:${naverId}`, () => broadcastIdForNaver(drizzle(c.env.DB), naverId)),
    );
  })
  .get("/broadcasts/:id", validate("param", z.object({ id: BroadcastId })), async (c) => {
    requireUpgrade(c);
    const { id } = c.req.valid("param");
    return toShard(
      c,
      await viewerLookups.resolve(`id:${id}`, async () => ((await getBroadcast(drizzle(c.env.DB), id)) ? id : null)),
    );
  });
