/**
 * Node's built-in WebSocket (undici) accepts `{headers}` as its second argument, which the DOM
 * typings this project compiles against do not declare. Node clients authenticate socket
 * upgrades with `Authorization: Bearer`, never with a token in the URL.
 */
type NodeWebSocketInit = { headers?: Record<string, string> };
const NodeWebSocket = WebSocket as unknown as new (url: string | URL, init?: NodeWebSocketInit) => WebSocket;

/** Opens a WebSocket with `Authorization: Bearer <token>` on the upgrade (no header without a token). */
export function authedWebSocket(url: string | URL, token: string | undefined): WebSocket {
  return new NodeWebSocket(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
}
