import type { Language } from "./i18n.ts";

/** The local dev server of `npm start`. */
export const DEFAULT_SERVER_URL = "http://127.0.0.1:8787";

export interface Settings {
  serverUrl: string;
  language: Language;
}

/** An http(s) origin (plus optional path prefix) without a trailing slash, or null. */
export function normalizeServerUrl(input: string): string | null {
  try {
    const url = new URL(input.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return (url.origin + url.pathname).replace(/\/+$/, "");
  } catch {
    return null;
  }
}

/** Settings live in chrome.storage.local (readable by every part of the extension). */
export async function loadSettings(): Promise<Settings> {
  const stored = await chrome.storage.local.get(["serverUrl", "language"]);
  const serverUrl = typeof stored.serverUrl === "string" ? normalizeServerUrl(stored.serverUrl) : null;
  const language = stored.language === "en" ? "en" : "ko";
  return { serverUrl: serverUrl ?? DEFAULT_SERVER_URL, language };
}

export async function saveSettings(settings: Settings): Promise<void> {
  await chrome.storage.local.set({ serverUrl: settings.serverUrl, language: settings.language });
}
