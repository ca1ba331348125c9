import { computed } from "@preact/signals";
import { me } from "./auth.ts";

/** The hub accepts display names of 1–40 characters. */
export const MAX_NAME_LENGTH = 40;

/** This manager's name: the signed-in member's, as the server knows it (claims and answers carry it). */
export const managerName = computed<string>(() => me.value?.name ?? "");

/** Cleans a typed name to what the hub accepts; "" when nothing usable is left. */
export function cleanName(raw: string): string {
  return raw.replace(/\s+/g, " ").trim().slice(0, MAX_NAME_LENGTH).trim();
}
