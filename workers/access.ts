import { verifyWithJwks } from "hono/jwt";
import type { HonoJsonWebKey } from "hono/utils/jwt/jws";

/** The header Cloudflare Access adds to every request it lets through. */
export const ACCESS_HEADER = "cf-access-jwt-assertion";

export interface AccessConfig {
  /** `https://<team>.cloudflareaccess.com`: the tokens' issuer; its certs are under /cdn-cgi/access/certs. */
  issuer: string;
  certsUrl: string;
  audience: string;
}

/** Access settings from ACCESS_TEAM_DOMAIN and ACCESS_AUD; null when either is unset. */
export function accessConfig(env: { ACCESS_TEAM_DOMAIN?: string; ACCESS_AUD?: string }): AccessConfig | null {
  const domain = env.ACCESS_TEAM_DOMAIN?.trim();
  const audience = env.ACCESS_AUD?.trim();
  if (!domain || !audience) return null;
  const issuer = new URL(/^https?:\/\//.test(domain) ? domain : `https://${domain}`).origin;
  return { issuer, certsUrl: `${issuer}/cdn-cgi/access/certs`, audience };
}

/** Keys are refetched after this long, and at once (at most every COOLDOWN_MS) for an unknown key id. */
const KEYS_TTL_MS = 10 * 60_000;
const COOLDOWN_MS = 2_000;

interface KeySet {
  keys: HonoJsonWebKey[];
  fetchedAt: number;
}

/** Per isolate: the team's keys, so a request does not fetch them (Access rotates every few weeks). */
const keyCache = new Map<string, KeySet>();
const inflight = new Map<string, Promise<KeySet>>();

async function fetchKeys(url: string): Promise<KeySet> {
  let pending = inflight.get(url);
  if (!pending) {
    pending = (async () => {
      const res = await fetch(url, { headers: { accept: "application/json" } });
      if (!res.ok) throw new Error(`certs answered ${res.status}`);
      const body = (await res.json()) as { keys?: unknown };
      if (!Array.isArray(body.keys)) throw new Error("certs without keys");
      const set = {
        keys: body.keys.filter((k): k is HonoJsonWebKey => typeof k === "object" && k !== null),
        fetchedAt: Date.now(),
      };
      keyCache.set(url, set);
      return set;
    })().finally(() => inflight.delete(url));
    inflight.set(url, pending);
  }
  return pending;
}

/** Cached keys; refreshed when stale or when `kid` is unknown (a rotation), with a cooldown. */
async function keysFor(url: string, kid: string | undefined): Promise<HonoJsonWebKey[]> {
  const cached = keyCache.get(url);
  const now = Date.now();
  if (!cached || now - cached.fetchedAt > KEYS_TTL_MS) return (await fetchKeys(url)).keys;
  if (kid && !cached.keys.some((k) => k.kid === kid) && now - cached.fetchedAt > COOLDOWN_MS)
    return (await fetchKeys(url)).keys;
  return cached.keys;
}

function headerKid(token: string): string | undefined {
  try {
    const header = JSON.parse(atob(token.split(".")[0]!.replace(/-/g, "+").replace(/_/g, "/"))) as { kid?: unknown };
    return typeof header.kid === "string" ? header.kid : undefined;
  } catch {
    return undefined;
  }
}

export type AccessIdentity = { ok: true; email: string | null } | { ok: false; reason: string };

/**
 * Verifies an Access assertion: RS256 against the team's certs, issuer, audience and expiry
 * (required: hono only checks `exp` when present). `email` is null for service tokens.
 */
export async function verifyAccess(token: string, config: AccessConfig): Promise<AccessIdentity> {
  let keys: HonoJsonWebKey[];
  try {
    keys = await keysFor(config.certsUrl, headerKid(token));
  } catch (err) {
    console.error(JSON.stringify({ level: "error", what: "access certs unavailable", message: String(err) }));
    return { ok: false, reason: "certs_unavailable" };
  }
  try {
    const payload = await verifyWithJwks(token, {
      keys,
      allowedAlgorithms: ["RS256"],
      verification: { iss: config.issuer, aud: config.audience, exp: true, nbf: true },
    });
    if (typeof payload.exp !== "number") return { ok: false, reason: "no_expiry" };
    return { ok: true, email: typeof payload.email === "string" && payload.email ? payload.email.toLowerCase() : null };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.name : "invalid" };
  }
}
