import { describe, expect, it } from "vitest";
import { hasContactHandle } from "./contact.ts";

const messengers = [
  "카톡",
  "카톡 아이디",
  "카카오톡",
  "텔레",
  "텔레그램",
  "오픈채팅",
  "오픈톡",
  "위챗",
  "Telegram",
  "라인 아이디",
  "LINE id",
];
const handles = ["cash77", "@fastjob", "winpick", "rich_money", "vip.bet", "Slim24"];
const offers = ["재택 부업 하루 10만", "급전 대출 당일", "무료 픽 공유", ""];

describe("contact handles", () => {
  it("holds every messenger name followed by a Latin ID, with any offer around it", () => {
    for (const m of messengers)
      for (const h of handles)
        for (const o of offers) {
          expect(hasContactHandle(`${o} ${m} ${h}`.trim())).toBe(true);
          expect(hasContactHandle(`${m}: ${h} ${o}`.trim())).toBe(true);
        }
  });

  it("holds an ID written before 카톡 or 텔레", () => {
    for (const h of handles) {
      expect(hasContactHandle(`${h} 카톡 주세요`)).toBe(true);
      expect(hasContactHandle(`문의 ${h} 텔레`)).toBe(true);
    }
  });

  it("leaves shopping chat with Latin words, sizes and messenger mentions alone", () => {
    const ok = [
      "카톡 채널 추가하면 쿠폰 주나요",
      "카톡 선물하기 되나요",
      "텔레비전 OLED 55인치 얼마예요",
      "black 컬러 M 사이즈 있나요",
      "last 메시지 1",
      "카톡으로 주문 문의 가능한가요",
      "size XL 카톡 알림 받았어요",
      "navy 2개 주세요",
      "오픈채팅방 있나요?",
      "허리 라인 slim 하게 나와요?",
      "ㅋㅋㅋ cute 하다",
      "ㅋㅌ 선물하기 돼요?",
      "바디라인 예뻐요 color 뭐에요",
    ];
    for (const t of ok) expect(hasContactHandle(t), t).toBe(false);
  });
});
