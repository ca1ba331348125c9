import type { Context } from "hono";
import type { Role } from "../core/auth/roles.ts";
import type { Actor } from "../server/audit.ts";

/** Secrets not declared in wrangler.toml (see README: configuration). */
interface Secrets {
  /** The bootstrap owner's token; also accepted for ingest. Set with `wrangler secret put ADMIN_TOKEN`. */
  ADMIN_TOKEN?: string;
  /** Team access settings (README: configuration); all optional. */
  OWNER_NAME?: string;
  OWNER_EMAIL?: string;
  SESSION_TTL_HOURS?: string;
  ALLOWED_ORIGINS?: string;
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
}

// `wrangler types` declares Env twice (global, and Cloudflare.Env for `cloudflare:workers`).
declare global {
  interface Env extends Secrets {}
  namespace Cloudflare {
    interface Env extends Secrets {}
  }
}

/** Who did something, as the audit log and claims name them. */
export type { Actor };

/**
 * What authentication decided about a request: a team member (with how they signed in), or
 * an ingest client holding one broadcast's ingest token.
 */
export type Principal =
  | { kind: "member"; role: Role; member: Actor; via: "token" | "session" | "access"; sessionId?: string }
  | { kind: "ingest"; role: "ingest"; broadcastId: string; tokenId: string };

export interface AppEnv {
  Bindings: Env;
  Variables: { principal: Principal };
}

export type AppContext = Context<AppEnv>;
