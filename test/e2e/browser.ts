import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

export const OUTPUT_DIR = path.resolve(import.meta.dirname, "../../test-output");

/** The system Chromium (Debian package `chromium`), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error("no Chromium found: install Debian's `chromium` or set CHROMIUM_PATH");
  return found;
}

/** Headless Chromium with the flags this offline machine needs. */
export function launchBrowser(): Promise<Browser> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Calls the LiveQ API as the admin. */
export async function adminFetch(base: string, token: string, route: string, body?: unknown): Promise<Response> {
  return fetch(base + route, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
