/**
 * Excel holds at most 32,767 characters in a cell. The .xlsx writer refuses a longer text, naming the sheet and the
 * cell, instead of writing a file Excel would repair or cutting what the user typed.
 */
import ExcelJS from "exceljs";
import { EXCEL_MAX_CELL_CHARACTERS, ExcelLimitError } from "../../../src/core/excel-limits";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { readXlsx } from "../../../src/hosts/xlsx/xlsx-reader";
import { specsToXlsx } from "../../../src/hosts/xlsx/xlsx-writer";
import type { SheetSpec } from "../../../src/sheets/spec";

function ratings(text: string): SheetSpec {
  return {
    name: "Ratings",
    kind: "ratings",
    key: "ratings",
    cells: [
      ["Person", "Notes"],
      ["Zoë O'Brien", "Led the incident review"],
      ["Ana Lima", text],
    ],
  };
}

describe("the .xlsx writer and Excel's cell limit", () => {
  it("writes a text of exactly 32,767 characters whole", async () => {
    const longest = "é".repeat(EXCEL_MAX_CELL_CHARACTERS);
    const sheets = await readXlsx(await specsToXlsx([ratings(longest)]));
    expect(sheets[0].values[2][1]).toBe(longest);
  });

  it("refuses one character more, naming the sheet and the cell", async () => {
    const write = specsToXlsx([ratings("x".repeat(EXCEL_MAX_CELL_CHARACTERS + 1))]);
    await expect(write).rejects.toThrow(ExcelLimitError);
    await expect(write).rejects.toThrow(
      "Ratings!B3 would hold 32,768 characters; an Excel cell holds 32,767: shorten it (nothing was written).",
    );
  });

  it("leaves a workbook being updated as it was", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Notes").getCell("A1").value = "kept";
    const host = new XlsxHost(workbook);
    await expect(host.writeSheets([ratings("x".repeat(40_000))])).rejects.toThrow(
      "Ratings!B3 would hold 40,000 characters",
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Notes"]);
  });
});
