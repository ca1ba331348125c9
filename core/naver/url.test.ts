import { describe, expect, it } from "vitest";
import { naverBroadcastId } from "./url.ts";

describe("naverBroadcastId", () => {
  it("reads the id from live and replay viewer URLs", () => {
    expect(naverBroadcastId("https://view.shoppinglive.naver.com/lives/1234567?tr=lim&fm=shoppinglive&sn=home")).toBe(
      "1234567",
    );
    expect(naverBroadcastId("https://view.shoppinglive.naver.com/replays/987654")).toBe("987654");
    expect(naverBroadcastId("https://m.view.shoppinglive.naver.com/lives/555555/")).toBe("555555");
  });

  it("refuses other hosts, other paths and non-URLs", () => {
    expect(naverBroadcastId("https://evil.example.com/lives/1234567")).toBeNull();
    expect(naverBroadcastId("https://view.shoppinglive.naver.com/lives/abc")).toBeNull();
    expect(naverBroadcastId("not a url")).toBeNull();
  });
});
