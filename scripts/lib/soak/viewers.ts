/**
 * Viewer sockets kept connected through the soak: each reconnects after its socket drops
 * (a server restart), and counts the `qa` pairs it receives by id.
 */
export class ViewerSockets {
  readonly sockets: { ws: WebSocket | null; qa: Set<string>; reconnects: number }[] = [];
  private stopped = false;

  private readonly base: () => string;

  constructor(base: () => string, broadcasts: readonly string[], perBroadcast: number) {
    this.base = base;
    for (const broadcast of broadcasts)
      for (let i = 0; i < perBroadcast; i++)
        this.open(broadcast, `soak-viewer-${broadcast}-${i}`, { ws: null, qa: new Set(), reconnects: 0 });
  }

  get connected(): number {
    return this.sockets.filter((s) => s.ws?.readyState === WebSocket.OPEN).length;
  }

  /** Sockets that have received the pair `id` (in `recent` on connect, or as `qa`). */
  holding(id: string): number {
    return this.sockets.filter((s) => s.qa.has(id)).length;
  }

  stop(): void {
    this.stopped = true;
    for (const s of this.sockets) s.ws?.close(1000, "done");
  }

  private open(
    broadcast: string,
    client: string,
    state: { ws: WebSocket | null; qa: Set<string>; reconnects: number },
  ): void {
    if (!this.sockets.includes(state)) this.sockets.push(state);
    const url = new URL(`/api/viewer/broadcasts/${encodeURIComponent(broadcast)}?client=${client}`, this.base());
    url.protocol = url.protocol.replace("http", "ws");
    const ws = new WebSocket(url);
    state.ws = ws;
    let gone = false;
    const onGone = () => {
      if (gone || this.stopped) return;
      gone = true;
      state.reconnects++;
      setTimeout(() => this.open(broadcast, client, state), 1000 + Math.random() * 2000);
    };
    ws.addEventListener("close", onGone);
    ws.addEventListener("error", onGone);
    ws.addEventListener("message", (e) => {
      try {
        const msg = JSON.parse(String(e.data)) as {
          type?: string;
          id?: string;
          items?: { id: string }[];
          pairs?: { id: string }[];
        };
        if (msg.type === "qa" && msg.id) state.qa.add(msg.id);
        for (const pair of msg.items ?? msg.pairs ?? []) state.qa.add(pair.id);
      } catch {
        // not ours to judge
      }
    });
  }
}
