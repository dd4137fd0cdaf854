import { XlsxRefused } from "../../../src/hosts/xlsx/xlsx-parts";
import { readXlsx } from "../../../src/hosts/xlsx/xlsx-reader";
import { sheetData, worksheet, xlsxPackage } from "../../cli/xlsx-files";

describe("readXlsx on workbooks as any producer writes them", () => {
  it("reads a merge's covered cells as blank, only across the cells that hold values", async () => {
    const rows = [
      ["Ratings", "stray", null],
      ["Person", "Track", "Level"],
      ["Ana", "Backend", "Senior"],
    ];
    const merges =
      '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="J10:XFD1048576"/></mergeCells>';
    const [sheet] = await readXlsx(xlsxPackage(worksheet(sheetData(rows), merges)));
    expect(sheet.name).toBe("Ratings");
    expect(sheet.values).toEqual([
      ["Ratings", null],
      ["Person", "Track", "Level"],
      ["Ana", "Backend", "Senior"],
    ]);
  });

  it("reads shared strings and refuses a package past the inflated cap, whatever it declares", async () => {
    const sheet = worksheet('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>');
    const bytes = xlsxPackage(sheet, { sharedStrings: ["Zoë O'Brien"] });
    expect((await readXlsx(bytes))[0].values).toEqual([["Zoë O'Brien"]]);
    await expect(readXlsx(bytes, { totalBytes: 500 })).rejects.toThrow(XlsxRefused);
    await expect(readXlsx(new Uint8Array([1, 2, 3]))).rejects.toThrow(XlsxRefused);
  });
});
