import { signal } from "@preact/signals";

const NAME_KEY = "liveq.managerName";
/** The hub accepts display names of 1–40 characters. */
export const MAX_NAME_LENGTH = 40;

function storedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? "";
  } catch {
    return "";
  }
}

/** This manager's display name, asked once and remembered on this browser ("" until given). */
export const managerName = signal<string>(storedName());

/** Cleans a typed name to what the hub accepts; "" when nothing usable is left. */
export function cleanName(raw: string): string {
  return raw.replace(/\s+/g, " ").trim().slice(0, MAX_NAME_LENGTH).trim();
}

export function setManagerName(raw: string): boolean {
  const name = cleanName(raw);
  if (!name) return false;
  managerName.value = name;
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    // Private mode: remembered for this page only.
  }
  return true;
}
