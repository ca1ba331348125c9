import { BoardServerMessage, type BoardChat } from "../../core/protocol/board.ts";
import { adminFetch } from "./browser.ts";
import { authedWebSocket } from "../../scripts/lib/authed-socket.ts";

/** Creates a Naver-sourced broadcast through the API and returns its LiveQ id. */
export async function createNaverBroadcast(base: string, token: string, naverId: string): Promise<string> {
  const res = await adminFetch(base, token, "/api/broadcasts", {
    title: "캡처 테스트",
    source: "naver",
    naverUrl: `https://view.shoppinglive.naver.com/lives/${naverId}`,
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/**
 * A manager's board socket, collecting the chats the hub delivers, in seq order. Like the
 * dashboard it reconnects after a drop (and says hello again on `resync`) from the last seq it
 * holds, so a socket lost on a loaded machine shows as `reconnects`, not as missing chats. A chat
 * moderation holds is delivered too, to the held queue (보류) instead of a column: the capture
 * brought it, and the replayed corpus has shop chats the model holds ("클로즈업 좀").
 */
export class BoardWatcher {
  private readonly bySeq = new Map<number, BoardChat>();
  reconnects = 0;
  private ws!: WebSocket;
  private closing = false;
  private readonly open: Promise<void>;

  private readonly url: URL;
  private readonly token: string;

  constructor(base: string, token: string, broadcastId: string) {
    this.url = new URL(`/api/broadcasts/${broadcastId}/board`, base);
    this.url.protocol = "ws:";
    this.token = token;
    this.open = new Promise((resolve, reject) => this.connect(resolve, reject));
  }

  private connect(resolve?: () => void, reject?: (err: Error) => void): void {
    const ws = (this.ws = authedWebSocket(this.url, this.token));
    const hello = () => ws.send(JSON.stringify({ type: "hello", lastSeq: this.chats.at(-1)?.seq ?? 0 }));
    const keep = (items: readonly BoardChat[]) => {
      for (const chat of items) this.bySeq.set(chat.seq, chat);
    };
    ws.addEventListener("open", () => {
      hello();
      resolve?.();
    });
    ws.addEventListener("error", () => reject?.(new Error("board socket failed")));
    ws.addEventListener("message", (e) => {
      const message = BoardServerMessage.safeParse(JSON.parse(String(e.data)));
      if (!message.success) return;
      if (message.data.type === "chats" || message.data.type === "held") keep(message.data.items);
      if (message.data.type === "resync") hello();
    });
    ws.addEventListener("close", () => {
      if (this.closing) return;
      this.reconnects++;
      setTimeout(() => this.connect(), 200);
    });
  }

  /** Every chat delivered so far, to a column or to the held queue, in seq order. */
  get chats(): BoardChat[] {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  opened(): Promise<void> {
    return this.open;
  }

  close(): void {
    this.closing = true;
    this.ws.close(1000, "done");
  }
}

/** Polls until `predicate` holds (no timing assertions: the test's own timeout bounds it). */
export async function waitFor(
  predicate: () => boolean,
  what: string,
  timeoutMs = 90_000,
  state?: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}${state ? `: ${state()}` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What a capture test saw when it gave up: counts, and the first chats sent but never shown. */
export function deliveryState(
  board: BoardWatcher,
  sent: readonly { commentNo: number }[],
  extra: Record<string, unknown> = {},
): string {
  const shown = new Set(board.chats.map((c) => c.commentNo));
  const missing = sent.filter((c) => !shown.has(c.commentNo)).map((c) => c.commentNo);
  return JSON.stringify({
    shown: board.chats.length,
    sent: sent.length,
    reconnects: board.reconnects,
    missing: missing.slice(0, 20),
    missingCount: missing.length,
    ...extra,
  });
}
