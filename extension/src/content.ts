import { naverBroadcastId } from "../../core/naver/url.ts";
import { translator } from "./i18n.ts";
import { OVERLAY_PORT, OverlayState, type OverlayRequest } from "./messages.ts";
import { Overlay, type OverlayChoices, type OverlayView } from "./overlay.ts";
import { loadSettings } from "./settings.ts";

/**
 * Content script on Shopping Live viewer pages: takes the broadcast id from the URL, asks
 * the service worker for its approved answers over a port, and shows them in the overlay.
 * The port drops whenever Chrome stops the worker; we reconnect, which wakes it.
 */
const PORT_RETRY_MS = 1_000;
/** The viewer page is a single-page app: it can move to another broadcast without a reload. */
const URL_CHECK_MS = 1_500;
const PLACE_EVERY_MS = 2_000;

const NO_CHOICES: OverlayChoices = { pinned: [], dismissed: [], collapsed: false };

/** One page's overlay and its link to the service worker, following the page's broadcast. */
class OverlayController {
  #naverId: string | null = null;
  #port: chrome.runtime.Port | null = null;
  /** The latest watch() call; an older one still awaiting storage gives way. */
  #ticket = 0;
  #view: OverlayView = { pairs: [], status: "connecting", choices: NO_CHOICES };
  readonly #overlay: Overlay;

  constructor(overlay: (onChoice: (change: (c: OverlayChoices) => OverlayChoices) => void) => Overlay) {
    this.#overlay = overlay((change) => this.#choose(change));
  }

  get overlay(): Overlay {
    return this.#overlay;
  }

  /** Shows `naverId`'s answers (null: none) and asks the worker for them. */
  async watch(naverId: string | null): Promise<void> {
    const same = naverId === this.#naverId;
    if (same && (this.#port || naverId === null)) return;
    const ticket = ++this.#ticket;
    this.#naverId = naverId;
    this.#port?.disconnect();
    this.#port = null;
    if (!same) {
      // Another broadcast: start empty. The same one (the worker restarted): keep what is shown.
      const choices = naverId ? await loadChoices(naverId) : NO_CHOICES;
      if (ticket !== this.#ticket) return;
      this.#view = { pairs: [], status: "connecting", choices };
      this.#overlay.render(this.#view);
    }
    if (naverId) this.#connect(naverId);
  }

  #connect(naverId: string): void {
    const port = chrome.runtime.connect({ name: OVERLAY_PORT });
    this.#port = port;
    port.onMessage.addListener((message: unknown) => {
      const state = OverlayState.safeParse(message);
      if (!state.success || state.data.naverId !== this.#naverId) return;
      this.#view = { ...this.#view, pairs: state.data.pairs, status: state.data.status };
      this.#overlay.render(this.#view);
    });
    // Fires when the worker stops (not when we disconnect): reconnecting wakes it again.
    port.onDisconnect.addListener(() => {
      if (this.#port !== port) return;
      this.#port = null;
      setTimeout(() => void this.watch(this.#naverId), PORT_RETRY_MS);
    });
    port.postMessage({ type: "watch", naverId } satisfies OverlayRequest);
  }

  #choose(change: (c: OverlayChoices) => OverlayChoices): void {
    this.#view = { ...this.#view, choices: change(this.#view.choices) };
    this.#overlay.render(this.#view);
    if (this.#naverId) void chrome.storage.local.set({ [`overlay:${this.#naverId}`]: this.#view.choices });
  }
}

async function loadChoices(naverId: string): Promise<OverlayChoices> {
  const stored: unknown = (await chrome.storage.local.get(`overlay:${naverId}`))[`overlay:${naverId}`];
  if (!stored || typeof stored !== "object") return NO_CHOICES;
  const { pinned, dismissed, collapsed } = stored as Record<string, unknown>;
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string").slice(-200) : []);
  return { pinned: ids(pinned), dismissed: ids(dismissed), collapsed: collapsed === true };
}

/** The player, by a stable cue: the largest visible video element. */
function largestVideo(): HTMLVideoElement | null {
  let best: HTMLVideoElement | null = null;
  let bestArea = 0;
  for (const video of document.querySelectorAll("video")) {
    const r = video.getBoundingClientRect();
    if (r.width * r.height > bestArea) {
      best = video;
      bestArea = r.width * r.height;
    }
  }
  return best;
}

async function main(): Promise<void> {
  const t = translator((await loadSettings()).language);
  const controller = new OverlayController((onChoice) => new Overlay(t, onChoice));
  const place = () => controller.overlay.place(largestVideo()?.getBoundingClientRect() ?? null);
  place();
  window.addEventListener("resize", place);
  setInterval(place, PLACE_EVERY_MS);
  setInterval(() => void controller.watch(naverBroadcastId(location.href)), URL_CHECK_MS);
  await controller.watch(naverBroadcastId(location.href));
}

void main();
