import { VIEWER_PING, ViewerServerMessage } from "../../core/protocol/viewer.ts";
import type { ConnectionStatus } from "./messages.ts";
import { parseJsonText } from "../../core/protocol/json.ts";

/** Keep-alive period: Chrome keeps an extension service worker alive while its socket is active (≥116). */
const PING_EVERY_MS = 20_000;
/** Nothing heard for this long (pongs included): the connection is half-open; drop it. */
const SILENCE_LIMIT_MS = 50_000;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;

/** Exponential backoff with equal jitter, so a server restart is not met by every viewer at once. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface ViewerSocketHandlers {
  /** The socket URL, read fresh on every attempt (the server setting may change). */
  url(): Promise<string>;
  onMessage(message: ViewerServerMessage): void;
  onStatus(status: ConnectionStatus, attempt: number): void;
}

/**
 * One viewer socket with keep-alive and backoff reconnect. Holds only what a live socket
 * needs; the service worker persists status and pairs through the handlers.
 */
export class ViewerSocket {
  #ws: WebSocket | null = null;
  #attempt: number;
  #stopped = false;
  #lastHeard = 0;
  #heartbeat: ReturnType<typeof setTimeout> | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  readonly #handlers: ViewerSocketHandlers;

  constructor(handlers: ViewerSocketHandlers, attempt = 0) {
    this.#handlers = handlers;
    this.#attempt = attempt;
  }

  start(): void {
    void this.#open();
  }

  stop(): void {
    this.#stopped = true;
    this.#clearTimers();
    this.#ws?.close(1000, "not watched");
    this.#ws = null;
  }

  async #open(): Promise<void> {
    if (this.#stopped || this.#ws) return;
    this.#handlers.onStatus(this.#attempt === 0 ? "connecting" : "retrying", this.#attempt);
    let ws: WebSocket;
    try {
      ws = new WebSocket(await this.#handlers.url());
    } catch {
      return this.#scheduleRetry();
    }
    if (this.#stopped) return ws.close(1000, "stopped");
    this.#ws = ws;
    this.#lastHeard = Date.now();
    ws.addEventListener("message", (e) => this.#receive(e.data));
    ws.addEventListener("close", () => this.#dropped(ws));
    ws.addEventListener("error", () => this.#dropped(ws));
    this.#beat();
  }

  #receive(data: unknown): void {
    this.#lastHeard = Date.now();
    const parsed = ViewerServerMessage.safeParse(parseJsonText(data));
    if (!parsed.success) return;
    // Pairs first, then "open": an overlay takes the first open state as what was already there.
    this.#handlers.onMessage(parsed.data);
    if (parsed.data.type === "recent") {
      this.#attempt = 0;
      this.#handlers.onStatus("open", 0);
    }
  }

  #beat(): void {
    this.#heartbeat = setTimeout(() => {
      const ws = this.#ws;
      if (!ws) return;
      if (Date.now() - this.#lastHeard > SILENCE_LIMIT_MS) return ws.close(4000, "silent");
      if (ws.readyState === WebSocket.OPEN) ws.send(VIEWER_PING);
      this.#beat();
    }, PING_EVERY_MS);
  }

  #dropped(ws: WebSocket): void {
    if (this.#ws !== ws) return;
    this.#ws = null;
    this.#clearTimers();
    if (!this.#stopped) this.#scheduleRetry();
  }

  #scheduleRetry(): void {
    this.#attempt++;
    this.#handlers.onStatus("retrying", this.#attempt);
    this.#retry = setTimeout(
      () => {
        this.#retry = null;
        void this.#open();
      },
      reconnectDelay(this.#attempt - 1),
    );
  }

  #clearTimers(): void {
    if (this.#heartbeat) clearTimeout(this.#heartbeat);
    if (this.#retry) clearTimeout(this.#retry);
    this.#heartbeat = this.#retry = null;
  }
}
