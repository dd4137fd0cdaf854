import ExcelJS from "exceljs";
import { readXlsx } from "../../../src/hosts/xlsx/xlsx-reader";
import { specsToXlsx } from "../../../src/hosts/xlsx/xlsx-writer";
import type { SheetSpec } from "../../../src/sheets/spec";

const ratings: SheetSpec = {
  name: "Ratings",
  kind: "ratings",
  key: "ratings",
  cells: [
    ["Person", "Track", "Level", "Code review"],
    ['Lima, Ana "AL"', "Backend", "Senior", 3],
    ["Петров\nИван", "Backend", "Intermediate", null, true],
    ["李雷", "Frontend", "Staff", 4],
  ],
  styles: [
    { range: "A1:D1", style: { bold: true, fill: "#1F4E79", fontColor: "#FFFFFF" } },
    { range: "D2:D4", style: { numberFormat: "0", horizontal: "center", border: "thin" } },
    { range: "A1", style: { wrap: true, vertical: "top" } },
  ],
  columnWidths: [24, 12, 14, 10],
  rowHeights: { 0: 30 },
  freeze: { rows: 1, columns: 1 },
  validations: [{ range: "D2:D4", list: ["0", "1", "2", "3", "4"], error: "Rate 0 to 4" }],
  tabColor: "#2E75B6",
};

const heatmap: SheetSpec = {
  name: "Readiness heatmap",
  kind: "readiness-heatmap",
  key: "readiness-heatmap:backend",
  cells: [
    ["Readiness", null, "Senior"],
    ["Lima, Ana", null, { f: "=Ratings!D2/4", v: 0.75 }],
    ["Petrov", null, { f: "=Ratings!D3/4" }],
  ],
  merges: ["A1:B1"],
  conditionalFormats: [
    {
      kind: "colorScale",
      range: "C2:C3",
      min: { type: "number", value: 0, color: "#F8696B" },
      mid: { type: "percentile", value: 50, color: "#FFEB84" },
      max: { type: "number", value: 1, color: "#63BE7B" },
    },
    { kind: "cellValue", range: "C2:C3", operator: "lessThanOrEqual", formula1: "0.5", fill: "#FFC7CE" },
  ],
  hidden: true,
};

async function reload(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

describe("an .xlsx written from sheet specs", () => {
  it("reads back with the same cells; formula cells read as the value the core computed", async () => {
    const sheets = await readXlsx(await specsToXlsx([ratings, heatmap]));
    expect(sheets.map(({ name, key, hidden }) => ({ name, key, hidden }))).toEqual([
      { name: "Ratings", key: "ratings", hidden: false },
      { name: "Readiness heatmap", key: "readiness-heatmap:backend", hidden: true },
    ]);
    expect(sheets[0].values).toEqual([
      ["Person", "Track", "Level", "Code review"],
      ['Lima, Ana "AL"', "Backend", "Senior", 3],
      ["Петров\nИван", "Backend", "Intermediate", null, true],
      ["李雷", "Frontend", "Staff", 4],
    ]);
    // A formula with no computed value has nothing cached: Excel (or LibreOffice) calculates it on open.
    expect(sheets[1].values).toEqual([["Readiness", null, "Senior"], ["Lima, Ana", null, 0.75], ["Petrov"]]);
  });

  it("keeps formulas, styles, sizes, frozen panes, merges, validation and tab colour", async () => {
    const workbook = await reload(await specsToXlsx([ratings, heatmap]));
    const sheet = workbook.getWorksheet("Ratings")!;
    expect(sheet.getCell("A1").font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(sheet.getCell("A1").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FF1F4E79" },
    });
    expect(sheet.getCell("A1").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(sheet.getCell("D3").numFmt).toBe("0");
    expect(sheet.getCell("D3").alignment).toMatchObject({ horizontal: "center" });
    expect(sheet.getCell("D3").border?.top).toMatchObject({ style: "thin" });
    expect(sheet.getColumn(1).width).toBe(24);
    expect(sheet.getRow(1).height).toBe(30);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(sheet.getCell("D2").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"0,1,2,3,4"'],
      error: "Rate 0 to 4",
    });
    expect(sheet.properties.tabColor).toEqual({ argb: "FF2E75B6" });

    const heat = workbook.getWorksheet("Readiness heatmap")!;
    expect(heat.getCell("C2").value).toEqual({ formula: "Ratings!D2/4", result: 0.75 });
    expect(heat.getCell("C3").formula).toBe("Ratings!D3/4");
    expect(heat.getCell("B1").isMerged).toBe(true);
    expect(heat.state).toBe("hidden");
    const formats = (heat as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    expect(formats.map((format) => format.rules[0])).toEqual([
      expect.objectContaining({
        type: "colorScale",
        cfvo: [
          { type: "num", value: 0 },
          { type: "percentile", value: 50 },
          { type: "num", value: 1 },
        ],
      }),
      expect.objectContaining({ type: "cellIs", operator: "lessThanOrEqual", formulae: ["0.5"] }),
    ]);
  });

  it("marks each sheet with a defined name the add-in recognises in Excel", async () => {
    const workbook = await reload(await specsToXlsx([ratings, heatmap]));
    expect(workbook.definedNames.model).toEqual(
      expect.arrayContaining([
        { name: "CM_ratings", ranges: ["Ratings!$A$1"] },
        { name: "CM_readiness_002Dheatmap_003Abackend", ranges: ["'Readiness heatmap'!$A$1"] },
      ]),
    );
  });

  it("opens on the sheet asked for", async () => {
    const bytes = await specsToXlsx([ratings, { ...heatmap, hidden: false }], { activate: heatmap.key });
    const workbook = await reload(bytes);
    expect(workbook.views[0].activeTab).toBe(1);
  });
});

describe("reading an .xlsx someone else wrote", () => {
  it("reads dates as ISO text, rich text as plain text, and formulas as their cached result", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Team");
    sheet.getCell("A1").value = new Date(Date.UTC(2026, 10, 25));
    sheet.getCell("B1").value = { richText: [{ text: "Ana " }, { text: "Lima", font: { bold: true } }] };
    sheet.getCell("C1").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    sheet.getCell("D1").value = { formula: "1>2", result: false } as ExcelJS.CellFormulaValue;
    const [read] = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(read).toEqual({
      name: "Team",
      key: undefined,
      hidden: false,
      values: [["2026-11-25T00:00:00.000Z", "Ana Lima", 2, false]],
    });
  });
});

describe("drop-down lists Excel cannot hold", () => {
  const withList = (list: string[]): SheetSpec => ({
    ...ratings,
    validations: [{ range: "B2:B4", list, error: "Pick a track" }],
  });

  it("are refused with the sheet and range named, like the Office host refuses them", async () => {
    await expect(specsToXlsx([withList(["Backend", "Quality, Test"])])).rejects.toThrow(
      'The drop-down list for Ratings!B2:B4 has an item with a comma ("Quality, Test")',
    );
    await expect(specsToXlsx([withList(["x".repeat(256)])])).rejects.toThrow(
      "The drop-down list for Ratings!B2:B4 is 256 characters long; Excel allows 1 to 255.",
    );
  });
});
