import { translator } from "./i18n.ts";
import { BroadcastRecord } from "./messages.ts";
import { loadSettings } from "./settings.ts";

/** The toolbar popup: the server in use and each watched broadcast's connection status. */
async function main(): Promise<void> {
  const settings = await loadSettings();
  const t = translator(settings.language);
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n as Parameters<typeof t>[0]);
  }
  (document.getElementById("server") as HTMLElement).textContent = t("popup.server", { url: settings.serverUrl });
  const list = document.getElementById("list") as HTMLUListElement;

  const render = async () => {
    const all = await chrome.storage.session.get(null);
    const watched = new Set(Object.values((all.watch ?? {}) as Record<string, string>));
    const items = [...watched].flatMap((naverId) => {
      const record = BroadcastRecord.safeParse(all[`b:${naverId}`]);
      return record.success ? [{ naverId, ...record.data }] : [];
    });
    if (items.length === 0) {
      const empty = document.createElement("li");
      empty.textContent = t("popup.none");
      return list.replaceChildren(empty);
    }
    list.replaceChildren(
      ...items.map(({ naverId, status, pairs }) => {
        const li = document.createElement("li");
        li.className = status;
        li.setAttribute("data-testid", "popup-broadcast");
        li.dataset.status = status;
        const dot = document.createElement("span");
        dot.className = "dot";
        const label = document.createElement("span");
        label.textContent = `${t(`status.${status}`)} · ${t("popup.broadcast", { id: naverId, count: pairs.length })}`;
        li.append(dot, label);
        return li;
      }),
    );
  };
  chrome.storage.session.onChanged.addListener(() => void render());
  await render();
}

void main();
