import { DurableObject } from "cloudflare:workers";

/**
 * The local ceiling for bench:hub: a hub that only parses a batch, assigns seq and
 * forwards coalesced frames to boards. No validation, dedupe, classification or storage.
 */
export class BareHub extends DurableObject {
  private seq = 0;
  private pending: unknown[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  override async fetch(request: Request): Promise<Response> {
    const role = new URL(request.url).pathname.endsWith("/board") ? "board" : "ingest";
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [role]);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const data = JSON.parse(message as string) as {
      type: string;
      batchId?: number;
      chats?: { commentNo: number; message: string; nickname: string; at: number }[];
    };
    if (data.type !== "chats" || !data.chats) return;
    let upTo = -1;
    for (const c of data.chats) {
      this.pending.push({
        seq: ++this.seq,
        commentNo: c.commentNo,
        nickname: c.nickname,
        message: c.message,
        intent: "general",
        confidence: 1,
        at: c.at,
      });
      upTo = c.commentNo;
    }
    ws.send(
      JSON.stringify({
        type: "ack",
        upTo,
        seq: this.seq,
        accepted: data.chats.length,
        duplicates: 0,
        malformed: 0,
        batchId: data.batchId,
      }),
    );
    this.timer ??= setTimeout(() => this.flush(), 50);
  }

  private flush(): void {
    this.timer = null;
    const frame = JSON.stringify({ type: "chats", items: this.pending });
    this.pending = [];
    for (const ws of this.ctx.getWebSockets("board")) ws.send(frame);
  }
}
