import { moderationRoutes } from "./routes/moderation.ts";
import { Hono } from "hono";
import { refuseTokenInUrl } from "./auth.ts";
import { ingestTokenRoutes } from "./routes/ingest-tokens.ts";
import { auditRoutes, memberRoutes } from "./routes/members.ts";
import { sessionRoutes } from "./routes/session.ts";
import type { AppEnv } from "./env.ts";
import { limitBodies } from "./body-limits.ts";
import { errorBody, onError } from "./errors.ts";
import { answerRoutes } from "./routes/answers.ts";
import { broadcastRoutes } from "./routes/broadcasts.ts";
import { captureRoutes } from "./routes/capture.ts";
import { draftRoutes } from "./routes/drafts.ts";
import { health } from "./routes/health.ts";
import { setupRoutes } from "./routes/setup.ts";
import { knowledgeRoutes } from "./routes/knowledge.ts";
import { catalogueRoutes } from "./routes/catalogue.ts";
import { reportRoutes } from "./routes/report.ts";
import { lifecycleRoutes } from "./routes/lifecycle.ts";
import { viewerRoutes } from "./routes/viewer.ts";
import { youtubeRoutes } from "./routes/youtube.ts";

/**
 * The API. Static dashboard assets are served by the assets binding for every other path.
 * What each route answers is a shared zod schema (core/protocol/responses.ts and friends) that
 * the dashboard parses with, listed route by route in test/workers/api-shapes.ts; the dashboard
 * does not import this app's types (web/ may import core/ only).
 */
export const app = new Hono<AppEnv>()
  .use("/api/*", limitBodies)
  .use("/api/*", refuseTokenInUrl)
  .route("/api", sessionRoutes)
  .route("/api/members", memberRoutes)
  .route("/api/audit", auditRoutes)
  .route("/api/health", health)
  .route("/api/broadcasts", broadcastRoutes)
  .route("/api/broadcasts", setupRoutes)
  .route("/api/broadcasts", captureRoutes)
  .route("/api/broadcasts", answerRoutes)
  .route("/api/broadcasts", draftRoutes)
  .route("/api/broadcasts", knowledgeRoutes)
  .route("/api/broadcasts", catalogueRoutes)
  .route("/api/broadcasts", ingestTokenRoutes)
  .route("/api/broadcasts", reportRoutes)
  .route("/api/broadcasts", lifecycleRoutes)
  .route("/api/broadcasts", youtubeRoutes)
  .route("/api/broadcasts", moderationRoutes)
  .route("/api/viewer", viewerRoutes);

app.notFound((c) => c.json(errorBody("not_found", "no such route"), 404));
app.onError(onError);
