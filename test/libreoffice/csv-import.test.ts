import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Cell } from "../../src/core/types";
import { toCsv } from "../../src/export/csv";
import { convert, describeWithLibreOffice } from "./libreoffice";

jest.setTimeout(120_000);

/** Opens a CSV as a spreadsheet user would (LibreOffice Calc, UTF-8); returns each cell's value or formula. */
async function openInCalc(csv: string, dir: string): Promise<ExcelJS.CellValue[][]> {
  const input = path.join(dir, `${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(input, csv);
  const output = convert(input, "xlsx", path.join(dir, "out"), "CSV:44,34,76,1");
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types its input as the old Node Buffer; the bytes are what it reads.
  await workbook.xlsx.load(fs.readFileSync(output) as unknown as ExcelJS.Buffer);
  const rows: ExcelJS.CellValue[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

describeWithLibreOffice("CSV exports opened in LibreOffice Calc", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-csv-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("runs a formula typed in a plain CSV, which is why exports neutralise them", async () => {
    const rows = await openInCalc("Person\n=1+1\n", dir);
    expect(rows[1][0]).toEqual({ formula: "1+1", result: 2 });
  });

  it("shows every exported cell as inert text, and names with commas, quotes, newlines and non-Latin letters intact", async () => {
    const exported: Cell[][] = [
      ["Person", "Note"],
      ["=1+1", "+SUM(1,2)"],
      ["-2+3", "@A1"],
      ["\t=1+1", '=HYPERLINK("x")'],
      ['Lima, Ana "AL"', "two\nlines"],
      ["王芳", -3],
      ["Zoë O'Brien; Jr.", 0.75],
    ];
    const rows = await openInCalc(toCsv(exported), dir);
    expect(rows).toEqual([
      ["Person", "Note"],
      ["'=1+1", "'+SUM(1,2)"],
      ["'-2+3", "'@A1"],
      ["'\t=1+1", '\'=HYPERLINK("x")'],
      ['Lima, Ana "AL"', "two\nlines"],
      ["王芳", -3],
      ["Zoë O'Brien; Jr.", 0.75],
    ]);
  });
});
