import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvLine, formulaRisk, jsonLine } from "./export.ts";

const base = {
  seq: 3,
  commentNo: 41088326,
  nickname: "xin",
  message: "사이즈 몇이에요?",
  intent: "question" as const,
  confidence: 0.98765,
  at: Date.UTC(2026, 10, 24, 12, 0, 0),
};

/** Formula leaders and their look-alikes a spreadsheet may evaluate. */
const LEADERS = [
  "=",
  "+",
  "-",
  "@",
  "\t",
  "\r",
  "\n",
  "\uFF1D",
  "\uFF0B",
  "\uFF0D",
  "\uFF20", // full-width ＝ ＋ － ＠
  "\uFE66",
  "\uFE62",
  "\uFE63",
  "\uFE6B", // small ﹦ ﹢ ﹣ ﹫
  "\u207C",
  "\u208C",
  "\u207A",
  "\u208A",
  "\u207B",
  "\u208B", // super/subscript = + -
  "\u2212",
  "\u2010",
  "\u2011",
  "\u2012",
  "\u2013",
  "\u2014",
  "\u2015",
  "\u00B1",
  "\u2213",
  "\u2795",
  "\u2796",
];
/** What may come before a leader and still leave it first for a spreadsheet. */
const INVISIBLE = [" ", "\u00A0", "\u3000", "\u2003", "\u200B", "\u200D", "\u2060", "\uFEFF", "\u202E"];

/** Reads one CSV cell back (RFC 4180): what a spreadsheet would see. */
function unquote(cell: string): string {
  return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

/** Splits one CSV record into cells, honouring quotes. */
function parseRecord(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") cells.push(cell), (cell = "");
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

describe("chat export", () => {
  it("writes plain CSV cells as they are", () => {
    expect(csvLine(base)).toBe("3,41088326,2026-11-24T12:00:00.000Z,xin,사이즈 몇이에요?,question,0.988\n");
  });

  it("quotes commas, quotes and newlines", () => {
    expect(csvLine({ ...base, message: 'a,"b"\nc' })).toContain(',"a,""b""\nc",');
  });

  it("defuses spreadsheet formulas in chat text", () => {
    expect(csvLine({ ...base, message: '=HYPERLINK("x")' })).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(csvLine({ ...base, nickname: "@evil" })).toContain(",'@evil,");
    expect(csvLine({ ...base, message: "＝HYPERLINK(1)" })).toContain(",'＝HYPERLINK(1),");
    expect(csvLine({ ...base, message: "\u3000＋1" })).toContain(",'\u3000＋1,");
  });

  it("writes one parseable JSON object per line", () => {
    expect(JSON.parse(jsonLine(base))).toEqual(base);
  });

  it("writes an `at` that is no valid date as its number instead of throwing (regression: at 9e15)", () => {
    expect(csvLine({ ...base, at: 9e15 })).toBe("3,41088326,9000000000000000,xin,사이즈 몇이에요?,question,0.988\n");
  });
});

/** Any UTF-16 text, lone surrogates included (fast-check's "binary" unit is slow to generate here). */
const anyText = (maxLength: number) =>
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength }).map((codes) => String.fromCharCode(...codes));

describe("formula defusing (properties)", () => {
  const leader = fc.constantFrom(...LEADERS);
  const invisible = fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 4 }).map((a) => a.join(""));

  it("puts an apostrophe before every cell a look-alike leader could start, wherever invisible characters hide it", () => {
    fc.assert(
      fc.property(invisible, leader, fc.string({ unit: "grapheme", maxLength: 30 }), (prefix, lead, rest) => {
        const text = prefix + lead + rest;
        expect(formulaRisk(text)).toBe(true);
        expect(unquote(csvCell(text))).toBe(`'${text}`);
      }),
    );
  });

  it("leaves every other cell exactly as written, and any cell reads back to its text (with at most the apostrophe)", () => {
    fc.assert(
      fc.property(anyText(40), (text) => {
        const back = unquote(csvCell(text));
        expect(back).toBe(formulaRisk(text) ? `'${text}` : text);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom("가", "힣", "a", "Z", "0", "(", "'"), fc.string({ maxLength: 30 }), (first, rest) => {
        expect(unquote(csvCell(first + rest))).toBe(first + rest);
      }),
    );
  });

  it("always writes seven cells per chat, whatever the text and the time", () => {
    const chat = fc.record({
      seq: fc.nat(),
      commentNo: fc.nat(),
      nickname: anyText(20),
      message: anyText(60),
      intent: fc.constantFrom("general" as const, "request" as const, "question" as const, "pending" as const),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
      at: fc.oneof(fc.integer({ min: 0, max: 8.64e15 }), fc.constantFrom(9e15, Number.MAX_SAFE_INTEGER, -1)),
    });
    fc.assert(
      fc.property(chat, (c) => {
        const line = csvLine(c);
        expect(line.endsWith("\n")).toBe(true);
        const cells = parseRecord(line.slice(0, -1));
        expect(cells).toHaveLength(7);
        // A risky cell gets one leading quote; a text that merely starts with a quote keeps it.
        const written = (text: string) => (formulaRisk(text) ? `'${text}` : text);
        expect(cells[3]).toBe(written(c.nickname));
        expect(cells[4]).toBe(written(c.message));
      }),
    );
  });
});
