import { signal } from "@preact/signals";
import { Me } from "../../core/auth/api.ts";
import type { MessageKey } from "./i18n.ts";

/** The old dashboard kept the admin token here; it is removed on load (sessions replaced it). */
const LEGACY_TOKEN_KEY = "liveq.adminToken";

/**
 * Who is signed in: `undefined` while the session is being checked, `null` when signed out.
 * The session itself is an HttpOnly cookie the page cannot read: no secret is kept in storage.
 */
export const me = signal<Me | null | undefined>(undefined);
/** Why the manager is looking at the login screen again (e.g. a refused token). */
export const loginNotice = signal<MessageKey | null>(null);

/** Thrown by `signIn`: 401 for a refused token, 0 when the server could not be reached. */
export class SignInFailure extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`sign-in failed (${status})`);
    this.status = status;
  }
}

async function fetchMe(): Promise<Me | null> {
  const res = await fetch("/api/me", { credentials: "same-origin" });
  if (res.status === 401 || res.status === 403) return null;
  const parsed = Me.safeParse(await res.json().catch(() => null));
  if (!res.ok || !parsed.success) throw new SignInFailure(res.status);
  return parsed.data;
}

/** Asks the server who this browser's session (or Cloudflare Access identity) is. */
export async function checkSession(): Promise<void> {
  try {
    localStorage.removeItem(LEGACY_TOKEN_KEY);
  } catch {
    // No storage: nothing to clean.
  }
  try {
    me.value = await fetchMe();
  } catch {
    me.value = null;
    loginNotice.value = "login.unreachable";
  }
}

/** Exchanges a sign-in token for a session cookie (the token is not kept), then loads who we are. */
export async function signIn(token: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch("/api/session", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
  } catch {
    throw new SignInFailure(0);
  }
  if (res.status !== 204) throw new SignInFailure(res.status);
  const who = await fetchMe().catch(() => null);
  if (!who) throw new SignInFailure(401);
  loginNotice.value = null;
  me.value = who;
}

/** Forgets the session here; `notice` tells the login screen why (a 401, say). */
export function signedOut(notice: MessageKey | null = null): void {
  me.value = null;
  loginNotice.value = notice;
}

/** Signs out on the server too (the session is revoked there, and its board sockets close). */
export async function signOut(): Promise<void> {
  await fetch("/api/session", { method: "DELETE", credentials: "same-origin" }).catch(() => undefined);
  signedOut();
}

/**
 * Handles a `#token=…[&board=<id>]` deep link (what `npm start` prints): first removes the
 * token from the address bar and history (so it is not shared or kept by accident), then
 * exchanges it for a session.
 */
export function consumeDeepLink(loc: Location = location, hist: History = history): Promise<void> | null {
  const params = new URLSearchParams(loc.hash.replace(/^#\/?/, ""));
  const value = params.get("token");
  if (!value) return null;
  const board = params.get("board");
  const hash = board ? `#/board/${encodeURIComponent(board)}` : "";
  hist.replaceState(null, "", loc.pathname + loc.search + hash);
  return signIn(value).catch((err: unknown) => {
    signedOut(err instanceof SignInFailure && err.status === 0 ? "login.unreachable" : "login.unauthorized");
  });
}
