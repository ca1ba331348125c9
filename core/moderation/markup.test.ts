import { describe, expect, it } from "vitest";
import { looksLikeMarkup } from "./markup.ts";

describe("markup in a chat", () => {
  it("finds script and media tags, event handlers and javascript: links", () => {
    for (const text of [
      "<script>alert(1)</script>",
      `<img src=x onerror="window.x=1">`,
      "<a href=javascript:alert(1)>쿠폰</a>",
      "<svg/onload=alert(1)>",
      "javascript:alert(document.cookie)",
    ]) {
      expect(looksLikeMarkup(text), text).toBe(true);
    }
  });

  it("leaves formatting tags, shop chat's own brackets and comparisons alone", () => {
    for (const text of [
      "<<오늘만 특가>> 언제까지에요?",
      "<b>굵게</b> 안 돼요",
      "사랑해요 <3",
      "55 < 66 사이즈 차이 많이 나요?",
      "가격 <5만원 이면 살게요",
      "시간: 8시까지",
      "on sale 이에요?",
    ]) {
      expect(looksLikeMarkup(text), text).toBe(false);
    }
  });
});
