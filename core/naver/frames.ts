/**
 * Engine.IO v3 / Socket.IO v2 frames as a WebSocket carries them (one packet per frame).
 * Engine.IO digit: 0 open, 1 close, 2 ping, 3 pong, 4 message, 5 upgrade, 6 noop. Inside a
 * message, the Socket.IO digit: 0 connect, 1 disconnect, 2 event, 3 ack, 4 error, 5/6 binary.
 * Then an optional namespace (`/ns,`), an optional ack id (digits) and JSON data.
 */
export type EngineFrame =
  | { kind: "open"; data: unknown }
  | { kind: "close" | "upgrade" | "noop" }
  | { kind: "ping" | "pong"; probe: boolean }
  | { kind: "connect" | "disconnect"; namespace: string }
  | { kind: "event"; namespace: string; ackId: number | null; event: string; args: unknown[] }
  | { kind: "ack"; namespace: string; ackId: number | null; args: unknown[] }
  | { kind: "error"; namespace: string; data: unknown }
  | { kind: "malformed"; reason: string };

const DEFAULT_NAMESPACE = "/";

/** Parses one frame's text. Never throws: anything unexpected is `{kind:"malformed"}`. */
export function parseEngineFrame(payload: string): EngineFrame {
  const type = payload.charAt(0);
  const rest = payload.slice(1);
  switch (type) {
    case "0":
      return { kind: "open", data: tryJson(rest) ?? null };
    case "1":
      return { kind: "close" };
    case "2":
      return { kind: "ping", probe: rest === "probe" };
    case "3":
      return { kind: "pong", probe: rest === "probe" };
    case "4":
      return parseSocketPacket(rest);
    case "5":
      return { kind: "upgrade" };
    case "6":
      return { kind: "noop" };
    default:
      return {
        kind: "malformed",
        reason: type === "" ? "empty frame" : `unknown engine.io type ${JSON.stringify(type)}`,
      };
  }
}

function parseSocketPacket(packet: string): EngineFrame {
  const type = packet.charAt(0);
  let rest = packet.slice(1);
  let namespace = DEFAULT_NAMESPACE;
  if (rest.startsWith("/")) {
    const comma = rest.indexOf(",");
    namespace = comma === -1 ? rest : rest.slice(0, comma);
    rest = comma === -1 ? "" : rest.slice(comma + 1);
  }
  const ackMatch = /^\d+/.exec(rest);
  // Ack ids beyond safe integers are not ack ids anyone sends: treat the frame as malformed.
  const ackId = ackMatch ? Number(ackMatch[0]) : null;
  if (ackId !== null && !Number.isSafeInteger(ackId)) return { kind: "malformed", reason: "ack id too large" };
  const body = ackMatch ? rest.slice(ackMatch[0].length) : rest;
  switch (type) {
    case "0":
      return { kind: "connect", namespace };
    case "1":
      return { kind: "disconnect", namespace };
    case "2":
    case "5":
      return parseEvent(namespace, ackId, body);
    case "3":
    case "6": {
      const args = tryJson(body);
      return Array.isArray(args)
        ? { kind: "ack", namespace, ackId, args }
        : { kind: "malformed", reason: "ack data is not an array" };
    }
    case "4":
      return { kind: "error", namespace, data: tryJson(body) ?? body };
    default:
      return { kind: "malformed", reason: `unknown socket.io type ${JSON.stringify(type)}` };
  }
}

function parseEvent(namespace: string, ackId: number | null, body: string): EngineFrame {
  const data = tryJson(body);
  if (!Array.isArray(data) || data.length === 0)
    return { kind: "malformed", reason: "event data is not a non-empty array" };
  const [event, ...args] = data as unknown[];
  if (typeof event !== "string") return { kind: "malformed", reason: "event name is not a string" };
  return { kind: "event", namespace, ackId, event, args };
}

/**
 * Naver sends event payloads as JSON text inside the JSON array ("double JSON"): a string
 * argument is parsed once more; anything else is returned as it is. `undefined` when the
 * string is not JSON.
 */
export function decodeEventArg(arg: unknown): unknown {
  return typeof arg === "string" ? tryJson(arg) : arg;
}

/** Encodes a Socket.IO v2 event frame (what a server sends): `42[/ns,][ackId][event,...args]`. */
export function encodeEventFrame(
  event: string,
  args: readonly unknown[],
  options: { namespace?: string; ackId?: number } = {},
): string {
  const ns = options.namespace && options.namespace !== DEFAULT_NAMESPACE ? `${options.namespace},` : "";
  return `42${ns}${options.ackId ?? ""}${JSON.stringify([event, ...args])}`;
}

function tryJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
