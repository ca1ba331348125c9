import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** Reads `KEY=value` lines (quotes optional), as wrangler does for `.dev.vars`. */
export function parseDevVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) vars[match[1]!] = match[2]!.replace(/^"(.*)"$/, "$1");
  }
  return vars;
}

/**
 * The local admin token: read from `.dev.vars`, or generated, appended there (the file
 * is git-ignored) and returned with `created: true` so it can be shown once.
 */
export function ensureAdminToken(file: string): { token: string; created: boolean } {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const existing = parseDevVars(text).ADMIN_TOKEN;
  if (existing) return { token: existing, created: false };
  const token = randomBytes(24).toString("base64url");
  const prefix = text && !text.endsWith("\n") ? "\n" : "";
  writeFileSync(file, `${text}${prefix}ADMIN_TOKEN=${token}\n`, { mode: 0o600 });
  return { token, created: true };
}
