import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext } from "./env.ts";

/** The dashboard's session cookie: a random id; D1 keeps only its hash. */
export const SESSION_COOKIE = "liveq_session";
const DEFAULT_TTL_HOURS = 12;

export function sessionTtlMs(env: { SESSION_TTL_HOURS?: string }): number {
  const hours = Number(env.SESSION_TTL_HOURS);
  return (Number.isFinite(hours) && hours > 0 ? Math.min(hours, 24 * 30) : DEFAULT_TTL_HOURS) * 3_600_000;
}

function isHttps(c: AppContext): boolean {
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

/** `HttpOnly; SameSite=Strict; Path=/`, and `Secure` over HTTPS (plain-HTTP localhost must work too). */
export function setSessionCookie(c: AppContext, value: string, ttlMs: number): void {
  setCookie(c, SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    secure: isHttps(c),
    maxAge: Math.floor(ttlMs / 1000),
  });
}

export function clearSessionCookie(c: AppContext): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Strict", secure: isHttps(c) });
}

export function sessionCookie(c: AppContext): string | null {
  const value = getCookie(c, SESSION_COOKIE);
  return value && value.length <= 128 ? value : null;
}
