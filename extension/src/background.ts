import type { ViewerServerMessage } from "../../core/protocol/viewer.ts";
import { BroadcastRecord, OVERLAY_PORT, OverlayRequest, type ConnectionStatus, type OverlayState } from "./messages.ts";
import { applyViewerMessage } from "./pairs.ts";
import { loadSettings } from "./settings.ts";
import { ViewerSocket } from "./viewer-socket.ts";

/**
 * The service worker: one viewer socket per Naver broadcast that an open tab shows. What
 * must survive the worker being stopped lives in chrome.storage.session (`watch`: tab →
 * broadcast; `b:<naverId>`: status and pairs) and an alarm calls `reconcile` after a
 * restart. The maps below are caches of live objects, rebuilt by `reconcile`.
 */
const WATCHDOG_ALARM = "liveq-watchdog";
/** A broadcast no tab shows any more keeps its socket this long (a reload re-attaches). */
const UNWATCH_GRACE_MS = 15_000;

const sockets = new Map<string, ViewerSocket>();
const ports = new Map<string, Set<chrome.runtime.Port>>();
const writes = new Map<string, Promise<unknown>>();

type WatchMap = Record<string, string>;

async function readWatch(): Promise<WatchMap> {
  const { watch } = await chrome.storage.session.get("watch");
  return watch && typeof watch === "object" ? (watch as WatchMap) : {};
}

/** Serializes read-modify-write of one storage key (events can arrive faster than storage answers). */
function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const next = (writes.get(key) ?? Promise.resolve()).then(work, work);
  writes.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

async function readRecord(naverId: string): Promise<BroadcastRecord> {
  const key = `b:${naverId}`;
  const parsed = BroadcastRecord.safeParse((await chrome.storage.session.get(key))[key]);
  return parsed.success ? parsed.data : { status: "connecting", attempt: 0, pairs: [], updatedAt: Date.now() };
}

function updateRecord(naverId: string, change: (r: BroadcastRecord) => BroadcastRecord): Promise<void> {
  return serialized(`b:${naverId}`, async () => {
    const record = { ...change(await readRecord(naverId)), updatedAt: Date.now() };
    await chrome.storage.session.set({ [`b:${naverId}`]: record });
    pushState(naverId, record);
  });
}

function pushState(naverId: string, record: BroadcastRecord): void {
  const state: OverlayState = { type: "state", naverId, status: record.status, pairs: record.pairs };
  for (const port of ports.get(naverId) ?? []) port.postMessage(state);
}

async function socketUrl(naverId: string): Promise<string> {
  const { serverUrl } = await loadSettings();
  const stored = await chrome.storage.local.get("clientId");
  let clientId = typeof stored.clientId === "string" ? stored.clientId : "";
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(clientId)) {
    clientId = crypto.randomUUID().replaceAll("-", "");
    await chrome.storage.local.set({ clientId });
  }
  return `${serverUrl.replace(/^http/, "ws")}/api/viewer/naver/${naverId}?client=${clientId}`;
}

function ensureSocket(naverId: string, attempt = 0): void {
  if (sockets.has(naverId)) return;
  const socket = new ViewerSocket(
    {
      url: () => socketUrl(naverId),
      onMessage: (message: ViewerServerMessage) =>
        void updateRecord(naverId, (r) => ({ ...r, pairs: applyViewerMessage(r.pairs, message) })),
      onStatus: (status: ConnectionStatus, n: number) =>
        void updateRecord(naverId, (r) => ({ ...r, status, attempt: n })),
    },
    attempt,
  );
  sockets.set(naverId, socket);
  socket.start();
}

function stopSocket(naverId: string): void {
  sockets.get(naverId)?.stop();
  sockets.delete(naverId);
}

/** Brings live sockets in line with what open tabs watch; safe to call any time. */
async function reconcile(): Promise<void> {
  const watch = await serialized("watch", async () => {
    const current = await readWatch();
    for (const tabId of Object.keys(current)) {
      if (!(await chrome.tabs.get(Number(tabId)).catch(() => null))) delete current[tabId];
    }
    await chrome.storage.session.set({ watch: current });
    return current;
  });
  const wanted = new Set(Object.values(watch));
  for (const naverId of wanted) ensureSocket(naverId, (await readRecord(naverId)).attempt);
  for (const naverId of [...sockets.keys()]) if (!wanted.has(naverId)) stopSocket(naverId);
}

function setWatch(tabId: number, naverId: string | null): Promise<void> {
  return serialized("watch", async () => {
    const watch = await readWatch();
    if (naverId) watch[String(tabId)] = naverId;
    else delete watch[String(tabId)];
    await chrome.storage.session.set({ watch });
  });
}

async function attachOverlay(port: chrome.runtime.Port, naverId: string): Promise<void> {
  const tabId = port.sender?.tab?.id;
  if (tabId === undefined) return;
  let set = ports.get(naverId);
  if (!set) ports.set(naverId, (set = new Set()));
  set.add(port);
  await setWatch(tabId, naverId);
  ensureSocket(naverId);
  const record = await readRecord(naverId);
  port.postMessage({ type: "state", naverId, status: record.status, pairs: record.pairs } satisfies OverlayState);
  port.onDisconnect.addListener(() => {
    set.delete(port);
    void setWatch(tabId, null).then(() => setTimeout(() => void reconcile(), UNWATCH_GRACE_MS));
  });
}

chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== OVERLAY_PORT) return port.disconnect();
  port.onMessage.addListener((message: unknown) => {
    const request = OverlayRequest.safeParse(message);
    if (request.success) void attachOverlay(port, request.data.naverId);
  });
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === WATCHDOG_ALARM) void reconcile();
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== "local" || !changes.serverUrl) return;
  // A new server: every socket starts over against it.
  for (const naverId of [...sockets.keys()]) stopSocket(naverId);
  void reconcile();
});

void chrome.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5 });
void reconcile();
