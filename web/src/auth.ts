import { signal } from "@preact/signals";
import type { MessageKey } from "./i18n.ts";

const TOKEN_KEY = "liveq.adminToken";

function storedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** The admin token this browser signs in with; `null` shows the login screen. */
export const token = signal<string | null>(storedToken());
/** Why the manager is looking at the login screen again (e.g. a refused token). */
export const loginNotice = signal<MessageKey | null>(null);

/** Remembers the token on this browser and signs in. */
export function signIn(value: string): void {
  token.value = value;
  loginNotice.value = null;
  try {
    localStorage.setItem(TOKEN_KEY, value);
  } catch {
    // Private mode: signed in for this page only.
  }
}

/** Forgets the token; `notice` tells the login screen why (a 401, say). */
export function signOut(notice: MessageKey | null = null): void {
  token.value = null;
  loginNotice.value = notice;
  try {
    localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing stored.
  }
}

/**
 * Handles a `#token=…[&board=<id>]` deep link (what `npm start` prints): signs in, then
 * removes the token from the address bar and history so it is not shared by accident.
 */
export function consumeDeepLink(loc: Location = location, hist: History = history): void {
  const params = new URLSearchParams(loc.hash.replace(/^#\/?/, ""));
  const value = params.get("token");
  if (!value) return;
  signIn(value);
  const board = params.get("board");
  const hash = board ? `#/board/${encodeURIComponent(board)}` : "";
  hist.replaceState(null, "", loc.pathname + loc.search + hash);
}
