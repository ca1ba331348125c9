import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import type { Duplex } from "node:stream";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
const OP = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;
/** Client frames larger than this close the socket (the fixture only expects tiny pings). */
const MAX_CLIENT_FRAME = 1 << 20;

/**
 * The server side of one RFC 6455 WebSocket, just what the fixture needs: text frames out,
 * masked text/ping/close frames in. No extensions (no permessage-deflate is negotiated).
 */
export class ServerWebSocket {
  private buffer: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private closed = false;
  onMessage: (text: string) => void = () => {};
  onClose: () => void = () => {};

  private readonly socket: Duplex;

  constructor(socket: Duplex) {
    this.socket = socket;
    // Chat frames are small and latency matters more than packet count.
    if (socket instanceof Socket) socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    socket.on("close", () => this.finish());
    socket.on("error", () => this.finish());
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  send(text: string): void {
    if (!this.closed) this.socket.write(encodeFrame(OP.text, Buffer.from(text, "utf8")));
  }

  close(code = 1000): void {
    if (this.closed) return;
    const body = Buffer.alloc(2);
    body.writeUInt16BE(code);
    this.socket.end(encodeFrame(OP.close, body));
    this.finish();
  }

  /** Drops the TCP connection without a close frame, like a network failure. */
  destroy(): void {
    this.socket.destroy();
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const frame = decodeFrame(this.buffer);
      if (frame === "incomplete") return;
      if (frame === "too-large") return this.close(1009);
      this.buffer = this.buffer.subarray(frame.length);
      this.handle(frame.fin, frame.opcode, frame.payload);
    }
  }

  private handle(fin: boolean, opcode: number, payload: Buffer): void {
    if (opcode === OP.ping) return void this.socket.write(encodeFrame(OP.pong, payload));
    if (opcode === OP.close) return this.close();
    if (opcode !== OP.text && opcode !== OP.continuation && opcode !== OP.binary) return;
    this.fragments.push(payload);
    if (!fin) return;
    const text = Buffer.concat(this.fragments).toString("utf8");
    this.fragments = [];
    this.onMessage(text);
  }
}

/** Answers the HTTP upgrade; null (and a 400) when it is not a valid WebSocket handshake. */
export function acceptUpgrade(req: IncomingMessage, socket: Duplex): ServerWebSocket | null {
  const key = req.headers["sec-websocket-key"];
  if (typeof key !== "string" || req.headers.upgrade?.toLowerCase() !== "websocket") {
    socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
    return null;
  }
  const accept = createHash("sha1")
    .update(key + GUID)
    .digest("base64");
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  return new ServerWebSocket(socket);
}

/** An unmasked server frame. */
export function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const header = Buffer.alloc(headerLength);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = length;
  else if (length < 65536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

type Decoded = { fin: boolean; opcode: number; payload: Buffer; length: number } | "incomplete" | "too-large";

/** One (possibly masked) frame from the front of `buf`. */
export function decodeFrame(buf: Buffer): Decoded {
  if (buf.length < 2) return "incomplete";
  const fin = (buf[0]! & 0x80) !== 0;
  const opcode = buf[0]! & 0x0f;
  const masked = (buf[1]! & 0x80) !== 0;
  let length = buf[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buf.length < 4) return "incomplete";
    length = buf.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buf.length < 10) return "incomplete";
    const big = buf.readBigUInt64BE(2);
    if (big > BigInt(MAX_CLIENT_FRAME)) return "too-large";
    length = Number(big);
    offset = 10;
  }
  if (length > MAX_CLIENT_FRAME) return "too-large";
  const maskLength = masked ? 4 : 0;
  if (buf.length < offset + maskLength + length) return "incomplete";
  const payload = Buffer.from(buf.subarray(offset + maskLength, offset + maskLength + length));
  if (masked) {
    const mask = buf.subarray(offset, offset + 4);
    for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i & 3]!;
  }
  return { fin, opcode, payload, length: offset + maskLength + length };
}
