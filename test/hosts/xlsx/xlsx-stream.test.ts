/**
 * The streamed workbook (XlsxStreamHost + streamedXlsx, what `career-matrix build -o` writes) against the one built
 * in memory by ExcelJS (XlsxHost): the sample team built both ways, both files read back by ExcelJS, and everything
 * a user sees compared sheet by sheet.
 */
import ExcelJS from "exceljs";
import { buildWorkbook, sampleRatingsTable } from "../../../src/cli/build-workbook";
import { bundledFramework, sampleTeam } from "../../../src/data";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { loadWorkbook, plainValue } from "../../../src/hosts/xlsx/xlsx-reader";
import { XlsxStreamHost } from "../../../src/hosts/xlsx/xlsx-stream-host";
import { streamedXlsx } from "../../../src/hosts/xlsx/xlsx-stream-writer";
import { workbookToBytes } from "../../../src/hosts/xlsx/xlsx-writer";
import type { SheetSpec } from "../../../src/sheets/spec";
import { keepFramework } from "../../../src/workbook/framework-in-workbook";
import type { WorkbookHost } from "../../../src/workbook/host";

/** Objects with their keys sorted and undefined left out, so two reads compare by content. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, canonical(v)]),
  );
}

interface SheetLook {
  name: string;
  state: string;
  tabColor: unknown;
  views: unknown;
  widths: (number | undefined)[];
  heights: Record<number, number>;
  merges: string[];
  conditionalFormats: unknown;
  validations: unknown;
  cells: Record<string, unknown>;
}

/** What a user sees of a sheet: values, formulas, styles, formats, validation, widths, panes, state. */
function look(sheet: ExcelJS.Worksheet): SheetLook {
  const cells: Record<string, unknown> = {};
  const heights: Record<number, number> = {};
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    // ExcelJS reads a row's customHeight, which its type declarations leave out.
    if ((row as ExcelJS.Row & { customHeight?: boolean }).customHeight) heights[r] = row.height;
    row.eachCell({ includeEmpty: true }, (cell) => {
      const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
      const value =
        cell.type === ExcelJS.ValueType.Formula
          ? plainValue(cell.result as ExcelJS.CellValue)
          : cell.type === ExcelJS.ValueType.Merge
            ? null
            : plainValue(cell.value);
      const style = canonical(cell.style) as Record<string, unknown>;
      if (value === null && formula === undefined && Object.keys(style).length === 0) return;
      cells[cell.address] = { value, formula, style };
    });
  });
  const widths: (number | undefined)[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) widths.push(sheet.getColumn(c).width);
  const model = sheet.model as ExcelJS.WorksheetModel & { merges?: string[] };
  // A plain view (not frozen, not the selected tab) says what no view says.
  const views = (sheet.views ?? [])
    .map((view) => {
      const v = view as { state?: string; xSplit?: number; ySplit?: number; tabSelected?: boolean };
      return { state: v.state, xSplit: v.xSplit, ySplit: v.ySplit, tabSelected: v.tabSelected ?? false };
    })
    .filter((v) => v.state !== "normal" || v.tabSelected)
    .map(canonical);
  return {
    name: sheet.name,
    state: sheet.state,
    tabColor: canonical(sheet.properties.tabColor),
    views,
    widths,
    heights,
    merges: [...(model.merges ?? [])].sort(),
    // ExcelJS keeps the conditional formats it read in `conditionalFormattings`, which its types leave out.
    conditionalFormats: canonical(
      (sheet as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
    ),
    validations: canonical(
      (sheet as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
    ),
    cells,
  };
}

async function build<H extends WorkbookHost>(host: H): Promise<H> {
  const framework = bundledFramework();
  const table = sampleRatingsTable(framework, sampleTeam().people);
  await buildWorkbook(
    host,
    framework,
    framework.tracks.map((t) => t.id),
    table,
  );
  // The hidden sheet that keeps the framework, as `build --framework` writes it.
  await keepFramework(host, framework);
  return host;
}

describe("a streamed workbook", () => {
  let inMemory: ExcelJS.Workbook;
  let streamed: ExcelJS.Workbook;

  // Two builds of the sample team, every source's row and the Agreement sheet included.
  beforeAll(async () => {
    const memoryHost = await build(new XlsxHost());
    const streamHost = await build(new XlsxStreamHost());
    inMemory = await loadWorkbook(await workbookToBytes(memoryHost.workbook));
    streamed = await loadWorkbook(await streamedXlsx(streamHost.workbook));
  }, 120_000);

  it("has the same sheets, in the same order, hidden where the other's are", () => {
    const sheets = (book: ExcelJS.Workbook) => book.worksheets.map((s) => [s.name, s.state]);
    expect(sheets(streamed)).toEqual(sheets(inMemory));
    expect(sheets(streamed)).toContainEqual(["Framework in use", "hidden"]);
    expect(streamed.worksheets.length).toBeGreaterThan(15);
  });

  it("reads back cell for cell the same: values, formulas, styles, formats, validation, panes and widths", () => {
    const compared: string[] = [];
    for (const sheet of inMemory.worksheets) {
      const other = streamed.getWorksheet(sheet.name);
      expect(other).toBeDefined();
      const expected = look(sheet);
      const actual = look(other!);
      expect({ ...actual, cells: undefined }).toEqual({ ...expected, cells: undefined });
      for (const address of Object.keys(expected.cells)) {
        if (JSON.stringify(actual.cells[address]) !== JSON.stringify(expected.cells[address]))
          expect({ sheet: sheet.name, address, cell: actual.cells[address] }).toEqual({
            sheet: sheet.name,
            address,
            cell: expected.cells[address],
          });
      }
      expect(Object.keys(actual.cells)).toEqual(Object.keys(expected.cells));
      compared.push(...Object.keys(expected.cells));
    }
    expect(compared.length).toBeGreaterThan(5000);
  });

  it("has the same ownership markers and shows the same sheet when opened", () => {
    const names = (book: ExcelJS.Workbook) =>
      [...book.definedNames.model].sort((a, b) => a.name.localeCompare(b.name));
    expect(names(streamed)).toEqual(names(inMemory));
    expect(names(streamed).length).toBe(inMemory.worksheets.length);
    expect(streamed.views[0]?.activeTab).toBe(inMemory.views[0]?.activeTab);
  });
});

describe("the streamed workbook host", () => {
  const spec = (key: string, name: string, extra: Partial<SheetSpec> = {}): SheetSpec => ({
    key,
    name,
    kind: "ratings",
    cells: [["Person"], ["Ada"]],
    ...extra,
  });

  it("updates an owned sheet in place: its name stays, widths the new spec leaves unset stay", async () => {
    const host = new XlsxStreamHost();
    await host.writeSheets([spec("ratings", "Ratings", { columnWidths: [30, 12], tabColor: "#FF0000" })]);
    await host.writeSheets([
      spec("ratings", "Other name", { columnWidths: [20], cells: [["Person"], ["Bo"]] }),
    ]);
    expect(await host.ownedSheets()).toEqual([{ key: "ratings", name: "Ratings" }]);
    const [sheet] = host.workbook.sheets;
    expect(sheet.spec.columnWidths).toEqual([20, 12]);
    expect(sheet.spec.tabColor).toBe("#FF0000");
    expect((await host.readSheets(["ratings"]))[0].values).toEqual([["Person"], ["Bo"]]);
  });

  it("reads formulas as their computed values and a merge's covered cells as blank", async () => {
    const host = new XlsxStreamHost();
    await host.writeSheets([
      spec("ratings", "Ratings", {
        cells: [
          ["Title", "covered", null],
          [{ f: "=1+1", v: 2 }, { f: "=NA()" }, "x"],
        ],
        merges: ["A1:B1"],
      }),
    ]);
    expect((await host.readSheets(["ratings"]))[0].values).toEqual([["Title"], [2, null, "x"]]);
  });

  it("refuses a spec with a range that is not one, and keeps the workbook as it was", async () => {
    const host = new XlsxStreamHost();
    await host.writeSheets([spec("ratings", "Ratings")]);
    await expect(
      host.writeSheets([
        spec("other", "Other", { styles: [{ range: "not a range", style: { bold: true } }] }),
      ]),
    ).rejects.toThrow('The sheet "Other" has a range "not a range" that is not an A1 range.');
    expect(await host.ownedSheets()).toEqual([{ key: "ratings", name: "Ratings" }]);
  });
});
