import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEventArg, encodeEventFrame, parseEngineFrame } from "./frames.ts";

const jsonValue = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const namespace = fc.stringMatching(/^\/[a-z0-9_-]{1,12}$/);

describe("parseEngineFrame", () => {
  it("reads the transport frames Naver's page receives", () => {
    expect(parseEngineFrame('0{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":60000}')).toEqual({
      kind: "open",
      data: { sid: "abc", upgrades: [], pingInterval: 25000, pingTimeout: 60000 },
    });
    expect(parseEngineFrame("40")).toEqual({ kind: "connect", namespace: "/" });
    expect(parseEngineFrame("40/chat")).toEqual({ kind: "connect", namespace: "/chat" });
    expect(parseEngineFrame("2")).toEqual({ kind: "ping", probe: false });
    expect(parseEngineFrame("3")).toEqual({ kind: "pong", probe: false });
    expect(parseEngineFrame("2probe")).toEqual({ kind: "ping", probe: true });
    expect(parseEngineFrame("3probe")).toEqual({ kind: "pong", probe: true });
    expect(parseEngineFrame("5")).toEqual({ kind: "upgrade" });
    expect(parseEngineFrame("6")).toEqual({ kind: "noop" });
    expect(parseEngineFrame("1")).toEqual({ kind: "close" });
  });

  it("reads events with ack ids and namespaces, and the double-JSON payload", () => {
    const payload = JSON.stringify({ list: [{ commentNo: 41088326, message: "사이즈 몇이에요?" }], next: 41088326 });
    const plain = parseEngineFrame(`42${JSON.stringify(["broadcast_chat", payload])}`);
    expect(plain).toMatchObject({ kind: "event", namespace: "/", ackId: null, event: "broadcast_chat" });
    if (plain.kind !== "event") throw new Error("not an event");
    expect(decodeEventArg(plain.args[0])).toEqual(JSON.parse(payload));
    expect(parseEngineFrame('421["broadcast","{}"]')).toMatchObject({ kind: "event", ackId: 1, event: "broadcast" });
    expect(parseEngineFrame('42/live,7["x",1]')).toEqual({
      kind: "event",
      namespace: "/live",
      ackId: 7,
      event: "x",
      args: [1],
    });
    expect(parseEngineFrame("431[true]")).toEqual({ kind: "ack", namespace: "/", ackId: 1, args: [true] });
  });

  it("calls broken frames malformed instead of throwing", () => {
    for (const bad of ["", "9", "42", "42[", '42{"a":1}', "42[1,2]", "42[]", "47x", "431{}"]) {
      expect(parseEngineFrame(bad).kind).toBe("malformed");
    }
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(typeof parseEngineFrame(s).kind).toBe("string");
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips any event the encoder writes", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.array(jsonValue, { maxLength: 4 }),
        fc.option(namespace, { nil: undefined }),
        fc.option(fc.nat(), { nil: undefined }),
        (event, args, ns, ackId) => {
          const frame = parseEngineFrame(
            encodeEventFrame(event, args, {
              ...(ns ? { namespace: ns } : {}),
              ...(ackId !== undefined ? { ackId } : {}),
            }),
          );
          expect(frame).toEqual({ kind: "event", namespace: ns ?? "/", ackId: ackId ?? null, event, args });
        },
      ),
    );
  });

  it("decodes string payloads that hold JSON, and leaves other arguments alone", () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        expect(decodeEventArg(JSON.stringify(value))).toEqual(value);
      }),
    );
    expect(decodeEventArg({ a: 1 })).toEqual({ a: 1 });
    expect(decodeEventArg("not json")).toBeUndefined();
  });
});
