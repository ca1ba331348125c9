import { exports } from "cloudflare:workers";

export const ADMIN = "test-admin-token";
export const BASE = "http://liveq.test";

/** Calls the Worker under test like a client would. */
export function api(path: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> {
  const { token = ADMIN, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (rest.body && !headers.has("content-type")) headers.set("content-type", "application/json");
  return exports.default.fetch(new Request(BASE + path, { ...rest, headers }));
}

export async function createBroadcast(
  body: Record<string, unknown> = {},
): Promise<{ id: string; ingestToken: string }> {
  const res = await api("/api/broadcasts", {
    method: "POST",
    body: JSON.stringify({ title: "테스트 방송", source: "ingest", ...body }),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Opens a socket through the Worker (auth and routing included) and collects its messages.
 * The token goes in `Authorization: Bearer` as Node clients send it; `headers` adds others
 * (a session cookie and an Origin, as a browser sends them).
 */
export async function openSocket(
  path: string,
  token: string | null = ADMIN,
  extra: HeadersInit = {},
): Promise<TestSocket> {
  const headers = new Headers(extra);
  headers.set("upgrade", "websocket");
  if (token) headers.set("authorization", `Bearer ${token}`);
  const res = await exports.default.fetch(new Request(BASE + path, { headers }));
  const ws = res.webSocket;
  if (!ws) throw new Error(`socket refused: ${res.status} ${await res.text()}`);
  ws.accept();
  return new TestSocket(ws);
}

type Message = { type: string } & Record<string, unknown>;

export class TestSocket {
  readonly messages: Message[] = [];
  private waiters: (() => void)[] = [];
  readonly ws: WebSocket;
  /** Resolves with the close code when the server closes the socket. */
  readonly closed: Promise<number>;

  constructor(ws: WebSocket) {
    this.ws = ws;
    this.closed = new Promise((resolve) => ws.addEventListener("close", (e) => resolve(e.code)));
    ws.addEventListener("message", (e) => {
      this.messages.push(JSON.parse(e.data as string) as Message);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  send(data: unknown): void {
    this.ws.send(typeof data === "string" ? data : JSON.stringify(data));
  }

  /** Waits until `predicate` holds over the messages received so far. */
  async until(predicate: (messages: Message[]) => boolean, timeoutMs = 3000): Promise<Message[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(this.messages).slice(0, 500)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.messages;
  }

  /** Chat items received, in arrival order. */
  chats(): { seq: number; commentNo: number; message: string; intent: string }[] {
    return this.messages.flatMap((m) => (m.type === "chats" ? (m.items as []) : []));
  }

  close(): void {
    this.ws.close(1000, "done");
  }
}

export function chat(commentNo: number, message = `채팅 ${commentNo}`) {
  return { commentNo, nickname: `user${commentNo % 7}****`, message, at: 1_760_000_000_000 + commentNo };
}
