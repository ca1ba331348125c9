import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { viewerAddressKey } from "./viewer-address.ts";

describe("viewerAddressKey", () => {
  it("keeps an IPv4 address as it is", () => {
    expect(viewerAddressKey("203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts every address of one IPv6 /64 as one, however it is written", () => {
    const same = [
      "2001:db8:1:2::1",
      "2001:0db8:0001:0002:ffff:ffff:ffff:ffff",
      "2001:DB8:1:2:0:0:0:abc",
      "[2001:db8:1:2::9]",
      "2001:db8:1:2::1%eth0",
    ];
    expect(new Set(same.map(viewerAddressKey))).toEqual(new Set(["2001:db8:1:2::/64"]));
    expect(viewerAddressKey("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(viewerAddressKey("::1")).toBe("0:0:0:0::/64");
    expect(viewerAddressKey("fe80::1:2:3:4")).toBe("fe80:0:0:0::/64");
  });

  it("counts an IPv4-mapped IPv6 address as the IPv4 address", () => {
    expect(viewerAddressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(viewerAddressKey("::ffff:cb00:7107")).toBe("203.0.113.7");
  });

  it("keeps what it cannot parse as its own (bounded) key", () => {
    expect(viewerAddressKey("1:2:3")).toBe("1:2:3");
    expect(viewerAddressKey("x".repeat(500))).toHaveLength(100);
    expect(viewerAddressKey("unknown")).toBe("unknown");
  });

  it("gives any two addresses with the same first 64 bits the same key, and different prefixes different keys", () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    const groups = (n: number) => fc.array(group, { minLength: n, maxLength: n });
    fc.assert(
      fc.property(groups(4), groups(4), groups(4), groups(4), (prefix, a, b, other) => {
        const text = (gs: number[]) => gs.map((g) => g.toString(16)).join(":");
        const key = viewerAddressKey(text([...prefix, ...a]));
        expect(viewerAddressKey(text([...prefix, ...b]))).toBe(key);
        const mapped = prefix.slice(0, 4).every((g) => g === 0);
        if (!mapped && text(other) !== text(prefix)) expect(viewerAddressKey(text([...other, ...a]))).not.toBe(key);
      }),
    );
  });
});
