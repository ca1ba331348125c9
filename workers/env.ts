import type { Context } from "hono";

/** Secrets not declared in wrangler.toml (see README: configuration). */
interface Secrets {
  /** Managers' token; also accepted for ingest. Set with `wrangler secret put ADMIN_TOKEN`. */
  ADMIN_TOKEN?: string;
}

// `wrangler types` declares Env twice (global, and Cloudflare.Env for `cloudflare:workers`).
declare global {
  interface Env extends Secrets {}
  namespace Cloudflare {
    interface Env extends Secrets {}
  }
}

/** What authentication decided about a request. */
export type Principal = { role: "admin" } | { role: "ingest"; broadcastId: string };

export interface AppEnv {
  Bindings: Env;
  Variables: { principal: Principal };
}

export type AppContext = Context<AppEnv>;
