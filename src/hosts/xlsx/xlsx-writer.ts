/**
 * Writes sheet specs to an .xlsx file with ExcelJS: the same sheets, formulas, styles, tables, colour scales,
 * validations and ownership markers the Office host puts into Excel.
 */
import ExcelJS from "exceljs";
import { parseRange } from "../../core/a1";
import { checkCellTexts } from "../../core/excel-limits";
import type { CellStyle, ListValidation, SheetSpec, SpecCell } from "../../sheets/spec";
import { ownerName, sheetA1 } from "../../workbook/owner-name";
import { toConditionalFormatting, toExcelStyle } from "./xlsx-style";

export interface XlsxWriteOptions {
  /** Key of the sheet shown when the file opens. */
  activate?: string;
}

export async function specsToXlsx(specs: SheetSpec[], options: XlsxWriteOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  addSpecs(workbook, specs);
  const active =
    options.activate === undefined ? -1 : specs.findIndex((spec) => spec.key === options.activate);
  if (active >= 0) setActiveSheet(workbook, active);
  return workbookToBytes(workbook);
}

export async function workbookToBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Shows the sheet at `index` (0-based, in tab order) when the file opens. */
export function setActiveSheet(workbook: ExcelJS.Workbook, index: number): void {
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: "visible", activeTab: index },
  ];
  workbook.worksheets.forEach((sheet, i) => {
    // A sheet read from a file without a view of its own has none (null), not an empty list.
    const views = (sheet.views as Partial<ExcelJS.WorksheetView>[] | null) ?? [];
    sheet.views = (views.length > 0 ? views : [{}]).map((view) => ({
      ...view,
      tabSelected: i === index,
    }));
  });
}

export function addSpecs(workbook: ExcelJS.Workbook, specs: SheetSpec[]): void {
  for (const spec of specs) checkCellTexts(spec.name, spec.cells);
  for (const spec of specs) {
    const sheet = workbook.addWorksheet(spec.name);
    writeSpec(sheet, spec);
    workbook.definedNames.add(sheetA1(sheet.name), ownerName(spec.key));
  }
}

/** ExcelJS wants a formula without "=" and its cached result, which stays absent when the spec has none. */
export function toExcelValue(cell: SpecCell | undefined): ExcelJS.CellValue {
  if (cell === undefined || cell === null) return null;
  if (typeof cell !== "object") return cell;
  const formula = cell.f.startsWith("=") ? cell.f.slice(1) : cell.f;
  return cell.v === undefined || cell.v === null
    ? ({ formula } as ExcelJS.CellFormulaValue)
    : ({ formula, result: cell.v } as ExcelJS.CellFormulaValue);
}

/** Throws ExcelLimitError, before writing anything of the spec, for a text longer than an Excel cell holds. */
export function writeSpec(sheet: ExcelJS.Worksheet, spec: SheetSpec): void {
  checkCellTexts(spec.name, spec.cells);
  spec.cells.forEach((row, r) => {
    const excelRow = sheet.getRow(r + 1);
    row.forEach((cell, c) => {
      if (cell === null || cell === undefined) return;
      excelRow.getCell(c + 1).value = toExcelValue(cell);
    });
  });
  applyStyles(sheet, spec);
  (spec.columnWidths ?? []).forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  for (const [row, height] of Object.entries(spec.rowHeights ?? {}))
    sheet.getRow(Number(row) + 1).height = height;
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    sheet.views = [{ state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }];
  }
  for (const merge of spec.merges ?? []) sheet.mergeCells(merge);
  for (const format of spec.conditionalFormats ?? [])
    sheet.addConditionalFormatting(toConditionalFormatting(format));
  for (const validation of spec.validations ?? []) addValidation(sheet, validation, spec.name);
  if (spec.tabColor)
    sheet.properties.tabColor = { argb: `FF${spec.tabColor.replace(/^#/, "").toUpperCase()}` };
  if (spec.hidden) sheet.state = "hidden";
}

/** Later ranges override earlier ones property by property, as successive formatting does in Excel. */
function applyStyles(sheet: ExcelJS.Worksheet, spec: SheetSpec): void {
  const merged = new Map<string, { row: number; column: number; style: CellStyle }>();
  for (const styled of spec.styles ?? []) {
    const range = parseRange(styled.range);
    if (!range) throw new Error(`Style on ${spec.name}: "${styled.range}" is not a range`);
    for (let r = range.start.row; r <= range.end.row; r++) {
      for (let c = range.start.column; c <= range.end.column; c++) {
        const key = `${r}:${c}`;
        const current = merged.get(key);
        merged.set(key, {
          row: r,
          column: c,
          style: current ? { ...current.style, ...styled.style } : styled.style,
        });
      }
    }
  }
  // One ExcelJS style object per distinct style; cells share it and it is never mutated afterwards.
  const cache = new Map<string, Partial<ExcelJS.Style>>();
  for (const { row, column, style } of merged.values()) {
    const id = JSON.stringify(style);
    let excelStyle = cache.get(id);
    if (!excelStyle) {
      excelStyle = toExcelStyle(style);
      cache.set(id, excelStyle);
    }
    sheet.getCell(row, column + 1).style = excelStyle;
  }
}

/** Excel keeps a literal drop-down list as one comma-separated text of 1 to 255 characters, as the Office host does. */
function addValidation(sheet: ExcelJS.Worksheet, validation: ListValidation, sheetName: string): void {
  const where = `${sheetName}!${validation.range}`;
  const comma = validation.list.find((item) => item.includes(","));
  if (comma !== undefined) {
    throw new Error(
      `The drop-down list for ${where} has an item with a comma ("${comma}"), which Excel cannot list.`,
    );
  }
  const inline = validation.list.join(",");
  if (inline.length === 0 || inline.length > 255) {
    throw new Error(
      `The drop-down list for ${where} is ${inline.length} characters long; Excel allows 1 to 255.`,
    );
  }
  // ExcelJS keeps range validations in `dataValidations`, which its type declarations leave out.
  const validations = (
    sheet as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  validations.add(validation.range, {
    type: "list",
    allowBlank: true,
    formulae: [`"${inline.replace(/"/g, '""')}"`],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "Not in the list",
    error: validation.error,
  });
}
