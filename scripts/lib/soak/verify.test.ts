import { describe, expect, it } from "vitest";
import { checkExportText } from "./verify.ts";

const line = (seq: number, commentNo: number, intent = "general") => JSON.stringify({ seq, commentNo, intent });

describe("checkExportText", () => {
  it("counts acknowledged chats moderation held as held, not lost, and their seqs as no break", () => {
    const text = [line(1, 1), line(2, 2), line(5, 5), line(6, 6)].join("\n");
    const check = checkExportText(
      "b",
      text,
      6,
      new Map([
        [3, 3],
        [4, 4],
      ]),
    );
    expect(check).toMatchObject({ chats: 4, lost: 0, held: 2, seqBreaks: 0, duplicated: 0, reordered: 0 });
  });

  it("still finds a lost chat and a seq break that no held chat explains", () => {
    const text = [line(1, 1), line(2, 2), line(5, 5), line(6, 6)].join("\n");
    const check = checkExportText("b", text, 7, new Map([[3, 3]]));
    expect(check).toMatchObject({ lost: 2, held: 1, seqBreaks: 1 });
  });

  it("finds duplicates, steps back and pending chats", () => {
    const text = [line(1, 1), line(2, 3, "pending"), line(3, 2), line(4, 2)].join("\n");
    const check = checkExportText("b", text, 3, new Map());
    expect(check).toMatchObject({ duplicated: 1, reordered: 1, pending: 1, lost: 0 });
  });
});
