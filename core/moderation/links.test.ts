import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { disallowedLinks, hostAllowed } from "./links.ts";
import { scanChat } from "./scan.ts";

const label = fc.stringMatching(/^[a-z][a-z0-9]{1,10}$/);
const tld = fc.constantFrom("com", "net", "kr", "co.kr", "me", "ly", "gl", "shop", "xyz", "io");
const path = fc.constantFrom("", "/abc", "/o/gX2kQ", "/3xYz9?ref=live");
const scheme = fc.constantFrom("", "http://", "https://", "https://www.");
const around = fc.constantFrom(["", ""], ["여기서 사세요 ", ""], ["", " 반값"], ["부업 ", " 클릭"]);

describe("links", () => {
  it("are found with or without a scheme, and the scan lets every one through", () => {
    fc.assert(
      fc.property(scheme, label, tld, path, around, (s, name, t, p, [before, after]) => {
        const text = `${before}${s}${name}.${t}${p}${after}`;
        expect(scanChat(text).dotted).toBe(true);
        expect(disallowedLinks(text, [])).toHaveLength(1);
      }),
    );
  });

  it("on the allow-list (or a sub-domain of it) are fine; look-alike hosts are not", () => {
    fc.assert(
      fc.property(scheme, label, path, (s, shop, p) => {
        const allow = [`${shop}.com`];
        expect(disallowedLinks(`${s}${shop}.com${p}`, allow)).toEqual([]);
        expect(disallowedLinks(`https://store.${shop}.com${p}`, allow)).toEqual([]);
        expect(disallowedLinks(`${s}${shop}-sale.com${p}`, allow)).toHaveLength(1);
        expect(disallowedLinks(`${s}${shop}.com.evil.xyz${p}`, allow)).toHaveLength(1);
      }),
    );
    expect(hostAllowed("smartstore.naver.com", ["naver.com"])).toBe(true);
    expect(hostAllowed("notnaver.com", ["naver.com"])).toBe(false);
  });

  it("are not numbers, sizes or versions", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }), (a, b) => {
        expect(disallowedLinks(`${a}.${b}kg 맞나요? 3.5cm 1.5L A/S 2.0버전`, [])).toEqual([]);
      }),
    );
  });
});
