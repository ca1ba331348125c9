import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The YouTube settings `npm start` hands from its own environment to the local Worker (README: configuration). */
export const YOUTUBE_SETTINGS = [
  "YOUTUBE_API_KEY",
  "YOUTUBE_API_BASE",
  "YOUTUBE_OAUTH_CLIENT_ID",
  "YOUTUBE_OAUTH_CLIENT_SECRET",
  "YOUTUBE_OAUTH_REFRESH_TOKEN",
  "YOUTUBE_OAUTH_TOKEN_URL",
  "YOUTUBE_DAILY_QUOTA",
] as const;

/** The YouTube settings set (non-empty) in `env`. */
export function youtubeSettingsFrom(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of YOUTUBE_SETTINGS) {
    const value = env[name];
    if (value) out[name] = value;
  }
  return out;
}

function line(name: string, value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`${name}: a setting cannot span lines`);
  return value.includes("'")
    ? `${name}="${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`
    : `${name}='${value}'`;
}

/**
 * A private env file for `wrangler dev --env-file`: `.dev.vars` (which wrangler then no longer
 * reads by itself) plus `extra`. Secrets so reach the Worker without appearing in any process's
 * arguments. Answers its path and a function that deletes it.
 */
export function writeEnvFile(devVars: string, extra: Record<string, string>): { file: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "liveq-env-"));
  const file = path.join(dir, ".env");
  const base = existsSync(devVars) ? readFileSync(devVars, "utf8") : "";
  const lines = Object.entries(extra).map(([name, value]) => line(name, value));
  writeFileSync(file, `${base}${base && !base.endsWith("\n") ? "\n" : ""}${lines.join("\n")}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
