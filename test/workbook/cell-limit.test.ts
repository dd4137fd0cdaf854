/**
 * A text longer than Excel's 32,767 characters is refused by every host before anything is written, naming the
 * sheet and cell: Excel would refuse it halfway through a write, and cutting it would change what the user typed.
 */
import ExcelJS from "exceljs";
import { ExcelLimitError } from "../../src/core/excel-limits";
import { XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import type { SheetSpec } from "../../src/sheets/spec";
import { officeWorkbook } from "./office-workbook";

const notes = (text: string): SheetSpec => ({
  name: "Ratings",
  kind: "ratings",
  key: "ratings",
  cells: [
    ["Person", "Notes"],
    ["Ana Lima", text],
  ],
});

describe("a cell past Excel's 32,767 characters", () => {
  it("is refused by the Office host before any request builds a sheet", async () => {
    const { book, host } = officeWorkbook();
    const before = book.snapshot().sheets.map((s) => s.name);
    const write = host.writeSheets([notes("x".repeat(32_768))]);
    await expect(write).rejects.toThrow(ExcelLimitError);
    await expect(write).rejects.toThrow(
      "Ratings!B2 would hold 32,768 characters; an Excel cell holds 32,767: shorten it (nothing was written).",
    );
    expect(book.snapshot().sheets.map((s) => s.name)).toEqual(before);
  });

  it("is written whole at exactly 32,767 by both hosts", async () => {
    const longest = "é".repeat(32_767);
    const { book, host } = officeWorkbook();
    await host.writeSheets([notes(longest)]);
    expect(book.snapshot().sheets.find((s) => s.name === "Ratings")?.values[1][1]).toBe(longest);
    const xlsx = new XlsxHost(new ExcelJS.Workbook());
    await xlsx.writeSheets([notes(longest)]);
    expect(xlsx.workbook.getWorksheet("Ratings")?.getCell("B2").value).toBe(longest);
  });
});
