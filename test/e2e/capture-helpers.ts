import { BoardServerMessage, type BoardChat } from "../../core/protocol/board.ts";
import { adminFetch } from "./browser.ts";

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

/** A manager's board socket, collecting chats in the order the hub sends them. */
export class BoardWatcher {
  readonly chats: BoardChat[] = [];
  private readonly ws: WebSocket;

  constructor(base: string, token: string, broadcastId: string) {
    const url = new URL(`/api/broadcasts/${broadcastId}/board`, base);
    url.protocol = "ws:";
    url.searchParams.set("token", token);
    this.ws = new WebSocket(url);
    this.ws.addEventListener("open", () => this.ws.send(JSON.stringify({ type: "hello", lastSeq: 0 })));
    this.ws.addEventListener("message", (e) => {
      const message = BoardServerMessage.safeParse(JSON.parse(String(e.data)));
      if (message.success && message.data.type === "chats") this.chats.push(...message.data.items);
    });
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.ws.readyState === WebSocket.OPEN) return resolve();
      this.ws.addEventListener("open", () => resolve());
      this.ws.addEventListener("error", () => reject(new Error("board socket failed")));
    });
  }

  close(): void {
    this.ws.close(1000, "done");
  }
}

/** Polls until `predicate` holds (no timing assertions: the test's own timeout bounds it). */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
