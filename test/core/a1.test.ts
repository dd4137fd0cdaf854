import { cellRef, columnIndex, columnLetter, parseA1, parseRange, rangeRef } from "../../src/core/a1";

describe("A1 references", () => {
  it("names columns the way Excel does, past Z and past ZZ", () => {
    expect([0, 5, 25, 26, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual([
      "A",
      "F",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });

  it("turns column letters back into the same index, in any case", () => {
    for (let i = 0; i < 2000; i++) expect(columnIndex(columnLetter(i))).toBe(i);
    expect(columnIndex("xfd")).toBe(16383);
    expect(columnIndex("A1")).toBeUndefined();
    expect(columnIndex("")).toBeUndefined();
  });

  it("refuses indexes that are not columns or rows", () => {
    expect(() => columnLetter(-1)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(() => cellRef(0, 0)).toThrow(RangeError);
  });

  it("writes a cell as column letters and 1-based row", () => {
    expect(cellRef(12, 5)).toBe("F12");
    expect(cellRef(1, 0)).toBe("A1");
    expect(rangeRef(1, 0, 3, 5)).toBe("A1:F3");
    expect(rangeRef(4, 2, 4, 2)).toBe("C4");
  });

  it("reads plain, absolute and sheet-qualified cell references", () => {
    expect(parseA1("F12")).toEqual({ row: 12, column: 5 });
    expect(parseA1("$AA$3")).toEqual({ row: 3, column: 26 });
    expect(parseA1("Ratings!b2")).toEqual({ row: 2, column: 1 });
    expect(parseA1("'My sheet'!C7")).toEqual({ row: 7, column: 2 });
    expect(parseA1("F0")).toBeUndefined();
    expect(parseA1("12F")).toBeUndefined();
    expect(parseA1("")).toBeUndefined();
  });

  it("reads ranges with their corners in any order", () => {
    expect(parseRange("A1:F3")).toEqual({ start: { row: 1, column: 0 }, end: { row: 3, column: 5 } });
    expect(parseRange("F3:A1")).toEqual({ start: { row: 1, column: 0 }, end: { row: 3, column: 5 } });
    expect(parseRange("Sheet1!C4")).toEqual({ start: { row: 4, column: 2 }, end: { row: 4, column: 2 } });
    expect(parseRange("A1:B2:C3")).toBeUndefined();
    expect(parseRange("A1:x")).toBeUndefined();
  });
});
