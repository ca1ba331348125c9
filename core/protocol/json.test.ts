import { describe, expect, it } from "vitest";
import { parseJsonText } from "./json.ts";

describe("parseJsonText", () => {
  it("parses JSON text and refuses everything else without throwing", () => {
    expect(parseJsonText('{"type":"ping"}')).toEqual({ type: "ping" });
    expect(parseJsonText("not json")).toBeUndefined();
    expect(parseJsonText(new ArrayBuffer(4))).toBeUndefined();
    expect(parseJsonText(undefined)).toBeUndefined();
  });
});
