import ExcelJS from "exceljs";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { readXlsx } from "../../../src/hosts/xlsx/xlsx-reader";
import { workbookToBytes } from "../../../src/hosts/xlsx/xlsx-writer";
import type { SheetSpec } from "../../../src/sheets/spec";

const spec = (key: string, name: string, cells: SheetSpec["cells"]): SheetSpec => ({
  key,
  name,
  kind: "readiness-heatmap",
  cells,
});

describe("the .xlsx workbook host", () => {
  it("adds owned sheets after the user's sheets and finds them again by key", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("My notes").getCell("A1").value = "keep me";
    const host = new XlsxHost(workbook);
    await host.writeSheets([
      spec("ratings", "Ratings", [["Person"], ["Ana"]]),
      spec("heat", "Heatmap", [[1]]),
    ]);
    expect(await host.ownedSheets()).toEqual([
      { key: "ratings", name: "Ratings" },
      { key: "heat", name: "Heatmap" },
    ]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["My notes", "Ratings", "Heatmap"]);
    expect(await host.readSheets(["heat"])).toEqual([{ key: "heat", name: "Heatmap", values: [[1]] }]);
  });

  it("updates a sheet in place when re-run, keeping the name the user gave it, without duplicating it", async () => {
    const host = new XlsxHost();
    await host.writeSheets([
      spec("ratings", "Ratings", [["Person"], ["Ana"]]),
      spec("heat", "Heatmap", [[1]]),
    ]);
    host.workbook.getWorksheet("Ratings")!.name = "Team ratings";
    host.workbook.definedNames.model = host.workbook.definedNames.model.map((n) =>
      n.name === "CM_ratings" ? { ...n, ranges: ["'Team ratings'!$A$1"] } : n,
    );
    await host.writeSheets([spec("ratings", "Ratings", [["Person"], ["Ana"], ["Bo"]])]);
    const sheets = await readXlsx(await workbookToBytes(host.workbook));
    expect(sheets.map(({ name, key, values }) => ({ name, key, values }))).toEqual([
      { name: "Team ratings", key: "ratings", values: [["Person"], ["Ana"], ["Bo"]] },
      { name: "Heatmap", key: "heat", values: [[1]] },
    ]);
  });

  it("leaves the workbook as it was when a spec cannot be written", async () => {
    const host = new XlsxHost();
    await host.writeSheets([spec("heat", "Heatmap", [[1]])]);
    const broken: SheetSpec = {
      ...spec("other", "Other", [[2]]),
      styles: [{ range: "not a range", style: { bold: true } }],
    };
    await expect(host.writeSheets([spec("heat", "Heatmap", [[9]]), broken])).rejects.toThrow();
    expect(host.workbook.worksheets.map((s) => s.name)).toEqual(["Heatmap"]);
    expect(await host.readSheets(["heat", "other"])).toEqual([
      { key: "heat", name: "Heatmap", values: [[1]] },
    ]);
  });

  it("keeps a user's sheet that has the name a spec wants, and names the owned sheet apart", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Ratings").getCell("A1").value = "mine";
    const host = new XlsxHost(workbook);
    await host.writeSheets([spec("ratings", "Ratings", [["Person"]])]);
    expect(await host.ownedSheets()).toEqual([{ key: "ratings", name: "Ratings (2)" }]);
    expect(workbook.getWorksheet("Ratings")!.getCell("A1").value).toBe("mine");
  });
});
