/**
 * The memory workbook calculates as Excel does: what Range.values shows for formula cells after each write, through
 * the same Excel API the add-in uses.
 */
import type { Cell } from "../../../src/core/types";
import { MemoryWorkbook } from "../../../src/hosts/memory";

async function write(
  book: MemoryWorkbook,
  sheet: string,
  address: string,
  formulas: Cell[][],
): Promise<void> {
  await book.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).formulas = formulas;
    await context.sync();
  });
}

async function read(
  book: MemoryWorkbook,
  sheet: string,
  address: string,
): Promise<{ values: Cell[][]; formulas: Cell[][] }> {
  return book.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address);
    range.load(["values", "formulas"]);
    await context.sync();
    return { values: range.values, formulas: range.formulas };
  });
}

async function shown(book: MemoryWorkbook, formula: string, sheet = "Sheet1"): Promise<Cell> {
  await write(book, sheet, "Z1", [[formula]]);
  return (await read(book, sheet, "Z1")).values[0][0];
}

describe("the memory workbook recalculates", () => {
  it("shows a formula's value in Range.values and the formula in Range.formulas, after every write", async () => {
    const book = new MemoryWorkbook();
    await write(book, "Sheet1", "A1:C1", [[2, 3, "=A1*B1"]]);
    expect(await read(book, "Sheet1", "C1")).toEqual({ values: [[6]], formulas: [["=A1*B1"]] });
    await write(book, "Sheet1", "A1", [[10]]);
    expect((await read(book, "Sheet1", "C1")).values).toEqual([[30]]);
  });

  it("sees a value written earlier in the same batch, as Excel does at sync", async () => {
    const book = new MemoryWorkbook();
    await write(book, "Sheet1", "B1", [["=A1+1"]]);
    const values = await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const before = sheet.getRange("B1").load("values");
      sheet.getRange("A1").values = [[41]];
      const after = sheet.getRange("B1").load("values");
      await context.sync();
      return [before.values[0][0], after.values[0][0]];
    });
    expect(values).toEqual([1, 42]);
  });

  it("follows chains of formulas in dependency order, whatever order the cells are in", async () => {
    const book = new MemoryWorkbook();
    await write(book, "Sheet1", "A1:A4", [["=A2*2"], ["=A3+A4"], [1], [2]]);
    expect((await read(book, "Sheet1", "A1:A2")).values).toEqual([[6], [3]]);
    await write(book, "Sheet1", "A4", [[7]]);
    expect((await read(book, "Sheet1", "A1")).values).toEqual([[16]]);
  });

  it("reads other sheets, quoted names included, and follows a rename", async () => {
    const book = new MemoryWorkbook(["Sheet1", "Team's ratings"]);
    await write(book, "Team's ratings", "A1:A2", [[3], [4]]);
    await write(book, "Sheet1", "A1", [["='Team''s ratings'!A1+'Team''s ratings'!A2"]]);
    expect((await read(book, "Sheet1", "A1")).values).toEqual([[7]]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Team's ratings").name = "Ratings";
      await context.sync();
    });
    expect(await read(book, "Sheet1", "A1")).toEqual({
      values: [[7]],
      formulas: [["=Ratings!A1+Ratings!A2"]],
    });
  });

  it("shows #REF! once a referenced sheet is deleted", async () => {
    const book = new MemoryWorkbook(["Sheet1", "Gone"]);
    await write(book, "Gone", "A1", [[1]]);
    await write(book, "Sheet1", "A1", [["=Gone!A1+1"]]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Gone").delete();
      await context.sync();
    });
    expect((await read(book, "Sheet1", "A1")).values).toEqual([["#REF!"]]);
  });

  it("reads whole columns and rows as far as the workbook has cells", async () => {
    const book = new MemoryWorkbook();
    await write(book, "Sheet1", "A1:B4", [
      ["Ana", 1],
      ["Ben", 2],
      ["Cy", 3],
      ["Dee", null],
    ]);
    expect(await shown(book, '=MATCH("Cy",A:A,0)')).toBe(3);
    expect(await shown(book, "=SUM(B:B)")).toBe(6);
    expect(await shown(book, "=COUNTA(2:2)")).toBe(2);
    expect(await shown(book, "=INDEX(A:B,2,0)")).toBe("Ben");
    expect(await shown(book, '=SUMPRODUCT(INDEX(A:B,0,2)*(A:A<>"Ben"))')).toBe(4);
  });

  it("moves each relative part of a formula filled down and across, and keeps the parts with $", async () => {
    const book = new MemoryWorkbook();
    await write(book, "Sheet1", "A1:C3", [
      [1, 10, 100],
      [2, "=$A2*B$1+A1", "=$A2*C$1+B1"],
      [3, "=$A3*B$1+A2", "=$A3*C$1+B2"],
    ]);
    expect((await read(book, "Sheet1", "B2:C3")).values).toEqual([
      [21, 210],
      [32, 300 + 21],
    ]);
    await write(book, "Sheet1", "A3", [[4]]);
    expect((await read(book, "Sheet1", "B3:C3")).values).toEqual([[42, 400 + 21]]);
  });

  it("shows errors as Excel shows them", async () => {
    const book = new MemoryWorkbook();
    await write(book, "Sheet1", "A1:B1", [["text", 0]]);
    expect(await shown(book, "=1/B1")).toBe("#DIV/0!");
    expect(await shown(book, "=A1+1")).toBe("#VALUE!");
    expect(await shown(book, '=MATCH("nobody",A1:A3,0)')).toBe("#N/A");
    expect(await shown(book, "=NOSUCHFUNCTION(1)")).toBe("#NAME?");
    expect(await shown(book, "=nosuchname+1")).toBe("#NAME?");
    expect(await shown(book, "=INDEX(A1:B1,1,3)")).toBe("#REF!");
    expect(await shown(book, "=(1/B1)+NA()")).toBe("#DIV/0!");
    expect(await shown(book, '=IFERROR(1/B1,"none")')).toBe("none");
    expect(await shown(book, "=IFNA(1/B1,0)")).toBe("#DIV/0!");
  });

  it("repeats text as REPT does in Excel: a fractional count cut, a negative one refused", async () => {
    const book = new MemoryWorkbook();
    expect(await shown(book, '=REPT("ab",2.9)')).toBe("abab");
    expect(await shown(book, '=REPT("ab",0)')).toBe("");
    expect(await shown(book, '=REPT("ab",-1)')).toBe("#VALUE!");
    expect(await shown(book, '=REPT("abc",20000)')).toBe("#VALUE!");
    expect(await shown(book, '=REPT("ab",1/0)')).toBe("#DIV/0!");
  });

  it("gives a circular reference #REF! instead of looping", async () => {
    const book = new MemoryWorkbook();
    await write(book, "Sheet1", "A1:C1", [["=B1+1", "=C1+1", "=A1+1"]]);
    expect((await read(book, "Sheet1", "A1:C1")).values).toEqual([["#REF!", "#REF!", "#REF!"]]);
    await write(book, "Sheet1", "C1", [[5]]);
    expect((await read(book, "Sheet1", "A1:C1")).values).toEqual([[7, 6, 5]]);
  });

  it("shows a blank as 0 and keeps the empty text a formula gives", async () => {
    const book = new MemoryWorkbook();
    expect(await shown(book, "=A1")).toBe(0);
    expect(await shown(book, '=IF(A1="","","x")')).toBe("");
    expect(await shown(book, '=A1&""')).toBe("");
  });

  it("copies values as shown", async () => {
    const book = new MemoryWorkbook();
    await write(book, "Sheet1", "A1:B1", [[4, "=A1^2"]]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C1").copyFrom("B1", "Values");
      await context.sync();
    });
    expect(await read(book, "Sheet1", "C1")).toEqual({ values: [[16]], formulas: [[16]] });
  });
});

describe("the memory workbook's functions", () => {
  let book: MemoryWorkbook;

  beforeAll(async () => {
    book = new MemoryWorkbook();
    // A small Readiness-like sheet: person, team, status, readiness, a rating typed as text.
    await write(book, "Sheet1", "A1:E6", [
      ["Person", "Team", "Status", "Readiness", "Rating"],
      ["Ana", "Core", "Ready", 0.95, 3],
      ["J. Smith", "core", "Almost", 0.75, "'3"],
      ["JX Smith", "Apps", "Not yet", 0.4, 2],
      ["Cy", "Apps", "Ready", 0.9, null],
      ["Dee", "Apps", "Insufficient data", null, 4],
    ]);
  });

  it.each([
    ['=COUNTIFS(B2:B6,"core",C2:C6,"Ready")', 1],
    ['=COUNTIFS(B2:B6,"Apps",D2:D6,">=0.9")', 1],
    ['=COUNTIF(C2:C6,"READY")', 2],
    ['=COUNTIF(D2:D6,"")', 1],
    ['=COUNTIF(C2:C6,"<>Ready")', 3],
    ['=COUNTIF(A2:A6,"J*")', 2],
    ['=COUNTIF(A2:A6,"J. *")', 1],
    ['=SUMIFS(D2:D6,B2:B6,"apps")', 1.3],
    ['=AVERAGEIFS(D2:D6,B2:B6,"Apps",D2:D6,"<>")', 0.65],
    ['=AVERAGEIF(B2:B6,"Core",D2:D6)', 0.85],
    ['=SUMIF(B2:B6,"Core",D2:D6)', 1.7],
    ['=SUMPRODUCT((B2:B6="Apps")*(D2:D6>0.5))', 1],
    ["=SUMPRODUCT(E2:E6,{1;1;1;1;1})", 9],
    ['=MATCH("J. Smith",A:A,0)', 3],
    ['=MATCH("jx smith",A2:A6,0)', 3],
    ["=MATCH(3,E2:E6,0)", 1],
    ["=MATCH(0.8,{0.4,0.75,0.9},1)", 2],
    ['=INDEX(C2:C6,MATCH("Cy",A2:A6,0))', "Ready"],
    ["=INDEX(A1:E6,3,1)", "J. Smith"],
    ["=SUM(INDEX(D2:E6,0,1))", 3],
    ['=IFERROR(INDEX(C2:C6,MATCH("Zed",A2:A6,0)),"not found")', "not found"],
    ['=IF(D5>=0.9,"Ready","Not yet")', "Ready"],
    ['=IF(AND(D2>0.9,OR(B2="Apps",B2="Core")),"yes","no")', "yes"],
    ["=AND(E2:E4>0)", true],
    ["=AND(E2:E6>0)", false],
    ["=OR(D2:D6>1)", false],
    ["=ISNUMBER(E3)", false],
    ["=SUMPRODUCT(ISNUMBER(E2:E6)*1)", 3],
    ["=SUMPRODUCT(E2:E6)", 9],
    ["=COUNT(E2:E6)", 3],
    ["=COUNTA(E2:E6)", 4],
    ["=COUNTBLANK(E2:E6)", 1],
    ['=REPT("█",ROUND(D3*10,0))', "████████"],
    ['=TEXT(D3,"0%")', "75%"],
    ["=ROUND(2/3,2)", 0.67],
    ["=LEN(A3)", 8],
    ['=A3&" ("&TEXT(D3,"0.0")&")"', "J. Smith (0.8)"],
    ["=AVERAGE(D2:D6)", 0.75],
    ["=MAX(D2:D6)-MIN(D2:D6)", 0.55],
    ['=IFS(D4>=0.9,"Ready",D4>=0.7,"Almost",TRUE,"Not yet")', "Not yet"],
    ["=UPPER(LEFT(B3,1))&MID(B3,2,10)", "Core"],
    ["=-2^2", 4],
    ["=50%*D2", 0.475],
    ['="1"+1', 2],
    ["=TRUE+TRUE", 2],
    ['="a"<"B"', true],
    ['=1<"1"', true],
  ])("%s is %p", async (formula, expected) => {
    const value = await shown(book, formula);
    if (typeof expected === "number") expect(value).toBeCloseTo(expected, 12);
    else expect(value).toBe(expected);
  });
});
