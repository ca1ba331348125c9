import { exports } from "cloudflare:workers";
import { shardFor } from "../../core/protocol/viewer.ts";
import { api, TestSocket } from "./helpers.ts";

const BASE = "http://liveq.test";
/** VIEWER_SHARDS of wrangler.toml's [env.test]. */
export const TEST_SHARDS = 3;

/** A `?client=` id that lands on `shard` (ids are hashed to shards). */
export function clientOnShard(shard: number, salt = "c"): string {
  for (let i = 0; ; i++) {
    const id = `${salt}-client-${i}`;
    if (shardFor(id, TEST_SHARDS) === shard) return id;
  }
}

/** Opens a public viewer socket as a client at `ip` would; the response when it is refused. */
export async function connectViewer(
  path: string,
  options: { ip?: string; client?: string } = {},
): Promise<TestSocket | Response> {
  const url = new URL(BASE + path);
  if (options.client) url.searchParams.set("client", options.client);
  const headers: Record<string, string> = { upgrade: "websocket", "cf-connecting-ip": options.ip ?? "203.0.113.7" };
  const res = await exports.default.fetch(new Request(url, { headers }));
  if (!res.webSocket) return res;
  res.webSocket.accept();
  return new TestSocket(res.webSocket);
}

/** Like connectViewer, but fails the test when refused; waits for the `recent` snapshot. */
export async function viewer(path: string, options: { ip?: string; client?: string } = {}): Promise<TestSocket> {
  const socket = await connectViewer(path, options);
  if (socket instanceof Response) throw new Error(`viewer refused: ${socket.status} ${await socket.text()}`);
  await socket.until((m) => m.some((x) => x.type === "recent"));
  return socket;
}

export async function publish(
  id: string,
  body: Record<string, unknown>,
  // biome-ignore lint/suspicious/noExplicitAny: tests read a field or two of several answer shapes
): Promise<{ status: number; body: Record<string, any> }> {
  const res = await api(`/api/broadcasts/${id}/answers`, { method: "POST", body: JSON.stringify(body) });
  // biome-ignore lint/suspicious/noExplicitAny: tests read a field or two of several answer shapes
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}
