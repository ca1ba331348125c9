import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_CHAT_AHEAD_MS, MIN_CHAT_AT, parseChatItems } from "./ingest.ts";

const NOW = Date.UTC(2026, 11, 2, 12);
const chat = (at?: number) => ({ commentNo: 1, nickname: "n", message: "m", ...(at === undefined ? {} : { at }) });

describe("parseChatItems: `at` bounds", () => {
  it("keeps chats without `at` and chats from 2020-01-01 up to one day ahead", () => {
    const { chats, malformed } = parseChatItems(
      [chat(), chat(MIN_CHAT_AT), chat(NOW), chat(NOW + MAX_CHAT_AHEAD_MS)],
      NOW,
    );
    expect(chats).toHaveLength(4);
    expect(malformed).toBe(0);
  });

  it("counts as malformed a chat written before 2020 or more than a day ahead (9e15 included)", () => {
    const { chats, malformed } = parseChatItems(
      [chat(9e15), chat(MIN_CHAT_AT - 1), chat(NOW + MAX_CHAT_AHEAD_MS + 1), chat(0), chat(NOW)],
      NOW,
    );
    expect(chats.map((c) => c.at)).toEqual([NOW]);
    expect(malformed).toBe(4);
  });

  it("accepts exactly the integers in range, whatever the number", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.double(), fc.integer({ min: MIN_CHAT_AT - 10, max: NOW + MAX_CHAT_AHEAD_MS + 10 })),
        (at) => {
          const inRange = Number.isInteger(at) && at >= MIN_CHAT_AT && at <= NOW + MAX_CHAT_AHEAD_MS;
          const { chats, malformed } = parseChatItems([chat(at)], NOW);
          expect(chats.length).toBe(inRange ? 1 : 0);
          expect(malformed).toBe(inRange ? 0 : 1);
        },
      ),
    );
  });
});
