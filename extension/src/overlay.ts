import type { QaPair } from "../../core/protocol/viewer.ts";
import type { Translate } from "./i18n.ts";
import type { ConnectionStatus } from "./messages.ts";
import { OVERLAY_CSS } from "./overlay-style.ts";

/** How long a new or edited answer stays highlighted. */
const FRESH_MS = 8_000;

/** What the viewer chose on this page (kept by the content script per broadcast). */
export interface OverlayChoices {
  pinned: string[];
  dismissed: string[];
  collapsed: boolean;
}

export interface OverlayView {
  pairs: QaPair[];
  status: ConnectionStatus;
  choices: OverlayChoices;
}

/**
 * The overlay: its own shadow root on document.body, so Naver's markup and class names
 * (which change with every site build) neither break it nor style it. Every text from the
 * server goes in through textContent: chat and answers are data, never HTML.
 */
export class Overlay {
  readonly host: HTMLElement;
  readonly #root: ShadowRoot;
  readonly #panel: HTMLElement;
  readonly #list: HTMLOListElement;
  readonly #count: HTMLElement;
  readonly #toggle: HTMLButtonElement;
  readonly #t: Translate;
  readonly #onChoice: (change: (c: OverlayChoices) => OverlayChoices) => void;
  /** id → `at` of pairs already shown, to tell new and edited answers apart. */
  #seen: Map<string, number> | null = null;
  readonly #freshUntil = new Map<string, number>();
  #fadeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(t: Translate, onChoice: (change: (c: OverlayChoices) => OverlayChoices) => void) {
    this.#t = t;
    this.#onChoice = onChoice;
    this.host = document.createElement("liveq-overlay");
    this.host.setAttribute("data-testid", "liveq-overlay-host");
    this.#root = this.host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = OVERLAY_CSS;
    this.#panel = element("section", "panel", { "data-testid": "liveq-overlay", "aria-live": "polite" });
    const header = element("header");
    const title = element("span", "title");
    title.textContent = t("overlay.title");
    this.#count = element("span", "count", { "data-testid": "liveq-count" });
    this.#toggle = element("button", "", { "data-testid": "liveq-collapse", type: "button" }) as HTMLButtonElement;
    this.#toggle.addEventListener("click", () => this.#onChoice((c) => ({ ...c, collapsed: !c.collapsed })));
    header.append(title, this.#count, this.#toggle);
    this.#list = element("ol") as HTMLOListElement;
    this.#panel.append(header, this.#list);
    this.#root.append(style, this.#panel);
    document.body.append(this.host);
  }

  /** Re-renders from scratch: a handful of cards, so simple beats clever. */
  render(view: OverlayView, now = Date.now()): void {
    this.#markFresh(view.pairs, view.status, now);
    const visible = orderForDisplay(view.pairs, view.choices);
    this.#panel.hidden = visible.length === 0;
    this.#panel.classList.toggle("collapsed", view.choices.collapsed);
    this.#panel.dataset.status = view.status;
    this.#count.textContent = String(visible.length);
    this.#toggle.textContent = this.#t(view.choices.collapsed ? "overlay.expand" : "overlay.collapse");
    this.#toggle.setAttribute("aria-expanded", String(!view.choices.collapsed));
    this.#list.replaceChildren(...visible.map((pair) => this.#card(pair, view.choices.pinned.includes(pair.id), now)));
    this.#scheduleUnhighlight(view, now);
  }

  #markFresh(pairs: readonly QaPair[], status: ConnectionStatus, now: number): void {
    // Until the first connected state, pairs are what was already there, not news.
    if (this.#seen === null && status !== "open") return;
    const first = this.#seen === null;
    const seen = this.#seen ?? new Map<string, number>();
    for (const pair of pairs) {
      const before = seen.get(pair.id);
      // The first state is what was already there: only later arrivals and edits are "new".
      if (!first && (before === undefined || before < pair.at)) this.#freshUntil.set(pair.id, now + FRESH_MS);
      seen.set(pair.id, pair.at);
    }
    this.#seen = seen;
  }

  /** Re-renders once the earliest highlight has run out. */
  #scheduleUnhighlight(view: OverlayView, now: number): void {
    if (this.#fadeTimer) clearTimeout(this.#fadeTimer);
    this.#fadeTimer = null;
    const pending = [...this.#freshUntil.values()].filter((until) => until > now);
    if (pending.length === 0) return;
    this.#fadeTimer = setTimeout(() => this.render(view), Math.min(...pending) - now + 20);
  }

  /** Places the panel over the player's lower left (found by the video element, not class names), or the window's lower right. */
  place(player: DOMRect | null): void {
    const style = this.#panel.style;
    if (player && player.width >= 240 && player.height >= 200) {
      // Below the player's top bar and above its chat area, which sits at the bottom.
      style.top = `${Math.round(Math.max(8, player.top + 72))}px`;
      style.left = `${Math.round(player.left + 12)}px`;
      style.right = style.bottom = "auto";
      style.width = `${Math.round(Math.min(320, player.width - 24))}px`;
      style.maxHeight = `${Math.round(Math.max(160, player.height * 0.45))}px`;
    } else {
      style.top = style.left = "auto";
      style.right = "16px";
      style.bottom = "96px";
      style.width = "320px";
      style.maxHeight = "60vh";
    }
  }

  #card(pair: QaPair, pinned: boolean, now: number): HTMLLIElement {
    const fresh = (this.#freshUntil.get(pair.id) ?? 0) > now;
    const li = element("li", [pinned ? "pinned" : "", fresh ? "fresh" : ""].join(" ").trim(), {
      "data-testid": "liveq-card",
      "data-id": pair.id,
    }) as HTMLLIElement;
    const actions = element("div", "actions");
    if (fresh) actions.append(text("span", "badge", this.#t("overlay.new")));
    const pin = button(this.#t(pinned ? "overlay.unpin" : "overlay.pin"), "liveq-pin", () =>
      this.#onChoice((c) => ({
        ...c,
        pinned: pinned ? c.pinned.filter((id) => id !== pair.id) : [...c.pinned, pair.id],
      })),
    );
    pin.setAttribute("aria-pressed", String(pinned));
    const dismiss = button(this.#t("overlay.dismiss"), "liveq-dismiss", () =>
      this.#onChoice((c) => ({
        ...c,
        dismissed: [...c.dismissed, pair.id],
        pinned: c.pinned.filter((id) => id !== pair.id),
      })),
    );
    actions.append(pin, dismiss);
    li.append(
      line("q", this.#t("overlay.question"), pair.question, "liveq-question"),
      line("a", this.#t("overlay.answer"), pair.answer, "liveq-answer"),
      actions,
    );
    return li;
  }

  destroy(): void {
    if (this.#fadeTimer) clearTimeout(this.#fadeTimer);
    this.host.remove();
  }
}

/** Pinned first (in pin order), then the rest newest first; dismissed ones are left out. */
export function orderForDisplay(pairs: readonly QaPair[], choices: OverlayChoices): QaPair[] {
  const shown = pairs.filter((p) => !choices.dismissed.includes(p.id));
  const pinned = choices.pinned.map((id) => shown.find((p) => p.id === id)).filter((p): p is QaPair => p !== undefined);
  return [...pinned, ...shown.filter((p) => !choices.pinned.includes(p.id))];
}

function element(tag: string, className = "", attrs: Record<string, string> = {}): HTMLElement {
  const el = document.createElement(tag);
  if (className) el.className = className;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}

function text(tag: string, className: string, content: string): HTMLElement {
  const el = element(tag, className);
  el.textContent = content;
  return el;
}

function line(className: string, label: string, content: string, testId: string): HTMLElement {
  const el = element("div", className);
  const body = text("span", "", content);
  body.setAttribute("data-testid", testId);
  el.append(text("span", "label", label), body);
  return el;
}

function button(label: string, testId: string, onClick: () => void): HTMLButtonElement {
  const el = element("button", "", { type: "button", "data-testid": testId }) as HTMLButtonElement;
  el.textContent = label;
  el.addEventListener("click", onClick);
  return el;
}
