import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { loadChatCorpus } from "../corpus.ts";
import { buildCatalogue, type FixtureCatalogue } from "./catalogue.ts";
import { ChatStream, type FixtureChat } from "./chat-stream.ts";
import { viewerPageHtml } from "./page.ts";
import { naverApiRoutes } from "./routes.ts";
import { acceptUpgrade, type ServerWebSocket } from "./websocket.ts";

export interface NaverFixtureOptions {
  port?: number;
  host?: string;
  seed?: number;
  /** Mean chats per second per broadcast (default 5). */
  ratePerSec?: number;
  bursts?: boolean;
  maxChats?: number;
  tickMs?: number;
  noticeEverySec?: number;
  productChangeEverySec?: number;
  inquiriesPerProduct?: number;
  /** Called with every chat frame sent and its chats (benchmarks time from here). */
  onChatFrame?: (chats: readonly FixtureChat[], sockets: number) => void;
}

/** One broadcast the fixture serves: its catalogue, chat stream and open sockets. */
export interface FixtureBroadcast {
  id: string;
  catalogue: FixtureCatalogue;
  stream: ChatStream;
  sockets: Set<ServerWebSocket>;
}

export interface NaverFixture {
  url: string;
  server: Server;
  /** The broadcast with this id (created on first use, like any id Naver would serve). */
  broadcast(id: string): FixtureBroadcast;
  /** Requests served, by route name (tests check politeness and resumption). */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/**
 * A local stand-in for Naver Shopping Live: viewer pages, the page's Socket.IO v2 chat
 * socket, the viewer API (detail, products, recent-comments, coupons, benefits) and the
 * Q&A endpoints, all on one host under the real paths.
 */
export async function startNaverFixture(options: NaverFixtureOptions = {}): Promise<NaverFixture> {
  const broadcasts = new Map<string, FixtureBroadcast>();
  const corpus = loadChatCorpus();
  const seed = options.seed ?? 42;
  const hits = new Map<string, number>();

  function broadcast(id: string): FixtureBroadcast {
    let b = broadcasts.get(id);
    if (b) return b;
    const catalogue = buildCatalogue(id, seed, options.inquiriesPerProduct);
    const stream = new ChatStream({
      corpus,
      seed: seed + Number(id.slice(-6)),
      ratePerSec: options.ratePerSec ?? 5,
      startCommentNo: 41_000_000,
      bursts: options.bursts ?? true,
      tickMs: options.tickMs ?? 100,
      noticeEverySec: options.noticeEverySec ?? 15,
      productChangeEverySec: options.productChangeEverySec ?? 30,
      products: catalogue.products,
      ...(options.maxChats !== undefined ? { maxChats: options.maxChats } : {}),
    });
    b = { id, catalogue, stream, sockets: new Set() };
    stream.subscribe((frame, chats) => {
      for (const ws of b!.sockets) ws.send(frame);
      if (chats.length) options.onChatFrame?.(chats, b!.sockets.size);
    });
    broadcasts.set(id, b);
    return b;
  }

  const api = naverApiRoutes(broadcast, hits);
  const server = createServer((req, res) => void serve(req, res, broadcast, api, hits));
  server.on("upgrade", (req, socket) => openChatSocket(req, socket, broadcast));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    server,
    broadcast,
    hits,
    close: () => closeFixture(server, broadcasts),
  };
}

function count(hits: Map<string, number>, name: string): void {
  hits.set(name, (hits.get(name) ?? 0) + 1);
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  broadcast: (id: string) => FixtureBroadcast,
  api: ReturnType<typeof naverApiRoutes>,
  hits: Map<string, number>,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://fixture");
  const page = /^\/(?:lives|replays)\/(\d{3,20})\/?$/.exec(url.pathname);
  if (page) {
    count(hits, "page");
    const html = viewerPageHtml(broadcast(page[1]!).catalogue.detail, page[1]!);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    return void res.end(html);
  }
  const answer = api(url);
  if (!answer) {
    res.writeHead(404, { "content-type": "application/json" });
    return void res.end(JSON.stringify({ code: "NOT_FOUND", message: "no such path" }));
  }
  res.writeHead(answer.status ?? 200, {
    "content-type": "application/json; charset=utf-8",
    "access-control-allow-origin": "*",
  });
  res.end(JSON.stringify(answer.body));
}

function openChatSocket(
  req: IncomingMessage,
  socket: import("node:stream").Duplex,
  broadcast: (id: string) => FixtureBroadcast,
): void {
  const url = new URL(req.url ?? "/", "http://fixture");
  const id = url.searchParams.get("broadcastId");
  if (url.pathname !== "/socket.io/" || url.searchParams.get("EIO") !== "3" || !id || !/^\d{3,20}$/.test(id)) {
    return void socket.end("HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n");
  }
  const ws = acceptUpgrade(req, socket);
  if (!ws) return;
  const b = broadcast(id);
  ws.send(
    `0${JSON.stringify({ sid: `fixture-${Math.random().toString(36).slice(2, 12)}`, upgrades: [], pingInterval: 25000, pingTimeout: 60000 })}`,
  );
  ws.send("40");
  ws.onMessage = (text) => {
    if (text === "2") ws.send("3");
    else if (text === "2probe") ws.send("3probe");
  };
  ws.onClose = () => b.sockets.delete(ws);
  b.sockets.add(ws);
  b.stream.start();
}

async function closeFixture(server: Server, broadcasts: Map<string, FixtureBroadcast>): Promise<void> {
  for (const b of broadcasts.values()) {
    b.stream.stop();
    for (const ws of b.sockets) ws.destroy();
  }
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
