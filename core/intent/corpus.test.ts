import { describe, expect, it } from "vitest";
import { parse3i4k, parseLabelledTsv, parseParaKqc, parseSae4k } from "./corpus.ts";

describe("corpus parsers", () => {
  it("reads LiveQ's label<TAB>text with a header, keeping tabs inside the text", () => {
    const chats = parseLabelledTsv("label\ttext\nquestion\t사이즈 몇이에요\nrequest\t보여\t주세요\n\n");
    expect(chats).toEqual([
      { intent: "question", text: "사이즈 몇이에요" },
      { intent: "request", text: "보여\t주세요" },
    ]);
    expect(() => parseLabelledTsv("label\ttext\nasking\t뭐")).toThrow(/line 2/);
  });

  it("maps 3i4K, sae4K and ParaKQC labels onto the three intents", () => {
    expect(parse3i4k("0\t짐을\n2\t몇 시야\n3\t불 꺼\n4\t그게 말이 돼\n").map((c) => c.intent)).toEqual([
      "general",
      "question",
      "request",
      "general",
    ]);
    expect(parseSae4k("불 좀 꺼줘\t불 끄기\t4\n날씨 어때\t날씨\t2\n").map((c) => [c.intent, c.text])).toEqual([
      ["request", "불 좀 꺼줘"],
      ["question", "날씨 어때"],
    ]);
    const para = parseParaKqc(Array.from({ length: 12 }, (_, i) => `0\t${i < 10 ? 1 : 3}\t문장${i}`).join("\n"));
    expect(para.map((c) => c.group)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(para[11]!.intent).toBe("request");
  });
});
