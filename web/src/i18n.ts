import { computed, signal } from "@preact/signals";

/*
 * Every user-visible string lives in messages/ko.ts (Korean first) and messages/en.ts
 * (same keys, type-checked). `{name}` placeholders are filled by `t(key, vars)`.
 */
import { en } from "./messages/en.ts";
import { ko } from "./messages/ko.ts";

export type MessageKey = keyof typeof ko;

export type Lang = "ko" | "en";
const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { ko, en };
const LANG_KEY = "liveq.lang";

function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === "en" ? "en" : "ko";
  } catch {
    return "ko";
  }
}

/** The UI language; Korean unless the manager chose English on this browser. */
export const lang = signal<Lang>(initialLang());

/** Switches and remembers the language, and keeps `<html lang>` right for screen readers. */
export function setLang(next: Lang): void {
  lang.value = next;
  try {
    localStorage.setItem(LANG_KEY, next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = next;
}

/** The translated string for `key`, reading `lang` so components re-render on a switch. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = DICTIONARIES[lang.value][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : typeof value === "number" ? formatNumber(value) : value;
  });
}

const numberFormats = computed(() => new Intl.NumberFormat(lang.value === "ko" ? "ko-KR" : "en-US"));
const dateFormats = computed(
  () => new Intl.DateTimeFormat(lang.value === "ko" ? "ko-KR" : "en-US", { dateStyle: "medium", timeStyle: "short" }),
);
const timeFormats = computed(
  () =>
    new Intl.DateTimeFormat(lang.value === "ko" ? "ko-KR" : "en-US", {
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hour12: false,
    }),
);

export function formatNumber(n: number): string {
  return numberFormats.value.format(n);
}

/** Date and time of an epoch-millisecond instant, e.g. a broadcast's creation. */
export function formatDateTime(ms: number): string {
  return dateFormats.value.format(ms);
}

/** Clock time (HH:MM:SS) of a chat. */
export function formatTime(ms: number): string {
  return timeFormats.value.format(ms);
}
