import { BoardServerMessage, type BoardClientMessage } from "../../core/protocol/index.ts";
import { reconnectDelay } from "./backoff.ts";
import type { BoardFrame } from "./board-state.ts";
import { parseJsonText } from "../../core/protocol/json.ts";

export type ConnectionState = "connecting" | "open" | "reconnecting" | "closed";

/** Frames about answering (clusters, claims, published answers) and the capture: applied at once, not per animation frame. */
export type BoardEvent = Extract<
  BoardServerMessage,
  {
    type:
      | "clusters"
      | "claims"
      | "answer-published"
      | "answer-unpublished"
      | "capture"
      | "held"
      | "moderation-decision"
      | "moderation-settings"
      | "nickname"
      | "answer-posted"
      | "answer-delivery";
  }
>;

/** What the socket needs from the board: where to resume, and where frames go. */
export interface BoardSocketHandlers {
  /** Highest seq received so far (including frames not yet rendered): the `hello` resume point. */
  lastSeq(): number;
  onFrame(frame: BoardFrame): void;
  onEvent(event: BoardEvent): void;
  /** Messages to repeat after every `hello` (a claim lives on the socket, so a new socket must say it again). */
  afterHello(): BoardClientMessage[];
  /** A message that failed validation: counted, never fatal. */
  onInvalid(): void;
  onServerError(code: string, message: string): void;
  onState(state: ConnectionState): void;
  /**
   * The socket closed before opening (a refused upgrade looks like any network failure
   * in a browser). The board asks the REST API why; "stop" ends reconnecting.
   */
  onRefused(): Promise<"retry" | "stop">;
}

const PING_EVERY_MS = 25_000;
/** With a ping every 25 s, this much silence means the connection is dead without a close. */
const SILENCE_LIMIT_MS = 60_000;

/**
 * The board socket URL for this page's origin (works behind the Vite dev proxy too). It holds
 * no credential: the browser sends the session cookie with the upgrade.
 */
export function boardSocketUrl(broadcastId: string): string {
  const origin = location.origin.replace(/^http/, "ws");
  return `${origin}/api/broadcasts/${encodeURIComponent(broadcastId)}/board`;
}

/**
 * One manager's connection to a broadcast's hub: says `hello {lastSeq}` on every
 * (re)connect so the hub replays exactly what was missed, pings, answers `resync`,
 * and reconnects with jittered backoff until stopped.
 */
export class BoardSocket {
  #ws: WebSocket | null = null;
  #attempt = 0;
  #stopped = false;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #lastHeard = 0;
  #everOpened = false;
  readonly #onOnline = () => this.#retryNow();
  readonly #onOffline = () => this.#wentOffline();
  readonly url: () => string;
  readonly handlers: BoardSocketHandlers;

  /** `url` is called per attempt. */
  constructor(url: () => string, handlers: BoardSocketHandlers) {
    this.url = url;
    this.handlers = handlers;
  }

  start(): void {
    this.#stopped = false;
    addEventListener("online", this.#onOnline);
    addEventListener("offline", this.#onOffline);
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    removeEventListener("online", this.#onOnline);
    removeEventListener("offline", this.#onOffline);
    clearTimeout(this.#retryTimer);
    this.#drop();
    this.handlers.onState("closed");
  }

  #connect(): void {
    this.#drop();
    this.handlers.onState(this.#everOpened || this.#attempt > 0 ? "reconnecting" : "connecting");
    const ws = new WebSocket(this.url());
    this.#ws = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      this.#everOpened = true;
      this.#lastHeard = Date.now();
      // `recent`: far behind (or new on a long broadcast), start from the newest chats, not the whole log.
      this.#send({ type: "hello", lastSeq: this.handlers.lastSeq(), recent: true });
      for (const message of this.handlers.afterHello()) this.#send(message);
      this.#pingTimer = setInterval(() => this.#heartbeat(), PING_EVERY_MS);
      this.handlers.onState("open");
    };
    ws.onmessage = (event: MessageEvent) => this.#receive(event.data);
    ws.onclose = () => {
      if (this.#ws !== ws) return;
      this.#drop();
      if (opened) this.#scheduleRetry();
      else void this.#refused();
    };
  }

  async #refused(): Promise<void> {
    this.handlers.onState("reconnecting");
    const verdict = await this.handlers.onRefused().catch(() => "retry" as const);
    // Stopped, or already reconnected (the network came back) while the API answered.
    if (this.#stopped || this.#ws) return;
    if (verdict === "stop") this.stop();
    else this.#scheduleRetry();
  }

  #receive(data: unknown): void {
    this.#lastHeard = Date.now();
    const parsed = BoardServerMessage.safeParse(parseJsonText(data));
    if (!parsed.success) return this.handlers.onInvalid();
    const message = parsed.data;
    this.#attempt = 0;
    switch (message.type) {
      case "chats":
      case "intents":
      case "stats":
      case "chats-hidden":
      case "window":
      case "older-chats":
        return this.handlers.onFrame(message);
      case "resync":
        // The hub pages a far-behind board: keep what is shown and ask from where it can replay.
        this.handlers.onFrame(message);
        this.#send({ type: "hello", lastSeq: Math.max(0, this.handlers.lastSeq()) });
        return;
      case "clusters":
      case "claims":
      case "answer-published":
      case "answer-unpublished":
      case "capture":
      case "answer-posted":
      case "answer-delivery":
      case "held":
      case "moderation-decision":
      case "moderation-settings":
      case "nickname":
        return this.handlers.onEvent(message);
      case "error":
        return this.handlers.onServerError(message.code, message.message);
      case "welcome":
      case "pong":
        return;
    }
  }

  #heartbeat(): void {
    if (Date.now() - this.#lastHeard > SILENCE_LIMIT_MS) {
      // A half-open TCP connection may never fire `close`: give up on it ourselves.
      this.#drop();
      this.#scheduleRetry();
      return;
    }
    this.#send({ type: "ping" });
  }

  /** Sends when open; false otherwise (claims are repeated after the next `hello`). */
  send(message: BoardClientMessage): boolean {
    return this.#send(message);
  }

  #send(message: BoardClientMessage): boolean {
    if (this.#ws?.readyState !== WebSocket.OPEN) return false;
    this.#ws.send(JSON.stringify(message));
    return true;
  }

  /** Detaches and closes the current socket, if any, so its late events are ignored. */
  #drop(): void {
    clearInterval(this.#pingTimer);
    const ws = this.#ws;
    this.#ws = null;
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = null;
    if (ws.readyState === WebSocket.CONNECTING || ws.readyState === WebSocket.OPEN) ws.close(1000);
  }

  #scheduleRetry(): void {
    if (this.#stopped) return;
    if (!navigator.onLine) return this.#wentOffline(); // the `online` event reconnects
    this.handlers.onState("reconnecting");
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#connect(), reconnectDelay(this.#attempt));
    this.#attempt++;
  }

  /** The browser lost the network: say so now rather than when the socket times out. */
  #wentOffline(): void {
    if (this.#stopped) return;
    clearTimeout(this.#retryTimer);
    this.#drop();
    this.handlers.onState("closed");
  }

  /** The network came back: skip the rest of the backoff wait. */
  #retryNow(): void {
    if (this.#stopped || this.#ws) return;
    clearTimeout(this.#retryTimer);
    this.#attempt = 0;
    this.#connect();
  }
}
