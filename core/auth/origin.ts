/** A bare origin: scheme, host, optional port; nothing after. */
const ORIGIN = /^(https?):\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?\/?$/i;
const DEFAULT_PORT: Record<string, string> = { http: "80", https: "443" };

/** The origin in its serialized form (lower case, default port dropped), or null when it is not one. */
export function normalizeOrigin(value: string): string | null {
  const m = ORIGIN.exec(value.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  const port = m[3] && m[3] !== DEFAULT_PORT[scheme] ? `:${m[3]}` : "";
  return `${scheme}://${m[2]!.toLowerCase()}${port}`;
}

/**
 * Parses the `ALLOWED_ORIGINS` setting: comma- or space-separated origins such as
 * `https://dash.example.com`. Entries that are not a bare origin are dropped (a path or a
 * wildcard would widen the check in ways nobody reading the setting expects).
 */
export function parseOriginList(setting: string | undefined): string[] {
  if (!setting) return [];
  return setting.split(/[\s,]+/).flatMap((entry) => normalizeOrigin(entry) ?? []);
}

/**
 * Whether a browser request from `origin` may use the app's credentials: only the app's own
 * origins (where the request was addressed) or an allowed one. `null` origins (sandboxed
 * frames, file pages) never are.
 */
export function originAllowed(origin: string, ownOrigins: readonly string[], allowed: readonly string[]): boolean {
  const normal = normalizeOrigin(origin);
  if (!normal) return false;
  return ownOrigins.some((o) => normalizeOrigin(o) === normal) || allowed.includes(normal);
}

/** Query parameters that would carry a credential in a URL (and so in every log line). */
export const CREDENTIAL_QUERY_PARAMS = ["token", "access_token"] as const;

/** Whether a query string (`?a=1&token=…`) names a credential parameter. */
export function hasCredentialInQuery(search: string): boolean {
  return search
    .replace(/^\?/, "")
    .split("&")
    .some((pair) => {
      const name = pair.split("=")[0] ?? "";
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, " "));
      } catch {
        // A malformed escape is not a credential name.
      }
      return (CREDENTIAL_QUERY_PARAMS as readonly string[]).includes(decoded);
    });
}
