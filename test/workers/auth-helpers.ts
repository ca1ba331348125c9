import type { Role } from "../../core/auth/roles.ts";
import { api } from "./helpers.ts";

let counter = 0;

/** Adds a member as the owner (ADMIN_TOKEN) would; answers their id and one-time token. */
export async function addMember(
  role: Role,
  extra: { name?: string; email?: string } = {},
): Promise<{ id: string; token: string; name: string }> {
  const name = extra.name ?? `${role} ${++counter}`;
  const res = await api("/api/members", {
    method: "POST",
    body: JSON.stringify({ name, role, ...(extra.email ? { email: extra.email } : {}) }),
  });
  if (res.status !== 201) throw new Error(`add member failed: ${res.status} ${await res.text()}`);
  return { ...((await res.json()) as { id: string; token: string }), name };
}

/** Exchanges a token for a session; answers the cookie to send back (`liveq_session=…`) and the Set-Cookie line. */
export async function signIn(token: string): Promise<{ cookie: string; setCookie: string }> {
  const res = await api("/api/session", { method: "POST", token: null, body: JSON.stringify({ token }) });
  if (res.status !== 204) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get("set-cookie") ?? "";
  return { cookie: setCookie.split(";")[0]!, setCookie };
}

/** A request carrying only the session cookie (and the Origin a browser on the app's page sends). */
export function withCookie(path: string, cookie: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("cookie", cookie);
  if (!headers.has("origin")) headers.set("origin", "http://liveq.test");
  return api(path, { ...init, headers, token: null });
}
