import { translator, type Language } from "./i18n.ts";
import { loadSettings, normalizeServerUrl, saveSettings } from "./settings.ts";

/** The options page: the LiveQ server URL (default: the local dev server) and the language. */
async function main(): Promise<void> {
  const settings = await loadSettings();
  const t = translator(settings.language);
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n as Parameters<typeof t>[0]);
  }
  const form = document.getElementById("form") as HTMLFormElement;
  const server = document.getElementById("server") as HTMLInputElement;
  const language = document.getElementById("language") as HTMLSelectElement;
  const status = document.getElementById("status") as HTMLElement;
  server.value = settings.serverUrl;
  language.value = settings.language;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const serverUrl = normalizeServerUrl(server.value);
    if (!serverUrl) {
      status.textContent = t("options.invalid");
      return;
    }
    const choice: Language = language.value === "en" ? "en" : "ko";
    await saveSettings({ serverUrl, language: choice });
    server.value = serverUrl;
    status.textContent = t("options.saved");
  });
}

void main();
