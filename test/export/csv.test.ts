import fc from "fast-check";
import { neutraliseFormula, parseCsv, toCsv } from "../../src/export/csv";
import type { Cell } from "../../src/core/types";

describe("writing CSV", () => {
  it("quotes fields holding the delimiter, quotes or line breaks, doubles inner quotes and ends lines with CRLF", () => {
    const csv = toCsv(
      [
        ["Person", "Note"],
        ["Lima, Ana", 'said "ready"'],
        ["Bo", "two\nlines"],
      ],
      { bom: false },
    );
    expect(csv).toBe('Person,Note\r\n"Lima, Ana","said ""ready"""\r\nBo,"two\nlines"\r\n');
  });

  it("starts with a UTF-8 byte-order mark unless asked not to, so Excel reads non-Latin names", () => {
    expect(toCsv([["Zoë"]])).toBe("\uFEFFZoë\r\n");
    expect(toCsv([["Zoë"]], { bom: false })).toBe("Zoë\r\n");
  });

  it("writes semicolon-separated files, quoting fields that contain either delimiter", () => {
    expect(toCsv([["a;b", "c,d", 0.5]], { delimiter: ";", bom: false })).toBe('"a;b";"c,d";0.5\r\n');
  });

  it("writes blanks as empty fields, booleans as TRUE/FALSE and numbers as numbers", () => {
    expect(toCsv([[null, true, false, -3, 0.25]], { bom: false })).toBe(",TRUE,FALSE,-3,0.25\r\n");
  });

  describe("formula injection", () => {
    it.each([
      ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
      ["+1+1", "'+1+1"],
      ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
      ["@SUM(A1)", "'@SUM(A1)"],
      ["\t=1", "'\t=1"],
      ["\r=1", "'\r=1"],
    ])("makes %j inert by a leading apostrophe", (text, inert) => {
      expect(neutraliseFormula(text)).toBe(inert);
    });

    it("leaves a text cell that is only a number ('-3', '+44') alone: spreadsheets read it as a number, never run it", () => {
      expect(neutraliseFormula("-3")).toBe("-3");
      expect(neutraliseFormula("+44")).toBe("+44");
      expect(neutraliseFormula("-0.5e3")).toBe("-0.5e3");
    });

    it("writes a number cell -3 as -3 and an ordinary name unchanged", () => {
      expect(toCsv([[-3, "Ana-Maria", "a=b"]], { bom: false })).toBe("-3,Ana-Maria,a=b\r\n");
    });

    it("quotes an inert cell that also needs quoting", () => {
      expect(toCsv([["=1,2"]], { bom: false })).toBe('"\'=1,2"\r\n');
    });
  });
});

describe("reading CSV", () => {
  it("drops the byte-order mark, detects semicolons and reads quoted fields with delimiters, quotes and newlines", () => {
    const read = parseCsv('\uFEFFPerson;Note;Rating\r\n"Lima; Ana";"said ""hi""";3\r\n"Bo\nBo";x;\r\n');
    expect(read.delimiter).toBe(";");
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      ["Person", "Note", "Rating"],
      ["Lima; Ana", 'said "hi"', 3],
      ["Bo\nBo", "x", null],
    ]);
  });

  it("reads canonical numbers as numbers and keeps other digit strings as typed", () => {
    expect(parseCsv("3,-0.5,007,1e3,2.\n").rows).toEqual([[3, -0.5, "007", "1e3", "2."]]);
  });

  it("reads a one-column file without complaining about the delimiter", () => {
    expect(parseCsv("Person\nAna\n")).toEqual({ rows: [["Person"], ["Ana"]], delimiter: ",", problems: [] });
  });

  it("points an unterminated quoted field at its record", () => {
    const read = parseCsv('Person,Team\nAna,"Core\nBo,Web\n', { file: "team.csv" });
    expect(read.problems).toEqual([
      expect.objectContaining({ severity: "error", sheet: "team.csv", row: 2, column: 2 }),
    ]);
    expect(read.problems[0].message).toMatch(/quote/i);
  });

  const text = fc.string({
    unit: fc.constantFrom("a", "Z", "é", "李", "ж", "😀", ",", ";", '"', "\n", "\r\n", " ", "'", "x"),
  });
  const name = text.filter(
    (s) => s.trim() !== "" && !/^[=+\-@\t\r]/.test(s) && !/^-?(0|[1-9]\d*)(\.\d+)?$/.test(s),
  );

  it.each([",", ";"] as const)(
    "round-trips names with commas, quotes, newlines and non-Latin letters (%s)",
    (delimiter) => {
      fc.assert(
        fc.property(
          fc.array(fc.array(name, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
          (rows) => {
            const square = rows.map((row) => [...row, 1]);
            const read = parseCsv(toCsv(square, { delimiter }));
            expect(read.problems).toEqual([]);
            expect(read.rows).toEqual(square);
          },
        ),
      );
    },
  );

  it("round-trips numbers and blanks", () => {
    const rows: Cell[][] = [
      ["Ana", 0, 4, null, 2.5, -1],
      ["Bo", null, null, 3, null, null],
    ];
    expect(parseCsv(toCsv(rows)).rows).toEqual(
      [
        ["Ana", 0, 4, null, 2.5, -1],
        ["Bo", null, null, 3],
      ].map((row) => [...row, ...Array(6 - row.length).fill(null)]),
    );
  });
});
