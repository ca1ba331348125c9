import { Hono } from "hono";
import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import { IngestTokenId, type CreatedIngestToken } from "../../core/auth/api.ts";
import { BroadcastId } from "../../core/protocol/api.ts";
import { actorOf, requirePermission } from "../auth.ts";
import { recordAudit } from "../../server/audit.ts";
import { randomToken, sha256Hex } from "../crypto.ts";
import { getBroadcast, ingestTokenId } from "../../server/db/queries.ts";
import { insertIngestToken, revokeIngestToken } from "../../server/db/queries-tokens.ts";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { closeHubSockets, socketTag } from "../sockets.ts";
import { validate } from "../validate.ts";

const IdParam = z.object({ id: BroadcastId });
const TokenParam = z.object({ id: BroadcastId, tokenId: IngestTokenId });

/**
 * Rotating ingest tokens: issue a new one (shown once), revoke an old one. A revoked token is
 * refused from the next request, and its open ingest sockets are closed at once.
 * Mounted under `/api/broadcasts`.
 */
export const ingestTokenRoutes = new Hono<AppEnv>()
  .post("/:id/ingest-tokens", requirePermission("ingest-token.manage"), validate("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    const db = drizzle(c.env.DB);
    if (!(await getBroadcast(db, id))) throw new AppError("not_found", 404, "no such broadcast");
    const token = randomToken();
    const tokenId = ingestTokenId();
    const actor = actorOf(c);
    await insertIngestToken(
      db,
      { id: tokenId, hash: await sha256Hex(token), broadcastId: id, createdBy: actor.id },
      Date.now(),
    );
    await recordAudit(db, actor, "ingest-token.create", tokenId, id);
    return c.json({ id: tokenId, token } satisfies CreatedIngestToken, 201);
  })
  .delete(
    "/:id/ingest-tokens/:tokenId",
    requirePermission("ingest-token.manage"),
    validate("param", TokenParam),
    async (c) => {
      const { id, tokenId } = c.req.valid("param");
      const db = drizzle(c.env.DB);
      if (!(await revokeIngestToken(db, id, tokenId, Date.now())))
        throw new AppError("not_found", 404, "no such live ingest token");
      await recordAudit(db, actorOf(c), "ingest-token.revoke", tokenId, id);
      await closeHubSockets(c.env, id, socketTag.ingestToken(tokenId), "ingest token revoked");
      return c.body(null, 204);
    },
  );
