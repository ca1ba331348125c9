import { naverBroadcastId } from "../../core/naver/url.ts";
import { translator } from "./i18n.ts";
import { OVERLAY_PORT, OverlayState, type ConnectionStatus, type OverlayRequest } from "./messages.ts";
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

async function main(): Promise<void> {
  const { language } = await loadSettings();
  const t = translator(language);
  let naverId = naverBroadcastId(location.href);
  let view: OverlayView = { pairs: [], status: "connecting", choices: NO_CHOICES };
  let port: chrome.runtime.Port | null = null;

  const choicesKey = () => `overlay:${naverId}`;
  const overlay = new Overlay(t, (change) => {
    view = { ...view, choices: change(view.choices) };
    overlay.render(view);
    void chrome.storage.local.set({ [choicesKey()]: view.choices });
  });

  const connect = async () => {
    if (!naverId) return;
    const stored = (await chrome.storage.local.get(choicesKey()))[choicesKey()] as Partial<OverlayChoices> | undefined;
    view = { pairs: [], status: "connecting", choices: { ...NO_CHOICES, ...pickChoices(stored) } };
    port = chrome.runtime.connect({ name: OVERLAY_PORT });
    port.onMessage.addListener((message: unknown) => {
      const state = OverlayState.safeParse(message);
      if (!state.success || state.data.naverId !== naverId) return;
      view = { ...view, pairs: state.data.pairs, status: state.data.status satisfies ConnectionStatus };
      overlay.render(view);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      setTimeout(() => void connect(), PORT_RETRY_MS);
    });
    port.postMessage({ type: "watch", naverId } satisfies OverlayRequest);
  };

  setInterval(() => {
    const current = naverBroadcastId(location.href);
    if (current === naverId) return;
    naverId = current;
    port?.disconnect();
    port = null;
    overlay.render({ pairs: [], status: "connecting", choices: NO_CHOICES });
    void connect();
  }, URL_CHECK_MS);

  const place = () => overlay.place(largestVideo()?.getBoundingClientRect() ?? null);
  place();
  window.addEventListener("resize", place);
  setInterval(place, PLACE_EVERY_MS);
  overlay.render(view);
  await connect();
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

function pickChoices(stored: Partial<OverlayChoices> | undefined): Partial<OverlayChoices> {
  if (!stored || typeof stored !== "object") return {};
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string").slice(-200) : []);
  return { pinned: ids(stored.pinned), dismissed: ids(stored.dismissed), collapsed: stored.collapsed === true };
}

void main();
